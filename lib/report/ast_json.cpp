#include "report/ast_json.h"

namespace hie::report {
namespace {

using namespace hie::syntax;

Json optional_string(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

Json identifier_to_json(const Identifier& identifier) {
  Json json = Json::object();
  json["name"] = identifier.name;
  json["span"] = span_to_json(identifier.span);
  return json;
}

Json optional_identifier(const std::optional<Identifier>& identifier) {
  return identifier ? identifier_to_json(*identifier) : Json(nullptr);
}

Json identifiers_to_json(const std::vector<Identifier>& identifiers) {
  Json json = Json::array();
  for (const auto& identifier : identifiers) json.push_back(identifier_to_json(identifier));
  return json;
}

Json optional_identifiers(const std::optional<std::vector<Identifier>>& identifiers) {
  return identifiers ? identifiers_to_json(*identifiers) : Json(nullptr);
}

// TypeAnnotation {type_name, span}; the annotation is just its name, so both spans are the name's.
Json type_annotation_to_json(const Identifier& type) {
  Json json = Json::object();
  json["type_name"] = identifier_to_json(type);
  json["span"] = span_to_json(type.span);
  return json;
}

Json optional_type_annotation(const std::optional<Identifier>& type) {
  return type ? type_annotation_to_json(*type) : Json(nullptr);
}

Json tagged(const char* tag, Json value) {
  Json json = Json::object();
  json[tag] = std::move(value);
  return json;
}

Json expressions_to_json(const std::vector<ExprPtr>& exprs) {
  Json json = Json::array();
  for (const auto& expr : exprs) json.push_back(expression_to_json(expr.get()));
  return json;
}

Json scope_to_json(const ScopeDecl& scope) {
  Json json = Json::object();
  json["name"] = identifier_to_json(scope.name);
  json["language"] = optional_identifier(scope.language);
  json["binds"] = optional_identifiers(scope.binds);
  json["expression"] = expression_to_json(scope.value.get());
  json["span"] = span_to_json(scope.span);
  json["doc_comment"] = optional_string(scope.doc);
  return json;
}

Json ref_to_json(const RefDecl& ref) {
  Json json = Json::object();
  json["name"] = identifier_to_json(ref.name);
  json["type_annotation"] = type_annotation_to_json(ref.type);
  json["binds"] = optional_identifiers(ref.binds);
  json["expression"] = expression_to_json(ref.value.get());
  json["span"] = span_to_json(ref.span);
  json["doc_comment"] = optional_string(ref.doc);
  return json;
}

Json check_to_json(const CheckDecl& check) {
  Json json = Json::object();
  json["expression"] = expression_to_json(check.expr.get());
  json["span"] = span_to_json(check.span);
  json["doc_comment"] = optional_string(check.doc);
  return json;
}

Json uses_to_json(const UsesDecl& uses) {
  Json json = Json::object();
  json["source"] = identifier_to_json(uses.source);
  json["target"] = identifiers_to_json(uses.target);
  json["span"] = span_to_json(uses.span);
  return json;
}

Json binding_to_json(const BindingDecl& binding) {
  Json json = Json::object();
  json["path"] = identifiers_to_json(binding.path);
  json["expression"] = expression_to_json(binding.value.get());
  json["span"] = span_to_json(binding.span);
  return json;
}

template <typename T, typename F>
Json list_to_json(const std::vector<T>& items, F&& convert) {
  Json json = Json::array();
  for (const auto& item : items) json.push_back(convert(item));
  return json;
}

const char* action_name(RequirementAction action) {
  switch (action) {
    case RequirementAction::Requires: return "Requires";
    case RequirementAction::Allows: return "Allows";
    case RequirementAction::Forbids: return "Forbids";
  }
  return "Requires";
}

// ConnectionPattern {path, wildcard, span}: the span runs from the first segment to the last one (or to the end of
// the requirement, which ends with the `*`, for a wildcard).
Json connection_to_json(const RequirementDecl& requirement) {
  Json json = Json::object();
  json["path"] = identifiers_to_json(requirement.connection_path);
  json["wildcard"] = requirement.connection_wildcard;
  Span span = requirement.span;
  if (!requirement.connection_path.empty()) {
    span.start = requirement.connection_path.front().span.start;
    if (!requirement.connection_wildcard) span.end = requirement.connection_path.back().span.end;
  }
  json["span"] = span_to_json(span);
  return json;
}

Json component_to_json(const RequirementDecl& requirement) {
  switch (requirement.target) {
    case RequirementTarget::Scope:
      return tagged("Scope", requirement.scope ? scope_to_json(*requirement.scope) : Json(nullptr));
    case RequirementTarget::Check:
      return tagged("Check", requirement.check ? check_to_json(*requirement.check) : Json(nullptr));
    case RequirementTarget::Element:
    case RequirementTarget::Implements: {
      // `requires descendant implements P` is the element spec named "_anonymous", as in the older tool.
      Json json = Json::object();
      json["name"] = identifier_to_json(requirement.element_name);
      json["type_annotation"] = optional_type_annotation(requirement.element_type);
      json["implements"] = optional_identifier(requirement.element_implements);
      json["body"] = requirement.element_body ? element_to_json(*requirement.element_body) : Json(nullptr);
      return tagged("Element", std::move(json));
    }
    case RequirementTarget::Connection: return tagged("Connection", connection_to_json(requirement));
    case RequirementTarget::Ref: {
      if (!requirement.ref) return tagged("Ref", Json(nullptr));
      const RefDecl& ref = *requirement.ref;
      Json json = Json::object();
      json["name"] = identifier_to_json(ref.name);
      json["type_annotation"] = type_annotation_to_json(ref.type);
      json["expression"] = expression_to_json(ref.value.get());
      json["binds"] = optional_identifiers(ref.binds);
      return tagged("Ref", std::move(json));
    }
    case RequirementTarget::Language: return tagged("Language", identifier_to_json(requirement.language));
  }
  return Json(nullptr);
}

Json implements_to_json(const std::vector<Identifier>& implements) {
  Json json = Json::array();
  for (const auto& name : implements) {
    Json entry = Json::object();
    entry["template_name"] = identifier_to_json(name);
    entry["span"] = span_to_json(name.span);
    json.push_back(std::move(entry));
  }
  return json;
}

Json import_to_json(const ImportDecl& import) {
  Json json = Json::object();
  if (import.path_is_string) {
    Json literal = Json::object();
    literal["value"] = import.string_path;
    literal["span"] = span_to_json(import.string_span);
    json["path"] = tagged("String", std::move(literal));
  } else {
    json["path"] = tagged("Identifier", identifiers_to_json(import.path));
  }
  json["alias"] = optional_identifier(import.alias);
  json["selective"] = identifiers_to_json(import.names);
  json["span"] = span_to_json(import.span);
  return json;
}

Json connection_check_to_json(const ConnectionCheckDecl& check) {
  Json json = Json::object();
  json["name"] = identifier_to_json(check.name);
  Json parameters = Json::array();
  for (const auto& param : check.params) {
    Json entry = Json::object();
    entry["name"] = identifier_to_json(param.name);
    entry["span"] = span_to_json(param.span);
    parameters.push_back(std::move(entry));
  }
  json["parameters"] = std::move(parameters);
  json["body"] = expression_to_json(check.body.get());
  json["span"] = span_to_json(check.span);
  json["doc_comment"] = optional_string(check.doc);
  return json;
}

Json language_to_json(const LanguageDecl& language) {
  Json json = Json::object();
  json["name"] = identifier_to_json(language.name);
  json["connection_checks"] = list_to_json(language.connection_checks, connection_check_to_json);
  json["span"] = span_to_json(language.span);
  json["doc_comment"] = optional_string(language.doc);
  return json;
}

}  // namespace

Json expression_to_json(const Expr* expr) {
  if (expr == nullptr) return Json(nullptr);
  Json json = Json::object();
  switch (expr->kind) {
    case ExprKind::Identifier: return tagged("Identifier", identifier_to_json(Identifier{expr->name, expr->span}));
    case ExprKind::MemberAccess:
      json["object"] = expression_to_json(expr->object.get());
      json["member"] = identifier_to_json(expr->member);
      json["span"] = span_to_json(expr->span);
      return tagged("MemberAccess", std::move(json));
    case ExprKind::Call:
      json["function"] = expression_to_json(expr->callee.get());
      json["arguments"] = expressions_to_json(expr->args);
      json["span"] = span_to_json(expr->span);
      return tagged("FunctionCall", std::move(json));
    case ExprKind::String:
      json["value"] = expr->string_value;
      json["span"] = span_to_json(expr->span);
      return tagged("String", std::move(json));
    case ExprKind::Number:
      // The older tool kept numbers as f64; "text" keeps integers beyond 2^53 exact.
      json["value"] = expr->float_value;
      json["span"] = span_to_json(expr->span);
      json["text"] = expr->number_text;
      return tagged("Number", std::move(json));
    case ExprKind::Boolean:
      json["value"] = expr->bool_value;
      json["span"] = span_to_json(expr->span);
      return tagged("Boolean", std::move(json));
    case ExprKind::List:
      json["elements"] = expressions_to_json(expr->args);
      json["span"] = span_to_json(expr->span);
      return tagged("List", std::move(json));
  }
  return Json(nullptr);
}

Json requirement_to_json(const RequirementDecl& requirement) {
  Json json = Json::object();
  json["action"] = action_name(requirement.action);
  json["is_descendant"] = requirement.descendant;
  json["component"] = component_to_json(requirement);
  json["span"] = span_to_json(requirement.span);
  json["doc_comment"] = optional_string(requirement.doc);
  return json;
}

Json element_to_json(const ElementDecl& element) {
  Json json = Json::object();
  json["doc_comment"] = optional_string(element.doc);
  json["name"] = identifier_to_json(element.name);
  json["implements"] = implements_to_json(element.implements);
  json["scopes"] = list_to_json(element.body.scopes, scope_to_json);
  json["refs"] = list_to_json(element.body.refs, ref_to_json);
  json["uses"] = list_to_json(element.body.uses, uses_to_json);
  json["checks"] = list_to_json(element.body.checks, check_to_json);
  json["template_bindings"] = list_to_json(element.body.bindings, binding_to_json);
  json["component_requirements"] = list_to_json(element.body.requirements, requirement_to_json);
  json["children"] = list_to_json(element.body.elements, element_to_json);
  json["span"] = span_to_json(element.span);
  json["type_annotation"] = optional_type_annotation(element.type);
  return json;
}

Json pattern_to_json(const PatternDecl& pattern) {
  Json json = Json::object();
  json["doc_comment"] = optional_string(pattern.doc);
  json["name"] = identifier_to_json(pattern.name);
  json["scopes"] = list_to_json(pattern.body.scopes, scope_to_json);
  json["refs"] = list_to_json(pattern.body.refs, ref_to_json);
  json["checks"] = list_to_json(pattern.body.checks, check_to_json);
  json["component_requirements"] = list_to_json(pattern.body.requirements, requirement_to_json);
  json["elements"] = list_to_json(pattern.body.elements, element_to_json);
  json["span"] = span_to_json(pattern.span);
  json["uses"] = list_to_json(pattern.body.uses, uses_to_json);
  return json;
}

Json file_to_json(const File& file) {
  Json json = Json::object();
  json["imports"] = list_to_json(file.imports, import_to_json);
  json["languages"] = list_to_json(file.languages, language_to_json);
  json["templates"] = list_to_json(file.patterns, pattern_to_json);
  json["elements"] = list_to_json(file.elements, element_to_json);
  json["span"] = span_to_json(file.span);
  return json;
}

std::string render_ast_json(const File& file) { return dump_json(file_to_json(file)); }

}  // namespace hie::report
