#include "library/value.h"

#include <algorithm>
#include <string_view>

namespace hie::library {

Value Value::boolean(bool b) {
  Value v;
  v.data_ = b;
  return v;
}

Value Value::integer(std::int64_t i) {
  Value v;
  v.data_ = i;
  return v;
}

Value Value::floating(double d) {
  Value v;
  v.data_ = d;
  return v;
}

Value Value::string(std::string s) {
  Value v;
  v.data_ = std::move(s);
  return v;
}

Value Value::list(ValueList items) {
  Value v;
  v.data_ = std::make_shared<const ValueList>(std::move(items));
  return v;
}

Value Value::scope(ScopeData scope) {
  normalize_scope_paths(scope.paths);
  Value v;
  v.data_ = std::make_shared<const ScopeData>(std::move(scope));
  return v;
}

std::string Value::type_name_with_article() const {
  const std::string_view name = type_name();
  const bool vowel = !name.empty() && std::string_view("aeiou").find(name.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(name);
}

const char* Value::kind_name(Kind kind) {
  switch (kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return "boolean";
    case Kind::Int: return "integer";
    case Kind::Float: return "float";
    case Kind::String: return "string";
    case Kind::List: return "list";
    case Kind::Scope: return "scope";
  }
  return "null";
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return a.as_bool() == b.as_bool();
    case Value::Kind::Int: return a.as_int() == b.as_int();
    case Value::Kind::Float: return a.as_float() == b.as_float();
    case Value::Kind::String: return a.as_string() == b.as_string();
    case Value::Kind::List: return a.as_list() == b.as_list();
    case Value::Kind::Scope: {
      const ScopeData& x = a.as_scope();
      const ScopeData& y = b.as_scope();
      return x.kind == y.kind && x.arg == y.arg && x.paths == y.paths && x.language == y.language &&
             x.resolved == y.resolved;
    }
  }
  return false;
}

void normalize_scope_paths(std::vector<std::string>& paths) {
  // Selectors usually produce sorted paths already; checking first keeps the common case linear.
  if (!std::is_sorted(paths.begin(), paths.end())) std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

}  // namespace hie::library
