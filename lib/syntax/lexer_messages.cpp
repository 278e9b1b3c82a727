// How the lexer shows a character in a message: quoted when it is visible, as U+XXXX when it is not.
#include <fmt/format.h>

#include "syntax/lexer_internal.h"
#include "syntax/utf8.h"

namespace hie::syntax::lexer_detail {
namespace {

// Characters that are invisible, look like a space, or combine with the quote around them.
bool is_invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x300 && c <= 0x36F) || c == 0x34F || c == 0x61C ||
         c == 0x115F || c == 0x1160 || c == 0x1680 || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
         c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFFB) ||
         c == 0xFFFE || c == 0xFFFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace

std::string quote_character(char32_t code_point) {
  if (is_invisible(code_point)) return fmt::format("U+{:04X}", static_cast<std::uint32_t>(code_point));
  std::string out = "'";
  append_utf8(out, code_point);
  out += "'";
  return out;
}

}  // namespace hie::syntax::lexer_detail
