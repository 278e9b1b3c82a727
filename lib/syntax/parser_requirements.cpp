// Requirements in pattern bodies: `requires|allows|forbids [descendant]` followed by scope, ref, check,
// element (with an optional brace or indentation body), implements, connection [to] or language.
#include <fmt/format.h>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {

std::optional<RequirementDecl> Parser::parse_requirement(DocText doc) {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  RequirementDecl requirement;
  requirement.doc = std::move(doc);
  switch (kind()) {
    case TokenKind::KwAllows: requirement.action = RequirementAction::Allows; break;
    case TokenKind::KwForbids: requirement.action = RequirementAction::Forbids; break;
    default: requirement.action = RequirementAction::Requires; break;
  }
  std::string intro = cur().text;
  advance();
  if (accept(TokenKind::KwDescendant)) {
    requirement.descendant = true;
    intro += " descendant";
  }
  const auto fail = [&]() -> std::optional<RequirementDecl> {
    recover(start);
    return std::nullopt;
  };
  // The target statements (scope, ref, check) finish and recover by themselves: a failure there is handled.
  Position end = last_end_;
  switch (kind()) {
    case TokenKind::KwScope: {
      requirement.target = RequirementTarget::Scope;
      requirement.scope = parse_scope(std::nullopt, /*unbounded_allowed=*/true);
      if (!requirement.scope) return std::nullopt;
      end = requirement.scope->span.end;
      break;
    }
    case TokenKind::KwRef:
    case TokenKind::KwConnectionPoint: {
      requirement.target = RequirementTarget::Ref;
      requirement.ref = parse_ref(std::nullopt, /*unbounded_allowed=*/true);
      if (!requirement.ref) return std::nullopt;
      end = requirement.ref->span.end;
      break;
    }
    case TokenKind::KwCheck: {
      requirement.target = RequirementTarget::Check;
      requirement.check = parse_check(std::nullopt);
      if (!requirement.check) return std::nullopt;
      end = requirement.check->span.end;
      break;
    }
    case TokenKind::KwElement: {
      requirement.target = RequirementTarget::Element;
      if (!parse_required_element(requirement, start)) return fail();
      end = last_end_;
      break;
    }
    case TokenKind::KwImplements: {
      requirement.target = RequirementTarget::Implements;
      requirement.element_name = Identifier{"_anonymous", cur().span};
      advance();
      requirement.element_implements = expect_name("a pattern name after 'implements'");
      if (!requirement.element_implements) return fail();
      end = last_end_;
      finish_statement(start);
      break;
    }
    case TokenKind::KwConnection: {
      requirement.target = RequirementTarget::Connection;
      advance();
      accept(TokenKind::KwTo);
      if (!parse_connection_target(requirement)) return fail();
      end = last_end_;
      finish_statement(start, requirement.connection_wildcard ? "a newline" : "'.' or a newline");
      break;
    }
    case TokenKind::KwLanguage: {
      requirement.target = RequirementTarget::Language;
      advance();
      auto language = expect_name("a language name after 'language'");
      if (!language) return fail();
      requirement.language = std::move(*language);
      end = last_end_;
      finish_statement(start);
      break;
    }
    default:
      error_here("E011",
                 fmt::format("expected 'scope', 'ref', 'check', 'element', 'implements', 'connection' or 'language' "
                             "after '{}'{}",
                             intro, found()));
      return fail();
  }
  if (requirement.target != RequirementTarget::Element) {
    requirement.source_text = slice(Span{start_position, end});
  }
  requirement.span = Span{start_position, end};
  return requirement;
}

// `element NAME [: TYPE] [implements P] ( block | newline )`. source_text is the header (the "first line").
bool Parser::parse_required_element(RequirementDecl& requirement, std::size_t statement_start) {
  const Position start_position = tokens_[statement_start].span.start;
  const Position element_start = cur().span.start;
  const std::uint32_t header_indent = cur().indent;
  advance();
  auto name = expect_name("a name after 'element'");
  if (!name) return false;
  requirement.element_name = std::move(*name);
  requirement.element_type = parse_optional_type();
  if (accept(TokenKind::KwImplements)) {
    requirement.element_implements = expect_name("a pattern name after 'implements'");
    if (!requirement.element_implements) return false;
  }
  requirement.source_text = slice(span_from(start_position));
  auto body = std::make_unique<ElementDecl>();
  body->name = requirement.element_name;
  body->type = requirement.element_type;
  if (requirement.element_implements) body->implements.push_back(*requirement.element_implements);
  // A requirement body describes declarations, so unbounded scopes and refs are fine in it.
  const BodyContext context{&body->body, /*in_pattern=*/true, /*pattern_body=*/false};
  const ItemParser item = [&](DocText item_doc) { parse_body_item(context, std::move(item_doc)); };
  if (at_statement_end()) {
    if (parse_body_after_missing_colon(requirement.source_text, header_indent, item)) {
      body->has_body = true;
      body->span = span_from(element_start);
      requirement.element_body = std::move(body);
      return true;
    }
    accept(TokenKind::Newline);
    return true;
  }
  if (!at(TokenKind::LBrace) && !at(TokenKind::Colon)) {
    std::optional<std::string> help;
    if (at(TokenKind::Comma)) help = "a required element names a single pattern after 'implements'";
    error_here(
        "E007",
        fmt::format("expected '{{', ':' or a newline after 'element {}'{}", requirement.element_name.name, found()),
        std::move(help));
    return false;
  }
  bool brace = false;
  if (!parse_block(fmt::format("required element '{}'", requirement.element_name.name), header_indent, item, brace)) {
    return false;
  }
  body->has_body = true;
  body->brace_block = brace;
  body->span = span_from(element_start);
  requirement.element_body = std::move(body);
  if (brace) {
    const Position end = last_end_;
    finish_statement(statement_start);
    last_end_ = end;  // the requirement ends with its block, not with what the recovery skipped
  }
  return true;
}

// `a.b[.c...][.*]`: names (keywords allowed), optionally ending with '.*' for "the target and everything below".
bool Parser::parse_connection_target(RequirementDecl& requirement) {
  auto first = expect_name("an element path after 'connection'");
  if (!first) return false;
  requirement.connection_path.push_back(std::move(*first));
  while (accept(TokenKind::Dot)) {
    if (accept(TokenKind::Star)) {
      requirement.connection_wildcard = true;
      return true;
    }
    auto segment = expect_name("a name or '*' after '.'");
    if (!segment) return false;
    requirement.connection_path.push_back(std::move(*segment));
  }
  return true;
}

}  // namespace hie::syntax::parser_detail
