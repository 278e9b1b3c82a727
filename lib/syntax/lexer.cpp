// The lexer's main loop and its simple tokens (names, numbers, punctuation, unexpected characters).
//
// Layout decisions the parser relies on (LANGUAGE.md §1 leaves them open):
// - Only "\n" and "\r\n" end a line. A lone "\r" is an unexpected character (E024, shown as U+000D): treating
//   it as a line break would disagree with the line numbers every editor and SourceFile show.
// - A Newline token ends every physical line that produced a non-comment token, except inside ( ) and [ ].
//   '{' and '}' reset that bracket depth to 0: braces never occur inside an expression, so an unclosed '('
//   must not swallow the newlines of the blocks that follow (the parser reports the missing ')').
// - first_on_line is true when no token (other than a block comment) ends on the token's line before it; a
//   token after a multi-line string on the string's last line is therefore not first on its line.
// - indent is the width of the leading spaces (1) and tabs (4) of the token's physical line.
// - The Eof token has first_on_line = true and indent = 0, so it closes every indentation block.
// - A byte-order mark at the start of the file is skipped (and takes no column, see SourceFile).
#include "syntax/lexer.h"

#include <array>
#include <limits>
#include <utility>

#include "syntax/lexer_internal.h"
#include "syntax/utf8.h"

namespace hie::syntax {
namespace lexer_detail {
namespace {

constexpr std::array<std::pair<std::string_view, TokenKind>, 23> kKeywords = {{
    {"element", TokenKind::KwElement},
    {"template", TokenKind::KwTemplate},
    {"pattern", TokenKind::KwPattern},
    {"implements", TokenKind::KwImplements},
    {"binds", TokenKind::KwBinds},
    {"scope", TokenKind::KwScope},
    {"connection_point", TokenKind::KwConnectionPoint},
    {"ref", TokenKind::KwRef},
    {"uses", TokenKind::KwUses},
    {"check", TokenKind::KwCheck},
    {"import", TokenKind::KwImport},
    {"from", TokenKind::KwFrom},
    {"as", TokenKind::KwAs},
    {"true", TokenKind::KwTrue},
    {"false", TokenKind::KwFalse},
    {"requires", TokenKind::KwRequires},
    {"allows", TokenKind::KwAllows},
    {"forbids", TokenKind::KwForbids},
    {"descendant", TokenKind::KwDescendant},
    {"connection", TokenKind::KwConnection},
    {"to", TokenKind::KwTo},
    {"language", TokenKind::KwLanguage},
    {"connection_check", TokenKind::KwConnectionCheck},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

TokenKind punctuation_kind(char c) {
  switch (c) {
    case ':': return TokenKind::Colon;
    case '=': return TokenKind::Equals;
    case '.': return TokenKind::Dot;
    case ',': return TokenKind::Comma;
    case '(': return TokenKind::LParen;
    case ')': return TokenKind::RParen;
    case '[': return TokenKind::LBracket;
    case ']': return TokenKind::RBracket;
    case '{': return TokenKind::LBrace;
    case '}': return TokenKind::RBrace;
    case '<': return TokenKind::LAngle;
    case '>': return TokenKind::RAngle;
    case '*': return TokenKind::Star;
    default: return TokenKind::Eof;  // not punctuation
  }
}

}  // namespace

Lexer::Lexer(const SourceFile& source, DiagnosticList& diagnostics)
    : source_(source), diagnostics_(diagnostics), text_(source.text()), positions_(source) {}

std::vector<Token> Lexer::run() {
  // Typical specs have one token per 5-8 bytes; one reservation avoids most regrowth.
  tokens_.reserve(text_.size() / 6 + 16);
  pos_ = byte_order_mark_length(text_);
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    const bool next_is_digit = pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1]);
    if (c == ' ' || c == '\t') {
      ++pos_;
    } else if (c == '\n') {
      lex_line_end(1);
    } else if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      lex_line_end(2);
    } else if (c == '#') {
      lex_comment();
    } else if (c == '\'' || c == '"') {
      lex_string();
    } else if (is_digit(c) || (c == '-' && next_is_digit)) {
      lex_number();
    } else if (is_name_start(c)) {
      lex_identifier();
    } else if (TokenKind kind = punctuation_kind(c); kind != TokenKind::Eof) {
      lex_punctuation(kind);
    } else if (decode_utf8(text_, pos_).length == 0) {
      lex_invalid_utf8();
    } else {
      lex_unexpected_characters();
    }
  }
  const std::size_t end = text_.size();
  if (newline_due_ && bracket_depth_ == 0) emit(TokenKind::Newline, end, end, positions_.at(end));
  emit(TokenKind::Eof, end, end, positions_.at(end));
  return std::move(tokens_);
}

void Lexer::lex_line_end(std::size_t terminator_length) {
  if (newline_due_ && bracket_depth_ == 0) {
    emit(TokenKind::Newline, pos_, pos_ + terminator_length, positions_.at(pos_));
    newline_due_ = false;
  }
  pos_ += terminator_length;
}

void Lexer::lex_identifier() {
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
  const std::string_view name = text_.substr(begin, pos_ - begin);
  TokenKind kind = TokenKind::Identifier;
  for (const auto& [spelling, keyword] : kKeywords) {
    if (spelling == name) kind = keyword;
  }
  emit(kind, begin, pos_, positions_.at(begin));
}

void Lexer::lex_number() {
  const std::size_t begin = pos_;
  const bool negative = text_[pos_] == '-';
  if (negative) ++pos_;
  // Magnitude limit of an int64 literal; the negative side has one more.
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t magnitude = 0;
  bool out_of_range = false;
  while (pos_ < text_.size() && is_digit(text_[pos_])) {
    const auto digit = static_cast<std::uint64_t>(text_[pos_] - '0');
    if (magnitude > (limit - digit) / 10) {
      out_of_range = true;
    } else {
      magnitude = magnitude * 10 + digit;
    }
    ++pos_;
  }
  // "1." followed by a non-digit is the number 1 and a '.', so `1.foo` stays a path-like expression.
  bool fraction = false;
  if (pos_ + 1 < text_.size() && text_[pos_] == '.' && is_digit(text_[pos_ + 1])) {
    fraction = true;
    pos_ += 1;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  const Position start = positions_.at(begin);
  const Token& token = emit(TokenKind::Number, begin, pos_, start);
  if (out_of_range && !fraction) {
    error("E023", "integer literal out of range", token.span,
          "integers must fit in a signed 64-bit integer (-9223372036854775808 to 9223372036854775807)");
  }
}

void Lexer::lex_punctuation(TokenKind kind) {
  emit(kind, pos_, pos_ + 1, positions_.at(pos_));
  ++pos_;
  switch (kind) {
    case TokenKind::LParen:
    case TokenKind::LBracket:
      if (bracket_depth_ < std::numeric_limits<std::uint32_t>::max()) ++bracket_depth_;
      break;
    case TokenKind::RParen:
    case TokenKind::RBracket:
      if (bracket_depth_ > 0) --bracket_depth_;  // an unmatched closer is the parser's E028
      break;
    case TokenKind::LBrace:
    case TokenKind::RBrace: bracket_depth_ = 0; break;
    default: break;
  }
}

bool Lexer::starts_token_or_space(std::size_t offset) const {
  const char c = text_[offset];
  const bool next_is = offset + 1 < text_.size();
  if (c == '\r') return next_is && text_[offset + 1] == '\n';
  if (c == '-') return next_is && is_digit(text_[offset + 1]);
  return c == ' ' || c == '\t' || c == '\n' || c == '#' || c == '\'' || c == '"' || is_name_char(c) ||
         punctuation_kind(c) != TokenKind::Eof;
}

// One E024 for a run of adjacent unexpected characters (`!!!`, `日本語`), naming the first one; the run ends at
// anything that can start a token, at whitespace, and at invalid UTF-8 (which is E020's business).
void Lexer::lex_unexpected_characters() {
  const std::size_t begin = pos_;
  const DecodedChar first = decode_utf8(text_, pos_);
  pos_ += first.length;
  while (pos_ < text_.size() && !starts_token_or_space(pos_)) {
    const DecodedChar next = decode_utf8(text_, pos_);
    if (next.length == 0) break;
    pos_ += next.length;
  }
  error("E024", "unexpected character " + quote_character(first.code_point), begin, pos_);
}

void Lexer::lex_invalid_utf8() {
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && decode_utf8(text_, pos_).length == 0) ++pos_;
  report_invalid_utf8(begin, pos_);
}

void Lexer::check_utf8(std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  while (i < end) {
    if (static_cast<unsigned char>(text_[i]) < 0x80) {
      ++i;
      continue;
    }
    const DecodedChar decoded = decode_utf8(text_, i);
    if (decoded.length != 0) {
      i += decoded.length;
      continue;
    }
    const std::size_t run_begin = i;
    while (i < end && decode_utf8(text_, i).length == 0) ++i;
    report_invalid_utf8(run_begin, i);
  }
}

void Lexer::report_invalid_utf8(std::size_t begin, std::size_t end) {
  error("E020", "invalid UTF-8", begin, end, "spec files must be saved as UTF-8");
}

Token& Lexer::emit(TokenKind kind, std::size_t begin, std::size_t end, Position start) {
  Token token;
  token.kind = kind;
  token.span = Span{start, positions_.at(end)};
  token.text.assign(text_.substr(begin, end - begin));
  switch (kind) {
    case TokenKind::Newline:
      token.first_on_line = false;
      token.indent = indent_of_line(start.line);
      break;
    case TokenKind::Eof:
      token.first_on_line = true;
      token.indent = 0;
      break;
    default:
      token.first_on_line = at_first_token_of_line(start);
      token.indent = indent_of_line(start.line);
      last_token_end_line_ = token.span.end.line;
      if (kind != TokenKind::DocComment) newline_due_ = true;
      break;
  }
  tokens_.push_back(std::move(token));
  return tokens_.back();
}

bool Lexer::at_first_token_of_line(Position start) const { return start.line > last_token_end_line_; }

std::uint32_t Lexer::indent_of_line(std::uint32_t line) {
  if (line != indent_line_) {
    std::uint64_t width = 0;
    for (const char c : source_.line_text(line)) {
      if (c == ' ') {
        width += 1;
      } else if (c == '\t') {
        width += 4;
      } else {
        break;
      }
    }
    indent_line_ = line;
    indent_width_ =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(width, std::numeric_limits<std::uint32_t>::max()));
  }
  return indent_width_;
}

std::size_t Lexer::line_end(std::size_t offset) {
  if (offset >= line_end_from_ && offset <= line_end_) return line_end_;
  std::size_t end = text_.find('\n', offset);
  if (end == std::string_view::npos) {
    end = text_.size();
  } else if (end > offset && text_[end - 1] == '\r') {
    --end;
  }
  line_end_from_ = offset;
  line_end_ = end;
  return end;
}

void Lexer::error(const char* code, std::string message, std::size_t begin, std::size_t end,
                  std::optional<std::string> help) {
  const Position start = positions_.at(begin);
  error(code, std::move(message), Span{start, positions_.at(end)}, std::move(help));
}

void Lexer::error(const char* code, std::string message, Span span, std::optional<std::string> help) {
  diagnostics_.error(code, std::move(message), source_.path(), span, std::move(help));
}

}  // namespace lexer_detail

std::vector<Token> lex(const SourceFile& source, DiagnosticList& diagnostics) {
  return lexer_detail::Lexer(source, diagnostics).run();
}

}  // namespace hie::syntax
