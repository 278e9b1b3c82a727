// The Python tokenizer: a single pass over the bytes, following CPython's tokenizer rules for what ends a token, a
// string and a logical line, and PEP 701 (Python 3.12) for f-strings, which also covers every older f-string.
#include "stdlib/python/python_tokenizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>

namespace hie::stdlib::python {
namespace {

bool is_name_start(unsigned char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Every string prefix Python accepts (compared case-insensitively), including 3.14's template strings.
bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::array<std::string_view, 11> kPrefixes = {"r",  "u",  "b",  "f",  "t", "br",
                                                                 "rb", "fr", "rf", "tr", "rt"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), lower) != kPrefixes.end();
}

bool prefix_has(std::string_view prefix, char letter) {
  return std::any_of(prefix.begin(), prefix.end(), [&](char c) { return c == letter || c == letter - 'a' + 'A'; });
}

// Operators longest first, so that the first match is the token.
constexpr std::array<std::string_view, 24> kLongOps = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**",
    "//",  "<<",  ">>",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@="};

class Scanner {
 public:
  explicit Scanner(std::string_view source) : src_(source) {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
    out_.tokens.reserve(src_.size() / 5);               // about one token per five bytes of typical Python: no regrowth
  }

  TokenizedSource run() {
    while (pos_ < src_.size()) {
      if (at_line_start_ && depth_ == 0) {
        if (!start_line()) continue;  // a blank or comment-only line
      }
      scan_one(out_.tokens, /*in_field=*/false);
    }
    if (depth_ > 0) warn(line_, "unclosed bracket at end of file");
    if (!out_.tokens.empty() && out_.tokens.back().kind != TokenKind::Newline &&
        out_.tokens.back().kind != TokenKind::Dedent && out_.tokens.back().kind != TokenKind::Indent) {
      emit(out_.tokens, TokenKind::Newline, pos_, pos_);
    }
    for (std::size_t i = 1; i < indents_.size(); ++i) emit(out_.tokens, TokenKind::Dedent, pos_, pos_);
    emit(out_.tokens, TokenKind::EndOfFile, pos_, pos_);
    return std::move(out_);
  }

 private:
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }

  void warn(std::uint32_t line, std::string_view what) {
    out_.warnings.push_back(fmt::format("line {}: {}", line, what));
  }

  void emit(std::vector<Token>& into, TokenKind kind, std::size_t begin, std::size_t end, std::uint32_t line = 0) {
    into.push_back(Token{kind, src_.substr(begin, end - begin), line ? line : line_});
  }

  // Consumes a line break (\n, \r\n or \r) at pos_, if there is one.
  bool take_newline() {
    if (peek() == '\r') {
      pos_ += peek(1) == '\n' ? 2 : 1;
    } else if (peek() == '\n') {
      ++pos_;
    } else {
      return false;
    }
    ++line_;
    return true;
  }

  // At the start of a physical line outside brackets: measures the indentation and emits INDENT/DEDENT. Returns
  // false (having consumed the line) for a line that holds nothing but blanks and a comment.
  bool start_line() {
    std::size_t column = 0;
    while (pos_ < src_.size()) {
      const char c = peek();
      if (c == ' ') {
        ++column;
      } else if (c == '\t') {
        column = (column / 8 + 1) * 8;
      } else if (c == '\f') {
        column = 0;
      } else {
        break;
      }
      ++pos_;
    }
    if (peek() == '#') {
      while (pos_ < src_.size() && peek() != '\n' && peek() != '\r') ++pos_;
    }
    if (pos_ >= src_.size()) return false;
    if (take_newline()) return false;
    if (peek() == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
      // A continuation right after the indentation: the logical line starts on the next physical line, at this
      // line's indentation (CPython measures it here).
      ++pos_;
      take_newline();
    }
    at_line_start_ = false;
    if (column > indents_.back()) {
      indents_.push_back(column);
      emit(out_.tokens, TokenKind::Indent, pos_, pos_);
    } else {
      while (column < indents_.back()) {
        indents_.pop_back();
        emit(out_.tokens, TokenKind::Dedent, pos_, pos_);
      }
      if (column != indents_.back()) {
        warn(line_, "unindent does not match any outer indentation level");
        indents_.push_back(column);
        emit(out_.tokens, TokenKind::Indent, pos_, pos_);
      }
    }
    return true;
  }

  // Scans one token (or skips blanks, a comment, a continuation or a line break) at pos_ into `into`. Inside an
  // f-string replacement field (`in_field`), line breaks never end a logical line.
  void scan_one(std::vector<Token>& into, bool in_field) {
    const auto c = static_cast<unsigned char>(peek());
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < src_.size() && peek() != '\n' && peek() != '\r') ++pos_;
    } else if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
      ++pos_;
      take_newline();
    } else if (c == '\\') {
      warn(line_, "unexpected character after line continuation character");
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      const std::uint32_t line = line_;
      const std::size_t begin = pos_;
      take_newline();
      if (!in_field && depth_ == 0) {
        if (!into.empty() && into.back().kind != TokenKind::Newline && into.back().kind != TokenKind::Indent &&
            into.back().kind != TokenKind::Dedent) {
          emit(into, TokenKind::Newline, begin, begin, line);
        }
        at_line_start_ = true;
      }
    } else if (c == '"' || c == '\'') {
      scan_string(into, pos_, pos_);
    } else if (is_name_start(c)) {
      const std::size_t begin = pos_;
      while (pos_ < src_.size() && is_name_char(static_cast<unsigned char>(peek()))) ++pos_;
      if ((peek() == '"' || peek() == '\'') && is_string_prefix(src_.substr(begin, pos_ - begin))) {
        scan_string(into, begin, pos_);
      } else {
        emit(into, TokenKind::Name, begin, pos_);
      }
    } else if (is_digit(c) || (c == '.' && is_digit(static_cast<unsigned char>(peek(1))))) {
      scan_number(into);
    } else {
      scan_operator(into);
    }
  }

  void scan_number(std::vector<Token>& into) {
    const std::size_t begin = pos_;
    const bool based = peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                                         peek(1) == 'b' || peek(1) == 'B');
    while (pos_ < src_.size()) {
      const auto c = static_cast<unsigned char>(peek());
      if (is_name_char(c) || c == '.') {
        ++pos_;
      } else if ((c == '+' || c == '-') && !based && (src_[pos_ - 1] == 'e' || src_[pos_ - 1] == 'E') &&
                 is_digit(static_cast<unsigned char>(peek(1)))) {
        ++pos_;  // the sign of an exponent: 1e-5
      } else {
        break;
      }
    }
    emit(into, TokenKind::Number, begin, pos_);
  }

  void scan_operator(std::vector<Token>& into) {
    const std::size_t begin = pos_;
    // Most operators are one character: compare the first two bytes before the whole operator (this loop ran for
    // every `(`, `,` and `.` of the workspace and was a tenth of a cold run).
    const char first = peek(), second = peek(1);
    for (std::string_view op : kLongOps) {
      if (op[0] == first && op[1] == second && src_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        emit(into, TokenKind::Op, begin, pos_);
        return;
      }
    }
    const char c = peek();
    if (c == '(' || c == '[' || c == '{') {
      ++depth_;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth_ == 0) {
        warn(line_, fmt::format("unmatched '{}'", c));
      } else {
        --depth_;
      }
    }
    ++pos_;
    emit(into, TokenKind::Op, begin, pos_);
  }

  // A string literal whose prefix starts at `begin` and whose opening quote is at `quote_pos`.
  void scan_string(std::vector<Token>& into, std::size_t begin, std::size_t quote_pos) {
    const std::uint32_t start_line = line_;
    const std::string_view prefix = src_.substr(begin, quote_pos - begin);
    const char quote = src_[quote_pos];
    const bool triple = src_.substr(quote_pos, 3) == std::string(3, quote);
    pos_ = quote_pos + (triple ? 3 : 1);
    const bool raw = prefix_has(prefix, 'r');
    const bool formatted = prefix_has(prefix, 'f') || prefix_has(prefix, 't');
    if (!scan_string_body(quote, triple, raw, formatted, start_line)) {
      warn(start_line, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
    }
    emit(into, TokenKind::String, begin, pos_, start_line);
  }

  // Scans up to and including the closing quote. Returns false when the string is not terminated (pos_ is then at
  // the end of the line for a one-line string, or at the end of the file).
  bool scan_string_body(char quote, bool triple, bool raw, bool formatted, std::uint32_t start_line) {
    while (pos_ < src_.size()) {
      const char c = peek();
      if (c == '\\') {
        ++pos_;
        if (formatted && !raw && peek() == 'N' && peek(1) == '{') {
          // \N{NAME}: the braces belong to the escape, not to a replacement field.
          while (pos_ < src_.size() && peek() != '}' && peek() != '\n' && peek() != quote) ++pos_;
          if (peek() == '}') ++pos_;
        } else if (!take_newline() && pos_ < src_.size() && !(formatted && (peek() == '{' || peek() == '}'))) {
          ++pos_;  // in raw strings too, a backslash keeps the next quote from closing the string
        }
      } else if (c == quote) {
        if (!triple) {
          ++pos_;
          return true;
        }
        if (peek(1) == quote && peek(2) == quote) {
          pos_ += 3;
          return true;
        }
        ++pos_;
      } else if (c == '\n' || c == '\r') {
        if (!triple) return false;
        take_newline();
      } else if (formatted && c == '{') {
        if (peek(1) == '{') {
          pos_ += 2;
        } else {
          ++pos_;
          if (!scan_replacement_field(quote, triple, start_line)) return false;
        }
      } else {
        ++pos_;
      }
    }
    return false;
  }

  // The inside of `{...}` in an f-string, from just after `{` to just after the matching `}`: an expression, an
  // optional `=`, `!conversion` and `:format spec` (which may itself contain fields). Returns false when the
  // enclosing string ends (or the file ends) first.
  bool scan_replacement_field(char quote, bool triple, std::uint32_t string_line) {
    const std::size_t saved_depth = depth_;
    const std::size_t field_start = out_.fstring_tokens.size();
    depth_ = 0;
    bool closed = false;
    while (pos_ < src_.size()) {
      const char c = peek();
      if (depth_ == 0 && c == '}') {
        ++pos_;
        closed = true;
        break;
      }
      if (depth_ == 0 && c == '!' && peek(1) != '=') {
        while (pos_ < src_.size() && peek() != ':' && peek() != '}' && peek() != quote && peek() != '\n') ++pos_;
        continue;
      }
      if (depth_ == 0 && c == ':') {
        ++pos_;
        // The expression ends here; fields nested in the format spec are fields of their own.
        if (out_.fstring_tokens.size() > field_start) emit(out_.fstring_tokens, TokenKind::Newline, pos_, pos_);
        closed = scan_format_spec(quote, triple, string_line);
        break;
      }
      if (!triple && (c == '\n' || c == '\r') && depth_ == 0) break;  // a one-line string ended without its `}`
      if (c == quote && depth_ == 0 && (!triple || src_.substr(pos_, 3) == std::string(3, quote)) &&
          out_.fstring_tokens.size() > field_start) {
        // The enclosing string's quote right after a complete operand can only end the string (the field was
        // left open: malformed code). Anywhere else it starts a nested string, as Python 3.12 allows.
        const Token& last = out_.fstring_tokens.back();
        if (last.kind == TokenKind::Name || last.kind == TokenKind::Number || last.text == ")" || last.text == "]") {
          break;
        }
      }
      scan_one(out_.fstring_tokens, /*in_field=*/true);
    }
    if (out_.fstring_tokens.empty() || out_.fstring_tokens.back().kind != TokenKind::Newline) {
      emit(out_.fstring_tokens, TokenKind::Newline, pos_, pos_);
    }
    depth_ = saved_depth;
    if (!closed) warn(string_line, "f-string: expecting '}'");
    return true;
  }

  // A format spec after `:` up to the field's closing `}`; nested `{...}` fields are scanned as fields.
  bool scan_format_spec(char quote, bool triple, std::uint32_t string_line) {
    while (pos_ < src_.size()) {
      const char c = peek();
      if (c == '}') {
        ++pos_;
        return true;
      }
      if (c == '{') {
        ++pos_;
        scan_replacement_field(quote, triple, string_line);
        continue;
      }
      if (c == quote || ((c == '\n' || c == '\r') && !triple)) return false;
      if (c == '\n' || c == '\r') {
        take_newline();
      } else {
        ++pos_;
      }
    }
    return false;
  }

  std::string_view src_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::size_t depth_ = 0;  // open brackets
  bool at_line_start_ = true;
  std::vector<std::size_t> indents_{0};
  TokenizedSource out_;
};

}  // namespace

TokenizedSource tokenize(std::string_view source) { return Scanner(source).run(); }

bool is_keyword(std::string_view name) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  // Sorted (byte order): a binary search, after the length test that most identifiers fail (asked of every name).
  static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));
  if (name.size() < 2 || name.size() > 8) return false;
  return std::binary_search(kKeywords.begin(), kKeywords.end(), name);
}

std::string_view string_prefix(std::string_view literal) {
  const std::size_t quote = literal.find_first_of("\"'");
  return quote == std::string_view::npos ? std::string_view{} : literal.substr(0, quote);
}

std::string_view string_body(std::string_view literal) {
  std::string_view rest = literal.substr(string_prefix(literal).size());
  if (rest.empty()) return rest;
  const char quote = rest.front();
  const std::size_t width = rest.size() >= 6 && rest.substr(0, 3) == std::string(3, quote) ? 3 : 1;
  if (rest.size() < 2 * width) return rest.substr(std::min(width, rest.size()));
  // An unterminated literal has no closing quotes to drop.
  const bool closed = rest.substr(rest.size() - width) == std::string(width, quote);
  return rest.substr(width, rest.size() - width - (closed ? width : 0));
}

}  // namespace hie::stdlib::python
