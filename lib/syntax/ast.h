// The syntax tree of one `.hie` file. Every node keeps its span; declarations keep their doc comments.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "syntax/span.h"

namespace hie::syntax {

struct Identifier {
  std::string name;
  Span span;
};

// ---------------------------------------------------------------- expressions

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind { Identifier, MemberAccess, Call, String, Number, Boolean, List };

struct Expr {
  ExprKind kind = ExprKind::Identifier;
  Span span;

  std::string name;           // Identifier: the name
  std::string string_value;   // String: unescaped value
  std::string number_text;    // Number: as written ("-1", "10.0")
  bool is_integer = false;    // Number: no fractional part in the literal
  std::int64_t int_value = 0; // Number: when is_integer
  double float_value = 0.0;   // Number: always set
  bool bool_value = false;    // Boolean

  ExprPtr object;             // MemberAccess: `object.member`
  Identifier member;          // MemberAccess
  ExprPtr callee;             // Call: `callee(args...)`
  std::vector<ExprPtr> args;  // Call arguments; List elements
};

// ---------------------------------------------------------------- declarations

struct ScopeDecl {
  std::optional<std::string> doc;
  Identifier name;
  std::optional<Identifier> language;        // `<lang>` or legacy `: lang`
  bool legacy_colon_language = false;        // written as `scope x : lang`
  std::optional<std::vector<Identifier>> binds;
  ExprPtr value;                             // null when unbounded
  std::string value_text;                    // source text of the value, exactly as written
  Span span;                                 // the whole statement
};

struct RefDecl {
  std::optional<std::string> doc;
  Identifier name;
  Identifier type;
  bool legacy_connection_point = false;      // written with `connection_point`
  std::optional<std::vector<Identifier>> binds;
  ExprPtr value;                             // null when unbounded
  std::string value_text;
  Span span;
};

struct CheckDecl {
  std::optional<std::string> doc;
  ExprPtr expr;
  std::string source_text;  // the check expression exactly as written (used in results)
  Span span;                // the whole statement
};

struct UsesDecl {
  Identifier source;
  std::vector<Identifier> target;  // dotted path
  Span span;
};

// V1 pattern binding `P.a.m = expr` (path has at least two segments).
struct BindingDecl {
  std::vector<Identifier> path;
  ExprPtr value;
  std::string value_text;
  Span span;
};

struct RequirementDecl;
struct ElementDecl;

// What an element or pattern body holds. Each list keeps source order; spans give the interleaving.
struct Body {
  std::vector<ScopeDecl> scopes;
  std::vector<RefDecl> refs;
  std::vector<CheckDecl> checks;
  std::vector<UsesDecl> uses;
  std::vector<BindingDecl> bindings;          // elements only
  std::vector<RequirementDecl> requirements;  // patterns only
  std::vector<ElementDecl> elements;
};

struct ElementDecl {
  std::optional<std::string> doc;
  Identifier name;
  std::optional<Identifier> type;   // `element x: Type`
  std::vector<Identifier> implements;
  bool has_body = false;            // false for `element x` with no block
  bool brace_block = false;         // `{ }` (true) or `:` + indentation (false)
  Body body;
  Span span;                        // from `element` to the end of the block
};

enum class RequirementAction { Requires, Allows, Forbids };
enum class RequirementTarget { Scope, Ref, Check, Element, Implements, Connection, Language };

struct RequirementDecl {
  std::optional<std::string> doc;
  RequirementAction action = RequirementAction::Requires;
  bool descendant = false;
  RequirementTarget target = RequirementTarget::Scope;

  std::optional<ScopeDecl> scope;  // Scope
  std::optional<RefDecl> ref;      // Ref
  std::optional<CheckDecl> check;  // Check

  // Element / Implements: `element NAME [: TYPE] [implements P] [body]`; Implements has name "_anonymous".
  Identifier element_name;
  std::optional<Identifier> element_type;
  std::optional<Identifier> element_implements;
  std::unique_ptr<ElementDecl> element_body;  // the body as an element named element_name, when present

  // Connection: `connection [to] a.b[.*]`
  std::vector<Identifier> connection_path;
  bool connection_wildcard = false;

  // Language: `language L`
  Identifier language;

  std::string source_text;  // the whole requirement as written (first line for bodies)
  Span span;
};

struct PatternDecl {
  std::optional<std::string> doc;
  Identifier name;
  bool legacy_template_keyword = false;  // written with `template`
  bool brace_block = false;
  Body body;
  Span span;
};

struct ConnectionCheckParam {
  Identifier name;
  Span span;
};

struct ConnectionCheckDecl {
  std::optional<std::string> doc;
  Identifier name;
  std::vector<ConnectionCheckParam> params;
  ExprPtr body;
  std::string body_text;
  Span span;
};

struct LanguageDecl {
  std::optional<std::string> doc;
  Identifier name;
  std::vector<ConnectionCheckDecl> connection_checks;
  Span span;
};

struct ImportDecl {
  bool is_from = false;                  // `from X import a, b`
  bool path_is_string = false;           // `import 'file.hie'`
  std::vector<Identifier> path;          // dotted path (when !path_is_string)
  std::string string_path;               // when path_is_string
  Span string_span;                      // when path_is_string
  std::optional<Identifier> alias;       // `as NAME`
  std::vector<Identifier> names;         // `from ... import names`
  Span span;
};

struct File {
  std::string path;
  std::vector<ImportDecl> imports;
  std::vector<LanguageDecl> languages;
  std::vector<PatternDecl> patterns;
  std::vector<ElementDecl> elements;
  Span span;
};

}  // namespace hie::syntax
