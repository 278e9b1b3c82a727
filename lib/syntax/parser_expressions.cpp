// Expressions: a primary (name, string, number, true/false, list) followed by `.member` and `(args)` postfixes.
// Calls and lists take a trailing comma; inside ( ) and [ ] the lexer already joined the lines.
#include <fmt/format.h>

#include <charconv>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {
namespace {

ExprPtr make_expr(ExprKind kind, Span span) {
  auto expr = std::make_unique<Expr>();
  expr->kind = kind;
  expr->span = span;
  return expr;
}

void fill_number(Expr& expr, const std::string& text) {
  expr.number_text = text;
  expr.is_integer = text.find('.') == std::string::npos;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  double value = 0.0;
  if (std::from_chars(begin, end, value).ec == std::errc()) expr.float_value = value;
  if (expr.is_integer) {
    std::int64_t integer = 0;
    // Out of range is the lexer's E023; the value then stays 0.
    if (std::from_chars(begin, end, integer).ec == std::errc()) expr.int_value = integer;
  }
}

}  // namespace

ExprPtr Parser::parse_expression() { return parse_expression_at(1); }

// `depth` is the depth of the node being built in the expression tree; each postfix adds a level (the tree of
// `a.b.c` is left-deep), so both nesting and long chains are bounded by kMaxNesting.
ExprPtr Parser::parse_expression_at(int depth) {
  ExprPtr expr = parse_primary(depth);
  if (!expr) return nullptr;
  for (;;) {
    if (!at(TokenKind::Dot) && !at(TokenKind::LParen)) return expr;
    if (++depth > kMaxNesting) {
      error_here("E031", fmt::format("expression nested too deeply (more than {} levels)", kMaxNesting));
      return nullptr;
    }
    const Position start = expr->span.start;
    if (accept(TokenKind::Dot)) {
      auto member = expect_name("a member name after '.'");
      if (!member) return nullptr;
      auto access = make_expr(ExprKind::MemberAccess, Span{start, member->span.end});
      access->object = std::move(expr);
      access->member = std::move(*member);
      expr = std::move(access);
    } else {
      const Token& open = cur();
      advance();
      auto call = make_expr(ExprKind::Call, Span{});
      if (!parse_expression_list(call->args, open, depth, "argument")) return nullptr;
      call->span = span_from(start);
      call->callee = std::move(expr);
      expr = std::move(call);
    }
  }
}

ExprPtr Parser::parse_primary(int depth) {
  if (depth > kMaxNesting) {
    error_here("E031", fmt::format("expression nested too deeply (more than {} levels)", kMaxNesting));
    return nullptr;
  }
  const Token& token = cur();
  switch (token.kind) {
    case TokenKind::String: {
      auto expr = make_expr(ExprKind::String, token.span);
      expr->string_value = token.value;
      advance();
      return expr;
    }
    case TokenKind::Number: {
      auto expr = make_expr(ExprKind::Number, token.span);
      fill_number(*expr, token.text);
      advance();
      return expr;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
      auto expr = make_expr(ExprKind::Boolean, token.span);
      expr->bool_value = token.kind == TokenKind::KwTrue;
      advance();
      return expr;
    }
    case TokenKind::LBracket: {
      advance();
      auto list = make_expr(ExprKind::List, Span{});
      if (!parse_expression_list(list->args, token, depth, "list element")) return nullptr;
      list->span = span_from(token.span.start);
      return list;
    }
    default: break;
  }
  // Keywords that may be names (a scope called `scope`) are names here too: the statement keyword was already
  // consumed, so there is no ambiguity.
  if (is_name(token.kind)) {
    auto expr = make_expr(ExprKind::Identifier, token.span);
    expr->name = token.text;
    advance();
    return expr;
  }
  if (depth == 1 && report_stray_closer()) return nullptr;
  std::optional<std::string> help;
  if (token.kind == TokenKind::LParen) help = "parentheses only follow a function name, as in `files.exists(src)`";
  error_here("E003", "expected an expression" + found(), std::move(help));
  return nullptr;
}

// After the opening '(' or '[': items separated by ',', an optional trailing ',', then the closer.
// Inside brackets the lexer emits no newlines; reaching one (a '{' or '}' resets the lexer's bracket depth), a
// '}' or the end of the file means the bracket was never closed.
bool Parser::parse_expression_list(std::vector<ExprPtr>& out, const Token& open, int depth, std::string_view what) {
  const TokenKind close = open.kind == TokenKind::LParen ? TokenKind::RParen : TokenKind::RBracket;
  for (;;) {
    if (accept(close)) return true;
    if (at_statement_end()) {
      report_unclosed(open);
      return false;
    }
    ExprPtr item = parse_expression_at(depth + 1);
    if (!item) return false;
    out.push_back(std::move(item));
    if (accept(TokenKind::Comma)) continue;
    if (accept(close)) return true;
    if (at_statement_end()) {
      report_unclosed(open);
      return false;
    }
    // Inside brackets lines are joined, so a statement on the next line often means a missing closer.
    std::optional<std::string> help;
    if (cur().first_on_line) {
      help = fmt::format("is the '{}' on line {} closed?", open.text, open.span.start.line);
    }
    error_here("E007", fmt::format("expected ',' or {} after {}{}", describe(close), what, found()), std::move(help));
    return false;
  }
}

void Parser::report_unclosed(const Token& open) {
  const char* closer = open.kind == TokenKind::LParen ? ")" : "]";
  error("E027", fmt::format("unclosed '{}'", open.text), open.span, fmt::format("add the matching '{}'", closer));
}

bool Parser::report_stray_closer() {
  if (!at(TokenKind::RParen) && !at(TokenKind::RBracket)) return false;
  error_here("E028", fmt::format("unmatched '{}'", cur().text), "remove it, or add the bracket it was meant to close");
  return true;
}

}  // namespace hie::syntax::parser_detail
