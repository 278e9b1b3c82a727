// Private to the lexer (lexer*.cpp): the Lexer state machine and its incremental position tracker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/diagnostic.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace hie::syntax::lexer_detail {

// SourceFile::position_at scans from the start of the line, which is quadratic for a long line full of tokens.
// The lexer asks for positions in (almost always) increasing order, so this walks forward from the last answer
// with exactly the same rules; a backwards request falls back to position_at.
class PositionTracker {
 public:
  explicit PositionTracker(const SourceFile& source);
  Position at(std::size_t offset);

 private:
  const SourceFile& source_;
  std::string_view text_;
  Position current_;  // always at the start of a character (or at the end of the text)
};

// Writes `code_point` for a message: 'é' for visible characters, U+200B for control and invisible ones (which
// would be unreadable, or would look like a space, between quotes).
std::string quote_character(char32_t code_point);

class Lexer {
 public:
  Lexer(const SourceFile& source, DiagnosticList& diagnostics);
  std::vector<Token> run();

 private:
  // lexer.cpp: the main loop and simple tokens.
  void lex_line_end(std::size_t terminator_length);
  void lex_identifier();
  void lex_number();
  void lex_punctuation(TokenKind kind);
  void lex_unexpected_characters();
  void lex_invalid_utf8();
  bool starts_token_or_space(std::size_t offset) const;

  // lexer_comments.cpp: '#', '##' and '###'.
  void lex_comment();
  void skip_block_comment(std::size_t opener_line_end, std::size_t closer);
  void lex_doc_comment_line(std::size_t begin, std::size_t text_begin, Position start);

  // lexer_strings.cpp: quoted strings and their escapes.
  void lex_string();
  std::size_t find_closing_quote(std::size_t open);
  void unescape(std::size_t begin, std::size_t end, std::string& value);
  std::size_t unescape_one(std::size_t backslash, std::size_t end, std::string& value);
  std::size_t unescape_unicode(std::size_t backslash, std::size_t end, std::string& value);
  void invalid_escape(std::size_t backslash, std::size_t end, std::string message, const char* help,
                      std::string& value);

  // Shared helpers (lexer.cpp).
  Token& emit(TokenKind kind, std::size_t begin, std::size_t end, Position start);
  bool at_first_token_of_line(Position start) const;
  std::uint32_t indent_of_line(std::uint32_t line);
  // Offset of the "\n" (or of the "\r" of "\r\n") ending the line that contains `offset`, or the text size.
  std::size_t line_end(std::size_t offset);
  // Reports each run of invalid UTF-8 bytes in [begin, end) once (E020); used for comment bodies.
  void check_utf8(std::size_t begin, std::size_t end);
  void report_invalid_utf8(std::size_t begin, std::size_t end);
  void error(const char* code, std::string message, std::size_t begin, std::size_t end,
             std::optional<std::string> help = std::nullopt);
  void error(const char* code, std::string message, Span span, std::optional<std::string> help = std::nullopt);

  const SourceFile& source_;
  DiagnosticList& diagnostics_;
  std::string_view text_;
  PositionTracker positions_;
  std::vector<Token> tokens_;

  std::size_t pos_ = 0;
  // A non-comment token since the last Newline: the current logical line owes a Newline token.
  bool newline_due_ = false;
  // Nesting of '(' and '[' (implicit line joining); '{' and '}' reset it, see lex_punctuation.
  std::uint32_t bracket_depth_ = 0;
  // Line on which the last non-layout token ended: a token starting on a later line is first on its line.
  std::uint32_t last_token_end_line_ = 0;
  // Cache for line_end: every offset in [line_end_from_, line_end_] has that line end. Without it, many
  // comments on one long line would make the lexer quadratic.
  std::size_t line_end_from_ = 1;
  std::size_t line_end_ = 0;
  // Cache for indent_of_line.
  std::uint32_t indent_line_ = 0;
  std::uint32_t indent_width_ = 0;
  // A scan from this offset (or earlier) for this quote found no closing quote: see find_closing_quote.
  std::size_t unclosed_single_from_ = SIZE_MAX;
  std::size_t unclosed_double_from_ = SIZE_MAX;
};

}  // namespace hie::syntax::lexer_detail
