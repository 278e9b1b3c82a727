#include "stdlib/rust/rust_tokenizer.h"

#include <fmt/format.h>

namespace hie::stdlib::rust {
namespace {

bool is_ident_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for ASCII and for stray continuation bytes).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view src) : src_(src) {}

  Tokenized run() {
    out_.tokens.reserve(src_.size() / 5);  // about one token per five bytes of typical Rust
    skip_preamble();
    while (pos_ < src_.size()) step();
    return std::move(out_);
  }

 private:
  char at(std::size_t i) const { return i < src_.size() ? src_[i] : '\0'; }

  void emit(TokenKind kind, std::size_t start, std::uint32_t line) {
    out_.tokens.push_back(Token{kind, src_.substr(start, pos_ - start), line});
  }

  void warn(std::uint32_t line, std::string_view what) { out_.warnings.push_back(fmt::format("{}: {}", line, what)); }

  // Advances to `end`, counting the newlines passed.
  void advance_to(std::size_t end) {
    for (; pos_ < end && pos_ < src_.size(); ++pos_) {
      if (src_[pos_] == '\n') ++line_;
    }
  }

  // A UTF-8 byte order mark, and a `#!` shebang line (but not an inner attribute `#![...]`).
  void skip_preamble() {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    if (src_.substr(pos_, 2) == "#!" && at(pos_ + 2) != '[') {
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
    }
  }

  void step() {
    const unsigned char c = static_cast<unsigned char>(src_[pos_]);
    if (c == '\n') { ++line_; ++pos_; return; }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { ++pos_; return; }
    if (c == '/' && at(pos_ + 1) == '/') return line_comment();
    if (c == '/' && at(pos_ + 1) == '*') return block_comment();
    if (c == '"') return quoted_string(pos_, pos_ + 1);
    if (c == '\'') return quote();
    if (is_digit(c)) return number();
    if (is_ident_start(c)) return ident_or_prefixed_literal();
    punct();
  }

  void line_comment() {
    const std::size_t start = pos_;
    std::size_t end = src_.find('\n', pos_);
    if (end == std::string_view::npos) end = src_.size();
    pos_ = end;
    // `///` documents (but `////` is an ordinary comment); `//!` documents the enclosing item.
    if (at(start + 2) == '/' && at(start + 3) != '/') {
      emit(TokenKind::OuterDoc, start, line_);
    } else if (at(start + 2) == '!') {
      emit(TokenKind::InnerDoc, start, line_);
    }
  }

  void block_comment() {
    const std::size_t start = pos_;
    const std::uint32_t line = line_;
    int depth = 0;
    std::size_t i = pos_;
    while (i < src_.size()) {
      if (src_[i] == '/' && at(i + 1) == '*') {
        ++depth;
        i += 2;
      } else if (src_[i] == '*' && at(i + 1) == '/') {
        --depth;
        i += 2;
        if (depth == 0) break;
      } else {
        ++i;
      }
    }
    if (depth != 0) warn(line, "unterminated block comment");
    advance_to(i);
    // `/** x */` documents (but `/**/` and `/*** x */` do not); `/*! x */` documents the enclosing item.
    if (at(start + 2) == '*' && at(start + 3) != '*' && at(start + 3) != '/') {
      emit(TokenKind::OuterDoc, start, line);
    } else if (at(start + 2) == '!') {
      emit(TokenKind::InnerDoc, start, line);
    }
  }

  // A string with escapes whose opening quote is at `quote` (the token starts at `start`, before any prefix).
  void quoted_string(std::size_t start, std::size_t after_quote) {
    const std::uint32_t line = line_;
    std::size_t i = after_quote;
    while (i < src_.size() && src_[i] != '"') i += src_[i] == '\\' ? 2 : 1;
    if (i >= src_.size()) {
      warn(line, "unterminated string literal");
      i = src_.size();
    } else {
      ++i;
    }
    pos_ = start;
    advance_to(i);
    skip_suffix();
    emit(TokenKind::Literal, start, line);
  }

  // A raw string whose `#`s (if any) start at `hashes` (the token starts at `start`).
  void raw_string(std::size_t start, std::size_t hashes) {
    const std::uint32_t line = line_;
    std::size_t count = 0;
    while (at(hashes + count) == '#') ++count;
    std::string closing(count + 1, '#');  // `"` then as many `#` as opened the string
    closing[0] = '"';
    std::size_t end = src_.find(closing, hashes + count + 1);
    if (end == std::string_view::npos) {
      warn(line, "unterminated raw string literal");
      end = src_.size();
    } else {
      end += closing.size();
    }
    pos_ = start;
    advance_to(end);
    skip_suffix();
    emit(TokenKind::Literal, start, line);
  }

  // A literal's type suffix (`"x"suffix` is rare, `1u8` common): part of the literal token.
  void skip_suffix() {
    while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
  }

  // `'` starts a char literal ('a', '\n', '\u{1F600}', '''), or a lifetime ('a, 'static).
  void quote() { char_or_lifetime(pos_, pos_); }

  void char_or_lifetime(std::size_t start, std::size_t quote) {
    const std::uint32_t line = line_;
    const std::size_t body = quote + 1;
    if (at(body) == '\\') {
      std::size_t i = body + 2;
      while (i < src_.size() && src_[i] != '\'' && src_[i] != '\n') ++i;
      if (at(i) != '\'') warn(line, "unterminated character literal");
      pos_ = at(i) == '\'' ? i + 1 : i;
      emit(TokenKind::Literal, start, line);
      return;
    }
    const std::size_t length = body < src_.size() ? utf8_length(static_cast<unsigned char>(src_[body])) : 0;
    if (length > 0 && at(body + length) == '\'' && src_[body] != '\n') {
      pos_ = body + length + 1;
      emit(TokenKind::Literal, start, line);
      return;
    }
    if (start == quote && is_ident_start(static_cast<unsigned char>(at(body)))) {
      pos_ = body;
      while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
      emit(TokenKind::Lifetime, start, line);
      return;
    }
    pos_ = body;
    emit(TokenKind::Punct, start, line);
  }

  void number() {
    const std::size_t start = pos_;
    auto digits = [&] {
      while (pos_ < src_.size()) {
        const unsigned char c = static_cast<unsigned char>(src_[pos_]);
        const bool hex = src_.substr(start, 2) == "0x" || src_.substr(start, 2) == "0X";
        if ((c == 'e' || c == 'E') && !hex && (at(pos_ + 1) == '+' || at(pos_ + 1) == '-') &&
            is_digit(static_cast<unsigned char>(at(pos_ + 2)))) {
          pos_ += 2;
        } else if (!is_ident_char(c)) {
          break;
        }
        ++pos_;
      }
    };
    digits();
    // `1.5` continues the literal; `1..2` (a range) and `x.0.method()` do not.
    if (at(pos_) == '.' && is_digit(static_cast<unsigned char>(at(pos_ + 1)))) {
      ++pos_;
      digits();
    }
    emit(TokenKind::Literal, start, line_);
  }

  void ident_or_prefixed_literal() {
    const std::size_t start = pos_;
    const char c = src_[pos_];
    const char n1 = at(pos_ + 1);
    const char n2 = at(pos_ + 2);
    // b'x' (byte), b"..", c"..", r"..", r#".."#, br"..", cr#".."#
    if (c == 'b' && n1 == '\'') return char_or_lifetime(start, start + 1);
    if ((c == 'b' || c == 'c') && n1 == '"') return quoted_string(start, start + 2);
    if (c == 'r' && (n1 == '"' || (n1 == '#' && raw_opening(start + 1)))) return raw_string(start, start + 1);
    if ((c == 'b' || c == 'c') && n1 == 'r' && (n2 == '"' || (n2 == '#' && raw_opening(start + 2)))) {
      return raw_string(start, start + 2);
    }
    // r#ident: a raw identifier.
    if (c == 'r' && n1 == '#' && is_ident_start(static_cast<unsigned char>(n2))) pos_ += 2;
    while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
    emit(TokenKind::Ident, start, line_);
  }

  // Whether the `#`s at `hashes` are followed by a `"` (a raw string, not `r#ident`).
  bool raw_opening(std::size_t hashes) const {
    while (at(hashes) == '#') ++hashes;
    return at(hashes) == '"';
  }

  void punct() {
    const std::size_t start = pos_;
    const std::string_view two = src_.substr(pos_, 2);
    if (two == "::" || two == "->" || two == "=>") {
      pos_ += 2;
    } else {
      pos_ += utf8_length(static_cast<unsigned char>(src_[pos_]));
      if (pos_ > src_.size()) pos_ = src_.size();
    }
    emit(TokenKind::Punct, start, line_);
  }

  std::string_view src_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  Tokenized out_;
};

}  // namespace

Tokenized tokenize(std::string_view source) { return Tokenizer(source).run(); }

std::string_view ident_name(const Token& token) {
  if (token.text.size() > 2 && token.text[0] == 'r' && token.text[1] == '#') return token.text.substr(2);
  return token.text;
}

}  // namespace hie::stdlib::rust
