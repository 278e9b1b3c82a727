#include "eval/fingerprint.h"

#include "sema/normalize_text.h"

namespace hie::eval {

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string fingerprint(std::string_view element, std::string_view origin, std::string_view check_text) {
  std::uint64_t hash = fnv1a64(element);
  hash = fnv1a64("\x1f", hash);
  hash = fnv1a64(origin, hash);
  hash = fnv1a64("\x1f", hash);
  hash = fnv1a64(sema::normalize_text(check_text), hash);
  return hex16(hash);
}

std::string hex16(std::uint64_t hash) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

}  // namespace hie::eval
