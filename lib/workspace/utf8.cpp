#include "workspace/utf8.h"

#include <cstdint>
#include <cstring>

namespace hie::workspace {

std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Source files are mostly ASCII: eight bytes at a time while no byte has its high bit set.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    auto continuation = [&](std::size_t k) { return i + k < n && (at(k) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      if (!continuation(1)) return i;
      i += 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (!continuation(1) || !continuation(2)) return i;
      if (b0 == 0xE0 && at(1) < 0xA0) return i;   // overlong
      if (b0 == 0xED && at(1) >= 0xA0) return i;  // surrogate
      i += 3;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (!continuation(1) || !continuation(2) || !continuation(3)) return i;
      if (b0 == 0xF0 && at(1) < 0x90) return i;   // overlong
      if (b0 == 0xF4 && at(1) >= 0x90) return i;  // above U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return n;
}

bool is_valid_utf8(std::string_view text) { return first_invalid_utf8(text) == text.size(); }

}  // namespace hie::workspace
