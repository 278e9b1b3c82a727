// UTF-8 decoding and encoding shared by the source line table (columns) and the lexer (E020, escapes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hie::syntax {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// One decoded character. `length` is 1-4 for a valid sequence and 0 when the byte at the offset does not start
// a valid UTF-8 sequence (bad lead byte, stray continuation byte, truncated, overlong, surrogate, > U+10FFFF).
struct DecodedChar {
  char32_t code_point = 0;
  std::uint32_t length = 0;
};

// Decodes the character starting at text[offset]; offset must be < text.size().
DecodedChar decode_utf8(std::string_view text, std::size_t offset);

// True for code points a `\u{...}` escape may produce: at most U+10FFFF and not a surrogate.
constexpr bool is_scalar_value(char32_t code_point) {
  return code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF);
}

// Appends the UTF-8 encoding of a scalar value (anything else appends U+FFFD).
void append_utf8(std::string& out, char32_t code_point);

// Length of the byte-order mark at the very start of `text` (3), or 0 when there is none. A leading BOM is
// not a character of the spec: it takes no column and the lexer skips it.
std::size_t byte_order_mark_length(std::string_view text);

}  // namespace hie::syntax
