#include "graph/content_hash.h"

#include <cstring>

namespace hie::graph {
namespace {

constexpr std::uint64_t kP0 = 0xa0761d6478bd642full;
constexpr std::uint64_t kP1 = 0xe7037ed1a0b428dbull;
constexpr std::uint64_t kP2 = 0x8ebc6af09c88c6e3ull;
constexpr std::uint64_t kP3 = 0x589965cc75374cc3ull;

// 64x64 -> 128-bit multiply, folded: the mixing step of wyhash-style hashes (fast and well distributed).
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t read64(const char* p) {
  std::uint64_t value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  std::uint64_t a = seed ^ kP0;
  std::uint64_t b = bytes.size() ^ kP1;
  // Two independent lanes of 16 bytes per step.
  while (left >= 32) {
    a = mix(read64(p) ^ kP1, read64(p + 8) ^ a);
    b = mix(read64(p + 16) ^ kP2, read64(p + 24) ^ b);
    p += 32;
    left -= 32;
  }
  while (left >= 8) {
    a = mix(read64(p) ^ kP3, a ^ kP1);
    p += 8;
    left -= 8;
  }
  std::uint64_t tail = 0;
  if (left > 0) std::memcpy(&tail, p, left);
  a = mix(tail ^ kP2 ^ (left << 56), a ^ kP3);
  return mix(a ^ kP0, b ^ kP2);
}

}  // namespace hie::graph
