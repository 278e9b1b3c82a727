#include "library/value_format.h"

#include <fmt/format.h>

#include <cmath>

namespace hie::library {

nlohmann::ordered_json value_to_json(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return value.as_bool();
    case Value::Kind::Int: return value.as_int();
    case Value::Kind::Float:
      if (!std::isfinite(value.as_float())) return nullptr;
      return value.as_float();
    case Value::Kind::String: return value.as_string();
    case Value::Kind::List: {
      auto items = nlohmann::ordered_json::array();
      for (const Value& item : value.as_list()) items.push_back(value_to_json(item));
      return items;
    }
    case Value::Kind::Scope: {
      const ScopeData& scope = value.as_scope();
      nlohmann::ordered_json json = nlohmann::ordered_json::object();
      json["kind"] = scope.kind;
      json["arg"] = scope.arg;
      json["paths"] = scope.paths;
      json["language"] = scope.language ? nlohmann::ordered_json(*scope.language) : nlohmann::ordered_json(nullptr);
      json["resolved"] = scope.resolved;
      return json;
    }
  }
  return nullptr;
}

std::string quote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  quoted += '\'';
  return quoted;
}

std::string describe_scope(const ScopeData& scope) {
  if (scope.arg.empty()) return scope.kind;
  return scope.kind + "(" + quote(scope.arg) + ")";
}

std::string format_value(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return value.as_bool() ? "true" : "false";
    case Value::Kind::Int: return fmt::format("{}", value.as_int());
    case Value::Kind::Float: return fmt::format("{}", value.as_float());
    case Value::Kind::String: return quote(value.as_string());
    case Value::Kind::List: {
      std::string text = "[";
      bool first = true;
      for (const Value& item : value.as_list()) {
        if (!first) text += ", ";
        first = false;
        text += format_value(item);
      }
      return text + "]";
    }
    case Value::Kind::Scope: return describe_scope(value.as_scope());
  }
  return "null";
}

}  // namespace hie::library
