// Values that flow between specs and libraries: null, bool, int, float, string, list, scope.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hie::library {

// A selection of workspace paths. Paths are workspace-relative, normalized, '/'-separated, sorted and unique
// (use make_scope to establish that). `kind` is "File", "Folder", "Glob" or a selector tag such as
// "module"; `arg` is the selector argument as written ("src", "**/*.py").
struct ScopeData {
  std::string kind;
  std::string arg;
  std::vector<std::string> paths;
  std::optional<std::string> language;  // set by `scope x<lang>` or by a language selector
  bool resolved = true;
};

class Value;
using ValueList = std::vector<Value>;

class Value {
 public:
  enum class Kind { Null, Bool, Int, Float, String, List, Scope };

  Value() = default;  // null
  static Value boolean(bool b);
  static Value integer(std::int64_t i);
  static Value floating(double d);
  static Value string(std::string s);
  static Value list(ValueList items);
  static Value scope(ScopeData scope);  // sorts and deduplicates paths

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::Null; }
  bool is_bool() const { return kind() == Kind::Bool; }
  bool is_int() const { return kind() == Kind::Int; }
  bool is_float() const { return kind() == Kind::Float; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return kind() == Kind::String; }
  bool is_list() const { return kind() == Kind::List; }
  bool is_scope() const { return kind() == Kind::Scope; }

  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_float() const { return std::get<double>(data_); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(data_); }
  const ScopeData& as_scope() const { return *std::get<std::shared_ptr<const ScopeData>>(data_); }

  // "null", "boolean", "integer", "float", "string", "list", "scope": the names used in signatures and messages.
  static const char* kind_name(Kind kind);
  const char* type_name() const { return kind_name(kind()); }
  // The type name with its article, for messages: "an integer", "a scope".
  std::string type_name_with_article() const;

  friend bool operator==(const Value& a, const Value& b);

 private:
  // Lists and scopes are shared: memoized scopes are handed to many checks without copying their paths.
  std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<const ValueList>,
               std::shared_ptr<const ScopeData>>
      data_;
};

// Sorts and deduplicates paths in place.
void normalize_scope_paths(std::vector<std::string>& paths);

}  // namespace hie::library
