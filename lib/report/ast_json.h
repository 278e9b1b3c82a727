// The syntax tree as JSON (`hie parse`), in the older tool's shape (OLDER-TOOL.md §3) plus a few trailing extras.
#pragma once

#include <string>

#include "report/json_common.h"
#include "syntax/ast.h"

namespace hie::report {

// Older shape, keys in the older order, absent values as null, enums externally tagged as serde does:
//   file     {imports, languages, templates, elements, span}
//   element  {doc_comment, name, implements: [{template_name, span}], scopes, refs, uses, checks,
//             template_bindings, component_requirements, children, span} + extra {type_annotation}
//   pattern  {doc_comment, name, scopes, refs, checks, component_requirements, elements, span} + extra {uses}
//   scope    {name, language, binds, expression, span} + extra {doc_comment}
//   ref      {name, type_annotation: {type_name, span}, binds, expression, span} + extra {doc_comment}
//   check    {expression, span} + extra {doc_comment}
//   expr     {"Identifier": {name, span}} | {"MemberAccess": {object, member, span}}
//          | {"FunctionCall": {function, arguments, span}} | {"String": {value, span}}
//          | {"Number": {value, span}} + extra "text" (the literal as written) | {"Boolean": {value, span}}
//          | {"List": {elements, span}}
// Extras come after the older keys so that a reader of the older shape sees it unchanged.
Json expression_to_json(const syntax::Expr* expr);
Json element_to_json(const syntax::ElementDecl& element);
Json pattern_to_json(const syntax::PatternDecl& pattern);
Json requirement_to_json(const syntax::RequirementDecl& requirement);
Json file_to_json(const syntax::File& file);

// file_to_json pretty-printed (2-space indent, final newline).
std::string render_ast_json(const syntax::File& file);

}  // namespace hie::report
