// The parser's token cursor: reading tokens, expecting them, reporting errors, and gathering doc comments.
#include <fmt/format.h>

#include <algorithm>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {

bool is_name(TokenKind kind) { return kind == TokenKind::Identifier || is_name_keyword(kind); }

Parser::Parser(const SourceFile& source, std::vector<Token> tokens, DiagnosticList& diagnostics,
               std::size_t first_lexical)
    : source_(source), tokens_(std::move(tokens)), diagnostics_(diagnostics) {
  for (std::size_t i = first_lexical; i < diagnostics_.size(); ++i) {
    const Diagnostic& lexical = diagnostics_.items()[i];
    if (lexical.severity == Severity::Error) lexical_errors_.push_back(lexical.span.start.offset);
  }
  std::sort(lexical_errors_.begin(), lexical_errors_.end());
  // The lexer always ends with Eof; this keeps the cursor safe even if it did not.
  if (tokens_.empty() || tokens_.back().kind != TokenKind::Eof) {
    const auto end = static_cast<std::uint32_t>(source_.text().size());
    Token eof;
    eof.kind = TokenKind::Eof;
    eof.span = source_.span_of(end, end);
    eof.first_on_line = true;
    tokens_.push_back(std::move(eof));
  }
  last_end_ = tokens_.front().span.start;
}

const Token& Parser::peek(std::size_t ahead) const {
  const std::size_t index = pos_ + ahead;
  return index < tokens_.size() ? tokens_[index] : tokens_.back();
}

void Parser::advance() {
  const Token& token = cur();
  if (token.kind == TokenKind::Eof) return;
  if (token.kind != TokenKind::Newline && token.kind != TokenKind::DocComment) last_end_ = token.span.end;
  ++pos_;
}

bool Parser::accept(TokenKind kind) {
  if (!at(kind)) return false;
  advance();
  return true;
}

Identifier Parser::take_identifier() {
  Identifier identifier{cur().text, cur().span};
  advance();
  return identifier;
}

std::optional<Identifier> Parser::expect_name(std::string_view what) {
  if (is_name(kind())) return take_identifier();
  std::optional<std::string> help;
  if (at(TokenKind::Number)) help = "names start with a letter or '_'";
  if (at(TokenKind::KwImport) || at(TokenKind::KwFrom) || at(TokenKind::KwAs) || at(TokenKind::KwTrue) ||
      at(TokenKind::KwFalse)) {
    help = "'import', 'from', 'as', 'true' and 'false' cannot be used as names";
  }
  error_here("E004", fmt::format("expected {}{}", what, found()), std::move(help));
  return std::nullopt;
}

bool Parser::expect(TokenKind kind, std::string_view what) {
  if (accept(kind)) return true;
  error_here("E007", fmt::format("expected {}{}", what, found()));
  return false;
}

// A syntax error in a statement that already has a lexical error (an unexpected character, an unterminated
// string) is almost always its consequence (`a != b` lexes as `a = b`): the lexer's diagnostic is the one to fix.
void Parser::error(std::string_view code, std::string message, Span span, std::optional<std::string> help) {
  const auto lexical = std::lower_bound(lexical_errors_.begin(), lexical_errors_.end(), statement_start_);
  if (lexical != lexical_errors_.end() && *lexical <= std::max(span.end.offset, cur().span.end.offset)) return;
  diagnostics_.error(std::string(code), std::move(message), source_.path(), span, std::move(help));
}

void Parser::error_here(std::string_view code, std::string message, std::optional<std::string> help) {
  error(code, std::move(message), cur().span, std::move(help));
}

std::string Parser::found() const { return ", found " + describe(cur()); }

std::string Parser::slice(const Span& span) const {
  const std::string& text = source_.text();
  if (span.start.offset >= span.end.offset || span.end.offset > text.size()) return {};
  return text.substr(span.start.offset, span.end.offset - span.start.offset);
}

bool Parser::at_statement_end() const { return at(TokenKind::Newline) || at(TokenKind::RBrace) || at(TokenKind::Eof); }

bool Parser::end_statement(std::string_view expected) {
  if (accept(TokenKind::Newline)) return true;
  if (at(TokenKind::RBrace) || at(TokenKind::Eof)) return true;
  if (report_stray_closer()) return false;
  std::optional<std::string> help;
  if (!frames_.empty() && frames_.back().brace) {
    help = "each statement goes on its own line; only the first and the last may share a line with the braces";
  }
  error_here("E008", fmt::format("expected {}{}", expected, found()), std::move(help));
  return false;
}

void Parser::finish_statement(std::size_t statement_start, std::string_view expected) {
  if (!end_statement(expected)) recover(statement_start);
}

bool Parser::has_open_brace(bool skip_innermost) const {
  std::size_t count = frames_.size();
  if (skip_innermost && count > 0) --count;
  for (std::size_t i = 0; i < count; ++i) {
    if (frames_[i].brace) return true;
  }
  return false;
}

void Parser::collect_docs() {
  while (at(TokenKind::Newline) || at(TokenKind::DocComment)) {
    if (at(TokenKind::DocComment)) pending_docs_.push_back(pos_);
    advance();
  }
}

// The documentation of the item about to be parsed: the last run of `##` lines on consecutive lines before it
// (blank or comment lines between that run and the item are fine; earlier runs are separate comments).
DocText Parser::take_doc() {
  if (pending_docs_.empty()) return std::nullopt;
  std::size_t first = pending_docs_.size() - 1;
  while (first > 0 &&
         tokens_[pending_docs_[first - 1]].span.start.line + 1 == tokens_[pending_docs_[first]].span.start.line) {
    --first;
  }
  std::string doc;
  for (std::size_t i = first; i < pending_docs_.size(); ++i) {
    if (i > first) doc += '\n';
    doc += tokens_[pending_docs_[i]].value;
  }
  pending_docs_.clear();
  return doc;
}

// When an indentation block ends, doc comments indented like its items were inside it and document nothing;
// those at the dedented line's level or less stay pending for the next item of an enclosing block.
void Parser::keep_docs_up_to(std::uint32_t indent) {
  std::erase_if(pending_docs_, [&](std::size_t index) { return tokens_[index].indent > indent; });
}

}  // namespace hie::syntax::parser_detail
