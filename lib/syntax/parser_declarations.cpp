// Body statements of elements and patterns: element, scope, ref, check, uses and V1 bindings, and the dispatch
// that decides which one a statement is (requirements are in parser_requirements.cpp).
#include <fmt/format.h>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {
namespace {

// The older tool's messages for these (kept: users search for them) say "templates"; patterns are templates.
std::string unbounded_scope_message(const std::string& name) {
  return fmt::format("unbounded scope '{}' is only allowed in templates (patterns), not in regular elements", name);
}

std::string unbounded_ref_message(const std::string& name) {
  return fmt::format("unbounded ref '{}' is only allowed in templates (patterns), not in regular elements", name);
}

}  // namespace

void Parser::parse_body_item(const BodyContext& context, DocText doc) {
  const std::size_t start = pos_;
  const TokenKind k = kind();
  Body& body = *context.body;

  // `a.b.c = expr`: a name followed by '.' can only be a binding (no keyword statement continues with '.').
  if (is_name(k) && peek().kind == TokenKind::Dot) {
    if (context.pattern_body) {
      error_here("E002",
                 "a pattern binding (`pattern.member = ...`) is only allowed in an element, not in a "
                 "pattern body",
                 "bind pattern members in the elements that implement the pattern");
      recover(start);
      return;
    }
    if (auto binding = parse_binding()) body.bindings.push_back(std::move(*binding));
    return;
  }
  if (starts_uses_statement()) {
    if (auto uses = parse_uses()) body.uses.push_back(std::move(*uses));
    return;
  }
  switch (k) {
    case TokenKind::KwScope:
      if (auto scope = parse_scope(std::move(doc), context.in_pattern)) body.scopes.push_back(std::move(*scope));
      return;
    case TokenKind::KwRef:
    case TokenKind::KwConnectionPoint:
      if (auto ref = parse_ref(std::move(doc), context.in_pattern)) body.refs.push_back(std::move(*ref));
      return;
    case TokenKind::KwCheck:
      if (auto check = parse_check(std::move(doc))) body.checks.push_back(std::move(*check));
      return;
    case TokenKind::KwElement:
      if (auto element = parse_element(std::move(doc), context.in_pattern)) {
        body.elements.push_back(std::move(*element));
      }
      return;
    case TokenKind::KwRequires:
    case TokenKind::KwAllows:
    case TokenKind::KwForbids:
      if (context.pattern_body) {
        if (auto requirement = parse_requirement(std::move(doc))) {
          body.requirements.push_back(std::move(*requirement));
        }
        return;
      }
      error_here(
          "E012",
          fmt::format("'{}' is only allowed in templates (patterns), not in regular elements", keyword_spelling(k)),
          fmt::format("define a pattern with this constraint and have the element implement it: "
                      "`pattern p {{ {} ... }}` and `element e implements p {{ ... }}`",
                      keyword_spelling(k)));
      recover(start);
      return;
    case TokenKind::KwUses:
      error_here("E016", "expected a name before 'uses'",
                 "a uses statement is `SCOPE uses ELEMENT.PATH`, e.g. `src uses core.lexer`");
      recover(start);
      return;
    default:
      if (report_stray_closer()) {
        recover(start);
        return;
      }
      break;
  }
  const std::string message =
      context.pattern_body
          ? "expected 'scope', 'ref', 'check', 'element', 'uses', 'requires', 'allows' or 'forbids' in a pattern body"
          : "expected 'scope', 'ref', 'check', 'element', 'uses' or a binding in an element body";
  error_here("E002", message + found(), junk_help(cur(), /*top_level=*/false));
  recover(start);
}

// `NAME uses PATH`. A keyword may be the scope's name too (`check uses x`), so for a keyword the rest of the
// line must look like a uses statement: `uses`, a name, then '.' or the end of the statement.
bool Parser::starts_uses_statement() const {
  if (!is_name(kind()) || peek().kind != TokenKind::KwUses) return false;
  if (at(TokenKind::Identifier)) return true;
  const TokenKind after = peek(3).kind;
  return is_name(peek(2).kind) && (after == TokenKind::Dot || after == TokenKind::Newline ||
                                   after == TokenKind::RBrace || after == TokenKind::Eof);
}

std::optional<ElementDecl> Parser::parse_element(DocText doc, bool in_pattern) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  const std::uint32_t header_indent = cur().indent;
  ElementDecl element;
  element.doc = std::move(doc);
  advance();
  const auto fail = [&]() -> std::optional<ElementDecl> {
    recover(start);
    return std::nullopt;
  };
  auto name = expect_name("a name after 'element'");
  if (!name) return fail();
  element.name = std::move(*name);
  element.type = parse_optional_type();
  if (accept(TokenKind::KwImplements)) {
    do {
      auto pattern = expect_name("a pattern name after 'implements'");
      if (!pattern) return fail();
      element.implements.push_back(std::move(*pattern));
    } while (accept(TokenKind::Comma));
  }
  const BodyContext context{&element.body, in_pattern, /*pattern_body=*/false};
  const ItemParser item = [&](DocText item_doc) { parse_body_item(context, std::move(item_doc)); };
  if (at_statement_end()) {  // a leaf: `element x` with no block
    element.span = span_from(start_position);
    if (parse_body_after_missing_colon(slice(element.span), header_indent, item)) {
      element.has_body = true;
      element.span = span_from(start_position);
      return element;
    }
    accept(TokenKind::Newline);
    return element;
  }
  if (!at(TokenKind::LBrace) && !at(TokenKind::Colon)) {
    std::optional<std::string> help;
    if (at(TokenKind::Dot) && !element.implements.empty()) help = "pattern names after 'implements' are single names";
    if (at(TokenKind::Identifier) && element.implements.empty()) {
      help = fmt::format("to implement a pattern write `element {} implements {}`", element.name.name, cur().text);
    }
    error_here("E007", fmt::format("expected '{{', ':' or a newline after 'element {}'{}", element.name.name, found()),
               std::move(help));
    return fail();
  }
  bool brace = false;
  if (!parse_block(fmt::format("element '{}'", element.name.name), header_indent, item, brace)) return fail();
  element.has_body = true;
  element.brace_block = brace;
  element.span = span_from(start_position);
  if (brace) finish_statement(start);
  return element;
}

// `element x: Type` against `element x:` + an indented block: a ':' followed by a name is a type.
std::optional<Identifier> Parser::parse_optional_type() {
  if (!at(TokenKind::Colon) || !is_name(peek().kind)) return std::nullopt;
  advance();
  return take_identifier();
}

// Unbounded scopes (no value) are E014 unless `unbounded_allowed` (patterns); checked only when the statement
// itself parsed cleanly, so one mistake stays one diagnostic. The scope is kept either way.
std::optional<ScopeDecl> Parser::parse_scope(DocText doc, bool unbounded_allowed) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  ScopeDecl scope;
  scope.doc = std::move(doc);
  advance();
  const auto fail = [&]() -> std::optional<ScopeDecl> {
    recover(start);
    return std::nullopt;
  };
  auto name = expect_name("a name after 'scope'");
  if (!name) return fail();
  scope.name = std::move(*name);
  if (accept(TokenKind::LAngle)) {
    scope.language = expect_name("a language name after '<'");
    if (!scope.language) return fail();
    if (!expect(TokenKind::RAngle, "'>' after the language name")) return fail();
  } else if (accept(TokenKind::Colon)) {
    scope.language = expect_name("a language name after ':'");
    if (!scope.language) return fail();
    scope.legacy_colon_language = true;
  }
  if (accept(TokenKind::KwBinds)) {
    scope.binds = parse_path("a pattern member path after 'binds'");
    if (!scope.binds) return fail();
  }
  if (accept(TokenKind::Equals)) {
    scope.value = parse_expression();
    if (!scope.value) return fail();
    scope.value_text = slice(scope.value->span);
  }
  scope.span = span_from(start_position);
  const bool complete = scope.value != nullptr;
  if (!end_statement(complete ? "a newline" : (scope.binds ? "'=' or a newline" : "'binds', '=' or a newline"))) {
    recover(start);
  } else if (!complete && !unbounded_allowed) {
    error("E014", unbounded_scope_message(scope.name.name), scope.span,
          fmt::format("give it a value: `scope {} = <expression>`", scope.name.name));
  }
  return scope;
}

// Like parse_scope, with E015 for an unbounded ref.
std::optional<RefDecl> Parser::parse_ref(DocText doc, bool unbounded_allowed) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  RefDecl ref;
  ref.doc = std::move(doc);
  ref.legacy_connection_point = at(TokenKind::KwConnectionPoint);
  const std::string keyword = cur().text;
  advance();
  const auto fail = [&]() -> std::optional<RefDecl> {
    recover(start);
    return std::nullopt;
  };
  auto name = expect_name(fmt::format("a name after '{}'", keyword));
  if (!name) return fail();
  ref.name = std::move(*name);
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Equals) || at_statement_end()) {
      error("E015",
            fmt::format("{} '{}' needs a type: `{} {}: Type = ...`", keyword, ref.name.name, keyword, ref.name.name),
            span_from(start_position), "basic types are integer, float, string, boolean, scope and list");
    } else {
      error_here("E007", fmt::format("expected ':' and a type after '{} {}'{}", keyword, ref.name.name, found()));
    }
    return fail();
  }
  auto type = expect_name(fmt::format("a type name after '{} {}:'", keyword, ref.name.name));
  if (!type) return fail();
  ref.type = std::move(*type);
  if (accept(TokenKind::KwBinds)) {
    ref.binds = parse_path("a pattern member path after 'binds'");
    if (!ref.binds) return fail();
  }
  if (accept(TokenKind::Equals)) {
    ref.value = parse_expression();
    if (!ref.value) return fail();
    ref.value_text = slice(ref.value->span);
  }
  ref.span = span_from(start_position);
  const bool complete = ref.value != nullptr;
  if (!end_statement(complete ? "a newline" : (ref.binds ? "'=' or a newline" : "'binds', '=' or a newline"))) {
    recover(start);
  } else if (!complete && !unbounded_allowed) {
    error("E015", unbounded_ref_message(ref.name.name), ref.span,
          fmt::format("give it a value: `ref {}: {} = <expression>`", ref.name.name, ref.type.name));
  }
  return ref;
}

std::optional<CheckDecl> Parser::parse_check(DocText doc) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  CheckDecl check;
  check.doc = std::move(doc);
  advance();
  check.expr = parse_expression();
  if (!check.expr) {
    recover(start);
    return std::nullopt;
  }
  check.source_text = slice(check.expr->span);
  check.span = span_from(start_position);
  finish_statement(start);
  return check;
}

std::optional<UsesDecl> Parser::parse_uses() {
  const std::size_t start = pos_;
  UsesDecl uses;
  uses.source = take_identifier();
  advance();  // 'uses'
  auto target = parse_path("an element path after 'uses'");
  if (!target) {
    recover(start);
    return std::nullopt;
  }
  uses.target = std::move(*target);
  uses.span = span_from(uses.source.span.start);
  finish_statement(start, "'.' or a newline");
  return uses;
}

std::optional<BindingDecl> Parser::parse_binding() {
  const std::size_t start = pos_;
  BindingDecl binding;
  auto path = parse_path("a name after '.'");
  if (!path) {
    recover(start);
    return std::nullopt;
  }
  binding.path = std::move(*path);
  if (!at(TokenKind::Equals)) {
    std::string dotted;
    for (const auto& segment : binding.path) dotted += (dotted.empty() ? "" : ".") + segment.name;
    if (at(TokenKind::LParen)) {
      error_here("E002", "a call cannot be a statement on its own",
                 fmt::format("to run a check write `check {}(...)`", dotted));
    } else {
      error_here("E007", fmt::format("expected '=' after the binding path '{}'{}", dotted, found()));
    }
    recover(start);
    return std::nullopt;
  }
  advance();
  binding.value = parse_expression();
  if (!binding.value) {
    recover(start);
    return std::nullopt;
  }
  binding.value_text = slice(binding.value->span);
  binding.span = span_from(binding.path.front().span.start);
  finish_statement(start);
  return binding;
}

// NAME { '.' NAME }; keywords are fine as segments (`compiler.lexer.scope`).
std::optional<std::vector<Identifier>> Parser::parse_path(std::string_view what) {
  std::vector<Identifier> path;
  auto first = expect_name(what);
  if (!first) return std::nullopt;
  path.push_back(std::move(*first));
  while (accept(TokenKind::Dot)) {
    auto segment = expect_name("a name after '.'");
    if (!segment) return std::nullopt;
    path.push_back(std::move(*segment));
  }
  return path;
}

}  // namespace hie::syntax::parser_detail
