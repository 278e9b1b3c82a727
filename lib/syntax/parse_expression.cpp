// A small recursive-descent parser for a lone expression over the lexer's tokens. It mirrors the expression rules
// of the spec parser (parser_expressions.cpp): primary { "." NAME | "(" args ")" }, with keywords allowed as names.
#include "syntax/parse_expression.h"

#include <charconv>

#include "syntax/lexer.h"

namespace hie::syntax {
namespace {

constexpr int kMaxDepth = 256;

class ExpressionParser {
 public:
  ExpressionParser(const SourceFile& source, std::vector<Token> tokens, DiagnosticList& diagnostics)
      : source_(source), tokens_(std::move(tokens)), diagnostics_(diagnostics) {}

  ExprPtr parse() {
    skip_newlines();
    ExprPtr expr = expression(1);
    if (!expr) return nullptr;
    skip_newlines();
    if (cur().kind != TokenKind::Eof) {
      error("E008", "expected the end of the expression, found " + describe(cur()), cur().span);
      return nullptr;
    }
    return expr;
  }

 private:
  const Token& cur() const { return tokens_[pos_]; }
  void advance() {
    if (pos_ + 1 < tokens_.size()) ++pos_;
  }
  void skip_newlines() {
    while (cur().kind == TokenKind::Newline || cur().kind == TokenKind::DocComment) advance();
  }
  void error(std::string code, std::string message, Span span) {
    diagnostics_.error(std::move(code), std::move(message), source_.path(), span);
  }
  static bool is_name(TokenKind kind) { return kind == TokenKind::Identifier || is_name_keyword(kind); }

  ExprPtr make(ExprKind kind, Span span) {
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->span = span;
    return expr;
  }

  ExprPtr expression(int depth) {
    ExprPtr expr = primary(depth);
    while (expr) {
      if (++depth > kMaxDepth) {
        error("E031", "expression nested too deeply", cur().span);
        return nullptr;
      }
      Position start = expr->span.start;
      if (cur().kind == TokenKind::Dot) {
        advance();
        if (!is_name(cur().kind)) {
          error("E004", "expected a member name after '.', found " + describe(cur()), cur().span);
          return nullptr;
        }
        auto access = make(ExprKind::MemberAccess, Span{start, cur().span.end});
        access->object = std::move(expr);
        access->member = Identifier{cur().text, cur().span};
        advance();
        expr = std::move(access);
      } else if (cur().kind == TokenKind::LParen) {
        const Token open = cur();
        advance();
        auto call = make(ExprKind::Call, Span{});
        if (!list(call->args, open, depth)) return nullptr;
        call->span = Span{start, tokens_[pos_ - 1].span.end};
        call->callee = std::move(expr);
        expr = std::move(call);
      } else {
        break;
      }
    }
    return expr;
  }

  ExprPtr primary(int depth) {
    const Token& token = cur();
    switch (token.kind) {
      case TokenKind::String: {
        auto expr = make(ExprKind::String, token.span);
        expr->string_value = token.value;
        advance();
        return expr;
      }
      case TokenKind::Number: {
        auto expr = make(ExprKind::Number, token.span);
        expr->number_text = token.text;
        expr->is_integer = token.text.find('.') == std::string::npos;
        const char* begin = token.text.data();
        const char* end = begin + token.text.size();
        std::from_chars(begin, end, expr->float_value);
        if (expr->is_integer) std::from_chars(begin, end, expr->int_value);
        advance();
        return expr;
      }
      case TokenKind::KwTrue:
      case TokenKind::KwFalse: {
        auto expr = make(ExprKind::Boolean, token.span);
        expr->bool_value = token.kind == TokenKind::KwTrue;
        advance();
        return expr;
      }
      case TokenKind::LBracket: {
        const Token open = token;
        advance();
        auto expr = make(ExprKind::List, Span{});
        if (!list(expr->args, open, depth)) return nullptr;
        expr->span = Span{open.span.start, tokens_[pos_ - 1].span.end};
        return expr;
      }
      default:
        break;
    }
    if (is_name(token.kind)) {
      auto expr = make(ExprKind::Identifier, token.span);
      expr->name = token.text;
      advance();
      return expr;
    }
    error("E003", "expected an expression, found " + describe(token), token.span);
    return nullptr;
  }

  // After '(' or '[': items separated by ',', an optional trailing ',', then the closer.
  bool list(std::vector<ExprPtr>& out, const Token& open, int depth) {
    TokenKind close = open.kind == TokenKind::LParen ? TokenKind::RParen : TokenKind::RBracket;
    for (;;) {
      if (cur().kind == close) {
        advance();
        return true;
      }
      if (cur().kind == TokenKind::Eof || cur().kind == TokenKind::Newline) {
        error("E027", std::string("unclosed '") + (close == TokenKind::RParen ? "(" : "[") + "'", open.span);
        return false;
      }
      ExprPtr item = expression(depth + 1);
      if (!item) return false;
      out.push_back(std::move(item));
      if (cur().kind == TokenKind::Comma) {
        advance();
        continue;
      }
      if (cur().kind != close) {
        if (cur().kind == TokenKind::Eof || cur().kind == TokenKind::Newline) {
          error("E027", std::string("unclosed '") + (close == TokenKind::RParen ? "(" : "[") + "'", open.span);
        } else {
          error("E007", std::string("expected ',' or '") + (close == TokenKind::RParen ? ")" : "]") + "', found " +
                            describe(cur()),
                cur().span);
        }
        return false;
      }
    }
  }

  const SourceFile& source_;
  std::vector<Token> tokens_;
  DiagnosticList& diagnostics_;
  std::size_t pos_ = 0;
};

}  // namespace

ExprPtr parse_expression(const SourceFile& source, DiagnosticList& diagnostics) {
  std::size_t errors_before = diagnostics.error_count();
  std::vector<Token> tokens = lex(source, diagnostics);
  if (diagnostics.error_count() > errors_before) return nullptr;
  return ExpressionParser(source, std::move(tokens), diagnostics).parse();
}

}  // namespace hie::syntax
