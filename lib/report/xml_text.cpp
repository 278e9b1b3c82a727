#include "report/xml_text.h"

#include <fmt/core.h>

#include "syntax/utf8.h"

namespace hie::report {

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    syntax::DecodedChar decoded = syntax::decode_utf8(text, i);
    if (decoded.length == 0) {
      syntax::append_utf8(out, syntax::kReplacementCharacter);
      ++i;
      continue;
    }
    char32_t c = decoded.code_point;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t':
      case '\n':
      case '\r':
        if (attribute) {
          out += fmt::format("&#{};", static_cast<unsigned>(c));
        } else {
          out += static_cast<char>(c);
        }
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        } else if (c == 0xFFFE || c == 0xFFFF) {
          syntax::append_utf8(out, syntax::kReplacementCharacter);
        } else {
          out.append(text.substr(i, decoded.length));
        }
    }
    i += decoded.length;
  }
  return out;
}

}  // namespace hie::report
