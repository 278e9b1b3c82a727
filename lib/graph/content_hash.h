// A fast, non-cryptographic 64-bit hash of file contents: the key of the fact cache (with the content's size).
#pragma once

#include <cstdint>
#include <string_view>

namespace hie::graph {

// What identifies a file's contents in the fact cache: the hash and the byte count (a collision would need both).
struct ContentHash {
  std::uint64_t hash = 0;
  std::uint64_t size = 0;

  friend bool operator==(const ContentHash&, const ContentHash&) = default;
};

// 64-bit hash of `bytes` (8 bytes per step, 128-bit multiply mixing). Stable across runs and machines of the same
// endianness; the cache file records nothing that depends on it beyond equality.
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0);

inline ContentHash content_hash(std::string_view bytes) { return {hash_bytes(bytes), bytes.size()}; }

}  // namespace hie::graph
