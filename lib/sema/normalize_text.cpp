#include "sema/normalize_text.h"

namespace hie::sema {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Punctuation next to which whitespace carries no meaning.
bool is_tight(char c) { return c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '.'; }

}  // namespace

std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char quote = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      out.push_back(c);
      if (c == '\\' && i + 1 < text.size()) {
        out.push_back(text[++i]);
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && !is_tight(c) && !is_tight(out.back())) out.push_back(' ');
    // Keep one space after a comma: `f(a,b)` and `f(a, b)` normalize to `f(a, b)`.
    if (!out.empty() && out.back() == ',' ) out.push_back(' ');
    pending_space = false;
    if (c == '\'' || c == '"') quote = c;
    out.push_back(c);
  }
  return out;
}

}  // namespace hie::sema
