// Language declarations: `language L`, optionally with a block of `connection_check name(p: scope[], ...): expr`.
#include <fmt/format.h>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {

std::optional<LanguageDecl> Parser::parse_language(DocText doc) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  const std::uint32_t header_indent = cur().indent;
  LanguageDecl language;
  language.doc = std::move(doc);
  advance();
  auto name = expect_name("a language name after 'language'");
  if (!name) {
    recover(start);
    return std::nullopt;
  }
  language.name = std::move(*name);
  const ItemParser item = [&](DocText item_doc) {
    const std::size_t item_start = pos_;
    if (!at(TokenKind::KwConnectionCheck)) {
      error_here("E013",
                 fmt::format("expected 'connection_check' in the body of language '{}'{}", language.name.name, found()),
                 "a language block holds only `connection_check name(p: scope[], ...): expression` rules");
      recover(item_start);
      return;
    }
    if (auto check = parse_connection_check(std::move(item_doc))) {
      language.connection_checks.push_back(std::move(*check));
    }
  };
  if (at_statement_end()) {
    language.span = span_from(start_position);
    if (parse_body_after_missing_colon(slice(language.span), header_indent, item)) {
      language.span = span_from(start_position);
      return language;
    }
    accept(TokenKind::Newline);
    return language;
  }
  if (!at(TokenKind::LBrace) && !at(TokenKind::Colon)) {
    error_here("E007",
               fmt::format("expected '{{', ':' or a newline after 'language {}'{}", language.name.name, found()));
    recover(start);
    return std::nullopt;
  }
  bool brace = false;
  if (!parse_block(fmt::format("language '{}'", language.name.name), header_indent, item, brace)) {
    recover(start);
    return std::nullopt;
  }
  language.span = span_from(start_position);
  if (brace) finish_statement(start);
  return language;
}

std::optional<ConnectionCheckDecl> Parser::parse_connection_check(DocText doc) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  const std::uint32_t line_indent = cur().indent;
  ConnectionCheckDecl check;
  check.doc = std::move(doc);
  advance();
  const auto fail = [&]() -> std::optional<ConnectionCheckDecl> {
    recover(start);
    return std::nullopt;
  };
  auto name = expect_name("a name after 'connection_check'");
  if (!name) return fail();
  check.name = std::move(*name);
  const Token& open = cur();
  if (!expect(TokenKind::LParen, fmt::format("'(' after 'connection_check {}'", check.name.name))) return fail();
  while (!accept(TokenKind::RParen)) {
    if (at_statement_end()) {
      report_unclosed(open);
      return fail();
    }
    auto param = expect_name("a parameter name");
    if (!param) return fail();
    const std::string param_name = param->name;
    const std::string type_expected = fmt::format("'scope[]' as the type of parameter '{}'", param_name);
    if (!expect(TokenKind::Colon, fmt::format("':' and a type after parameter '{}'", param_name)) ||
        !expect(TokenKind::KwScope, type_expected) || !expect(TokenKind::LBracket, type_expected) ||
        !expect(TokenKind::RBracket, type_expected)) {
      return fail();
    }
    const Span span = span_from(param->span.start);
    check.params.push_back(ConnectionCheckParam{std::move(*param), span});
    if (accept(TokenKind::Comma)) continue;
    if (at(TokenKind::RParen)) continue;
    if (at_statement_end()) {
      report_unclosed(open);
      return fail();
    }
    error_here("E007", "expected ',' or ')' after a parameter" + found());
    return fail();
  }
  if (!expect(TokenKind::Colon, fmt::format("':' before the body of connection check '{}'", check.name.name))) {
    return fail();
  }
  if (accept(TokenKind::Newline)) {
    // The body is one expression, on the same line or alone on the next line, indented deeper.
    while (at(TokenKind::Newline) || at(TokenKind::DocComment)) advance();
    if (at(TokenKind::Eof) || at(TokenKind::RBrace) || cur().indent <= line_indent) {
      error_here("E030",
                 fmt::format("expected the body of connection check '{}' on the next line, indented deeper{}",
                             check.name.name, found()),
                 "write the rule after the ':' or on the next line, indented: `connection_check " + check.name.name +
                     "(...): lib.check(...)`");
      return std::nullopt;  // the current token starts the next statement: nothing to skip
    }
  }
  check.body = parse_expression();
  if (!check.body) return fail();
  check.body_text = slice(check.body->span);
  check.span = span_from(start_position);
  finish_statement(start);
  return check;
}

}  // namespace hie::syntax::parser_detail
