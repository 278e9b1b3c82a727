#include "library/value_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "workspace/workspace.h"

namespace hie::library {
namespace {

using nlohmann::json;

constexpr const char* kValueCode = "E508";
constexpr const char* kCheckCode = "E509";
constexpr const char* kDocCode = "E524";

LibraryError value_error(std::string detail) {
  return {kValueCode, "Cannot convert JSON to Value: " + std::move(detail)};
}
LibraryError check_error(std::string detail) {
  return {kCheckCode, "Cannot convert JSON to CheckResult: " + std::move(detail)};
}
LibraryError doc_error(std::string detail) { return {kDocCode, "Invalid self-description: " + std::move(detail)}; }

bool is_standard_kind(std::string_view kind) { return kind == "File" || kind == "Folder" || kind == "Glob"; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Cuts `text` to at most `max_chars` bytes without splitting a UTF-8 sequence, marking the cut.
std::string cut(std::string text, std::size_t max_chars) {
  if (text.size() <= max_chars) return text;
  std::size_t end = max_chars;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  text += "…";
  return text;
}

// ---- paths ------------------------------------------------------------------------------------------------------

// A plugin path -> workspace-relative normalized form, or an error message.
std::optional<std::string> normalize_plugin_path(const std::string& raw, const DecodeOptions& options,
                                                 std::string& error) {
  if (raw.empty()) {
    error = "empty path in a scope";
    return std::nullopt;
  }
  std::filesystem::path path(raw);
  std::string relative = raw;
  if (path.is_absolute()) {
    if (options.workspace_root.empty()) {
      error = fmt::format("absolute path '{}' (paths must be relative to the workspace)", raw);
      return std::nullopt;
    }
    std::filesystem::path rel = path.lexically_normal().lexically_relative(options.workspace_root.lexically_normal());
    std::string rel_text = rel.generic_string();
    if (rel.empty() || rel_text == ".." || rel_text.starts_with("../")) {
      error = fmt::format("path '{}' is outside the workspace", raw);
      return std::nullopt;
    }
    relative = rel_text;
  }
  std::optional<std::string> normalized = workspace::Workspace::normalize(relative);
  if (!normalized) {
    error = fmt::format("path '{}' is outside the workspace", raw);
    return std::nullopt;
  }
  if (normalized->empty()) {
    error = fmt::format("path '{}' names the workspace root, not a file", raw);
    return std::nullopt;
  }
  return normalized;
}

// ---- values -----------------------------------------------------------------------------------------------------

Result<Value> decode_value_at(const json& j, const DecodeOptions& options);

Result<Value> decode_number(const json& j) {
  if (j.is_number_integer() && !j.is_number_unsigned()) return Value::integer(j.get<std::int64_t>());
  if (j.is_number_unsigned()) {
    auto u = j.get<std::uint64_t>();
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return Value::integer(static_cast<std::int64_t>(u));
    }
    return Value::floating(static_cast<double>(u));
  }
  return Value::floating(j.get<double>());
}

// `{"Int": n}`: an integer, or a float with an integral value in range (Python's json writes 3.0 for floats).
Result<Value> decode_tagged_int(const json& inner) {
  if (inner.is_number_integer()) {
    if (inner.is_number_unsigned() &&
        inner.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return value_error(fmt::format("{{\"Int\": {}}} does not fit in a 64-bit integer", json_excerpt(inner)));
    }
    return Value::integer(inner.get<std::int64_t>());
  }
  if (inner.is_number_float()) {
    double d = inner.get<double>();
    // 2^63 is exactly representable; the valid range is [-2^63, 2^63).
    if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
      return Value::integer(static_cast<std::int64_t>(d));
    }
  }
  return value_error(fmt::format("\"Int\" must hold an integer, got {}", json_excerpt(inner)));
}

Result<Value> decode_scope(const json& inner, const DecodeOptions& options) {
  if (!inner.is_object()) return value_error(fmt::format("\"Scope\" must hold an object, got {}", json_excerpt(inner)));
  ScopeData scope;
  scope.kind = "File";  // the older tool's default for a missing or unknown kind
  if (auto it = inner.find("kind"); it != inner.end()) {
    if (!it->is_object() || it->size() != 1 || !it->begin().value().is_string()) {
      return value_error(
          fmt::format("scope \"kind\" must be an object with one string entry such as "
                      "{{\"Folder\":\"src\"}}, got {}",
                      json_excerpt(*it)));
    }
    scope.kind = it->begin().key();
    scope.arg = it->begin().value().get<std::string>();
  }
  if (auto it = inner.find("selector"); it != inner.end()) {
    // hie's own extra key for selector tags other than File/Folder/Glob (see encode_value).
    if (!it->is_object() || !it->contains("kind") || !(*it)["kind"].is_string() || !it->contains("arg") ||
        !(*it)["arg"].is_string()) {
      return value_error(
          fmt::format("scope \"selector\" must be {{\"kind\":…,\"arg\":…}} with strings, got {}", json_excerpt(*it)));
    }
    scope.kind = (*it)["kind"].get<std::string>();
    scope.arg = (*it)["arg"].get<std::string>();
  }
  if (auto it = inner.find("paths"); it != inner.end()) {
    if (!it->is_array()) return value_error(fmt::format("scope \"paths\" must be an array, got {}", json_excerpt(*it)));
    scope.paths.reserve(it->size());
    for (const json& p : *it) {
      if (!p.is_string()) return value_error(fmt::format("scope path must be a string, got {}", json_excerpt(p)));
      std::string error;
      std::optional<std::string> normalized = normalize_plugin_path(p.get<std::string>(), options, error);
      if (!normalized) return value_error(std::move(error));
      scope.paths.push_back(std::move(*normalized));
    }
  }
  if (auto it = inner.find("resolved"); it != inner.end()) {
    if (!it->is_boolean()) {
      return value_error(fmt::format("scope \"resolved\" must be a boolean, got {}", json_excerpt(*it)));
    }
    scope.resolved = it->get<bool>();
  } else {
    scope.resolved = false;  // the older tool's serde default
  }
  if (auto it = inner.find("language"); it != inner.end() && !it->is_null()) {
    if (!it->is_string()) {
      return value_error(fmt::format("scope \"language\" must be a string, got {}", json_excerpt(*it)));
    }
    scope.language = it->get<std::string>();
  }
  return Value::scope(std::move(scope));
}

Result<Value> decode_list(const json& array, const DecodeOptions& options) {
  ValueList items;
  items.reserve(array.size());
  for (const json& item : array) {
    Result<Value> decoded = decode_value_at(item, options);
    if (!decoded) return decoded.error();
    items.push_back(std::move(decoded).value());
  }
  return Value::list(std::move(items));
}

Result<Value> decode_object(const json& j, const DecodeOptions& options) {
  if (auto error = decode_error_object(j)) return *error;
  // The older tool's order: the first of these keys that is present decides.
  if (auto it = j.find("String"); it != j.end()) {
    if (!it->is_string()) return value_error(fmt::format("\"String\" must hold a string, got {}", json_excerpt(*it)));
    return Value::string(it->get<std::string>());
  }
  if (auto it = j.find("Int"); it != j.end()) return decode_tagged_int(*it);
  if (auto it = j.find("Float"); it != j.end()) {
    if (!it->is_number()) return value_error(fmt::format("\"Float\" must hold a number, got {}", json_excerpt(*it)));
    return Value::floating(it->get<double>());
  }
  if (auto it = j.find("Bool"); it != j.end()) {
    if (!it->is_boolean()) return value_error(fmt::format("\"Bool\" must hold a boolean, got {}", json_excerpt(*it)));
    return Value::boolean(it->get<bool>());
  }
  if (auto it = j.find("List"); it != j.end()) {
    if (!it->is_array()) return value_error(fmt::format("\"List\" must hold an array, got {}", json_excerpt(*it)));
    return decode_list(*it, options);
  }
  if (auto it = j.find("Scope"); it != j.end()) return decode_scope(*it, options);
  return value_error(
      fmt::format("unknown object {} (expected one of String, Int, Float, Bool, List, Scope)", json_excerpt(j)));
}

Result<Value> decode_value_at(const json& j, const DecodeOptions& options) {
  switch (j.type()) {
    case json::value_t::null: return Value();
    case json::value_t::boolean: return Value::boolean(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return decode_number(j);
    case json::value_t::string: return Value::string(j.get<std::string>());
    case json::value_t::array: return decode_list(j, options);
    case json::value_t::object: return decode_object(j, options);
    case json::value_t::binary:
    case json::value_t::discarded: break;
  }
  return value_error("not a JSON value");
}

// ---- check results ----------------------------------------------------------------------------------------------

// Fail/Error messages: strings as they are; null -> the default; anything else -> its JSON text.
std::string message_of(const json& j, std::string_view fallback) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return std::string(fallback);
  return json_excerpt(j, 1000);
}

Result<std::vector<Evidence>> decode_evidence(const json& object, const DecodeOptions& options) {
  std::vector<Evidence> evidence;
  auto it = object.find("evidence");
  if (it == object.end() || it->is_null()) return evidence;
  if (!it->is_array()) return check_error(fmt::format("\"evidence\" must be an array, got {}", json_excerpt(*it)));
  for (const json& item : *it) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string()) {
      return check_error(
          fmt::format("evidence entries must be objects with a string \"file\", got {}", json_excerpt(item)));
    }
    Evidence e;
    std::string error;
    std::optional<std::string> file = normalize_plugin_path(item["file"].get<std::string>(), options, error);
    if (!file) return check_error("evidence " + error);
    e.file = std::move(*file);
    if (auto line = item.find("line"); line != item.end() && !line->is_null()) {
      if (!line->is_number_integer() || line->get<std::int64_t>() < 0 ||
          line->get<std::int64_t>() > std::numeric_limits<std::uint32_t>::max()) {
        return check_error(
            fmt::format("evidence \"line\" must be a non-negative integer, got {}", json_excerpt(*line)));
      }
      e.line = static_cast<std::uint32_t>(line->get<std::int64_t>());
    }
    if (auto message = item.find("message"); message != item.end() && !message->is_null()) {
      if (!message->is_string()) {
        return check_error(fmt::format("evidence \"message\" must be a string, got {}", json_excerpt(*message)));
      }
      e.message = message->get<std::string>();
    }
    evidence.push_back(std::move(e));
  }
  return evidence;
}

std::optional<CheckOutcome> decode_check_object(const json& j) {
  auto result = j.find("result");
  bool result_is_string = result != j.end() && result->is_string();
  std::string result_text = result_is_string ? lower(result->get_ref<const std::string&>()) : std::string();
  if (j.contains("Pass") || result_text == "pass") return CheckOutcome::pass();
  if (auto it = j.find("Fail"); it != j.end()) return CheckOutcome::fail(message_of(*it, "Check failed"));
  if (auto it = j.find("Error"); it != j.end()) return CheckOutcome::error("", message_of(*it, "Check error"));
  if (result_text == "fail" || result_text == "error") {
    bool fail = result_text == "fail";
    std::string message = fail ? "Check failed" : "Check error";
    if (auto it = j.find("message"); it != j.end()) message = message_of(*it, message);
    return fail ? CheckOutcome::fail(std::move(message)) : CheckOutcome::error("", std::move(message));
  }
  return std::nullopt;
}

// ---- self-descriptions ------------------------------------------------------------------------------------------

std::optional<std::string> canonical_type(std::string_view raw) {
  std::string t = lower(raw);
  if (t.empty() || t == "any" || t == "value") return "any";
  if (t == "scope") return "scope";
  if (t == "string" || t == "str") return "string";
  if (t == "integer" || t == "int") return "integer";
  if (t == "number" || t == "float") return "number";
  if (t == "boolean" || t == "bool") return "boolean";
  if (t == "list" || t == "array") return "list";
  return std::nullopt;
}

// An optional string member; a present non-string, non-null member is an error.
bool optional_string(const json& object, const char* key, std::string& out, std::string& error,
                     std::string_view where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    error = fmt::format("{}: \"{}\" must be a string, got {}", where, key, json_excerpt(*it));
    return false;
  }
  out = it->get<std::string>();
  return true;
}

Result<ParamDoc> decode_param(const json& j, std::string_view where) {
  if (!j.is_object())
    return doc_error(fmt::format("{}: a parameter must be an object, got {}", where, json_excerpt(j)));
  ParamDoc param;
  std::string error;
  if (!j.contains("name") || !j["name"].is_string()) {
    return doc_error(fmt::format("{}: a parameter needs a string \"name\"", where));
  }
  param.name = j["name"].get<std::string>();
  std::string type;
  std::string param_where = fmt::format("{} parameter '{}'", where, param.name);
  if (!optional_string(j, "type", type, error, param_where)) return doc_error(error);
  if (type.empty() && !optional_string(j, "param_type", type, error, param_where)) return doc_error(error);
  std::optional<std::string> canonical = canonical_type(type);
  if (!canonical) {
    return doc_error(
        fmt::format("{}: unknown type '{}' (expected scope, string, integer, number, boolean, list or "
                    "any)",
                    param_where, type));
  }
  param.type = *canonical;
  if (!optional_string(j, "description", param.description, error, param_where)) return doc_error(error);
  if (auto it = j.find("variadic"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) return doc_error(fmt::format("{}: \"variadic\" must be a boolean", param_where));
    param.variadic = it->get<bool>();
  }
  return param;
}

Result<FunctionDoc> decode_function(const json& j, std::optional<FunctionKind> list_kind) {
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string()) {
    return doc_error(fmt::format("a function must be an object with a string \"name\", got {}", json_excerpt(j)));
  }
  FunctionDoc fn;
  fn.name = j["name"].get<std::string>();
  std::string where = fmt::format("function '{}'", fn.name);
  std::string error;
  std::string kind;
  if (!optional_string(j, "kind", kind, error, where)) return doc_error(error);
  if (kind.empty()) {
    // The older format: the list says what it is; "functions" without kinds are selectors.
    fn.kind = list_kind.value_or(FunctionKind::Selector);
  } else if (std::string k = lower(kind); k == "selector" || k == "function") {
    fn.kind = FunctionKind::Selector;
  } else if (k == "check") {
    fn.kind = FunctionKind::Check;
  } else {
    return doc_error(fmt::format("{}: \"kind\" must be \"selector\" or \"check\", got '{}'", where, kind));
  }
  if (list_kind && *list_kind != fn.kind) {
    return doc_error(fmt::format("{}: listed under \"checks\" but its kind is \"{}\"", where, kind));
  }
  if (!optional_string(j, "description", fn.description, error, where)) return doc_error(error);
  if (!optional_string(j, "return_type", fn.return_type, error, where)) return doc_error(error);
  std::string example;
  if (!optional_string(j, "example", example, error, where)) return doc_error(error);
  if (j.contains("example") && j["example"].is_string()) fn.example = std::move(example);
  if (auto it = j.find("parameters"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return doc_error(fmt::format("{}: \"parameters\" must be an array", where));
    for (const json& p : *it) {
      Result<ParamDoc> param = decode_param(p, where);
      if (!param) return param.error();
      fn.params.push_back(std::move(param).value());
    }
    for (std::size_t i = 0; i + 1 < fn.params.size(); ++i) {
      if (fn.params[i].variadic) {
        return doc_error(
            fmt::format("{}: only the last parameter may be variadic ('{}' is not last)", where, fn.params[i].name));
      }
    }
  }
  return fn;
}

Result<bool> decode_function_list(const json& doc, const char* key, std::optional<FunctionKind> list_kind,
                                  std::vector<FunctionDoc>& out) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return true;
  if (!it->is_array()) return doc_error(fmt::format("\"{}\" must be an array", key));
  for (const json& f : *it) {
    Result<FunctionDoc> fn = decode_function(f, list_kind);
    if (!fn) return fn.error();
    out.push_back(std::move(fn).value());
  }
  return true;
}

}  // namespace

// ---- encoding ---------------------------------------------------------------------------------------------------

json encode_scope(const ScopeData& scope) {
  json out = json::object();
  std::string_view kind = scope.kind.empty() ? std::string_view("File") : std::string_view(scope.kind);
  if (is_standard_kind(kind)) {
    out["kind"] = json::object({{std::string(kind), scope.arg}});
  } else {
    out["kind"] = json::object({{"File", fmt::format("{}:{}", kind, scope.arg)}});
    out["selector"] = json::object({{"arg", scope.arg}, {"kind", scope.kind}});
  }
  if (scope.language) out["language"] = *scope.language;
  out["paths"] = scope.paths;
  out["resolved"] = scope.resolved;
  return out;
}

json encode_value(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return value.as_bool();
    case Value::Kind::Int: return json::object({{"Int", value.as_int()}});
    case Value::Kind::Float: return json::object({{"Float", value.as_float()}});
    case Value::Kind::String: return json::object({{"String", value.as_string()}});
    case Value::Kind::List: {
      json items = json::array();
      for (const Value& item : value.as_list()) items.push_back(encode_value(item));
      return json::object({{"List", std::move(items)}});
    }
    case Value::Kind::Scope: return json::object({{"Scope", encode_scope(value.as_scope())}});
  }
  return nullptr;
}

json encode_args(std::span<const Value> args) {
  json out = json::array();
  for (const Value& arg : args) out.push_back(encode_value(arg));
  return out;
}

// ---- decoding ---------------------------------------------------------------------------------------------------

Result<Value> decode_value(const json& json_value, const DecodeOptions& options) {
  if (json_nesting_exceeds(json_value, kMaxJsonNesting)) {
    return value_error(fmt::format("nested deeper than {} levels", kMaxJsonNesting));
  }
  return decode_value_at(json_value, options);
}

Result<CheckOutcome> decode_check_outcome(const json& j, const DecodeOptions& options) {
  if (json_nesting_exceeds(j, kMaxJsonNesting)) {
    return check_error(fmt::format("nested deeper than {} levels", kMaxJsonNesting));
  }
  if (j.is_object()) {
    if (auto error = decode_error_object(j)) return *error;
    std::optional<CheckOutcome> outcome = decode_check_object(j);
    if (!outcome) return check_error(json_excerpt(j));
    Result<std::vector<Evidence>> evidence = decode_evidence(j, options);
    if (!evidence) return evidence.error();
    outcome->evidence = std::move(evidence).value();
    return *outcome;
  }
  if (j.is_string()) {
    const std::string& text = j.get_ref<const std::string&>();
    std::string l = lower(text);
    if (l == "pass" || l == "ok" || l == "true") return CheckOutcome::pass();
    if (l == "fail" || l == "false") return CheckOutcome::fail("Check failed");
    return CheckOutcome::fail(text);
  }
  return check_error(json_excerpt(j));
}

Result<LibraryDoc> decode_library_doc(const json& j, std::string_view fallback_name) {
  if (json_nesting_exceeds(j, kMaxJsonNesting)) return doc_error("nested too deeply");
  if (!j.is_object()) return doc_error(fmt::format("expected an object, got {}", json_excerpt(j)));
  LibraryDoc doc;
  doc.name = std::string(fallback_name);
  std::string error;
  if (!optional_string(j, "name", doc.name, error, "library")) return doc_error(error);
  if (!optional_string(j, "description", doc.description, error, "library")) return doc_error(error);
  if (!optional_string(j, "version", doc.version, error, "library")) return doc_error(error);
  if (auto r = decode_function_list(j, "functions", std::nullopt, doc.functions); !r) return r.error();
  if (auto r = decode_function_list(j, "checks", FunctionKind::Check, doc.functions); !r) return r.error();
  doc.self_described = true;
  return doc;
}

std::optional<LibraryError> decode_error_object(const json& j) {
  if (!j.is_object() || j.size() != 1) return std::nullopt;
  auto it = j.find("error");
  if (it == j.end() || !it->is_object()) return std::nullopt;
  LibraryError error;
  if (auto code = it->find("code"); code != it->end()) {
    if (code->is_string()) {
      error.code = code->get<std::string>();
    } else if (code->is_number_integer()) {
      error.code = fmt::format("E{}", code->get<std::int64_t>());
    }
  }
  if (error.code.empty()) error.code = "E-32000";
  if (auto message = it->find("message"); message != it->end() && message->is_string()) {
    error.message = message->get<std::string>();
  } else {
    error.message = "plugin error without a message: " + json_excerpt(*it);
  }
  return error;
}

bool json_nesting_exceeds(const json& root, std::size_t max_depth) {
  // Iterative walk: a hostile plugin can send millions of '[' and the host must not recurse on them.
  std::vector<std::pair<const json*, std::size_t>> stack;
  stack.emplace_back(&root, 0);
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    if (depth + 1 > max_depth) return true;
    for (const json& child : *node) {
      if (child.is_structured()) stack.emplace_back(&child, depth + 1);
    }
  }
  return false;
}

std::string json_excerpt(const json& j, std::size_t max_chars) {
  if (json_nesting_exceeds(j, 64)) return j.is_array() ? "[… deeply nested …]" : "{… deeply nested …}";
  return cut(j.dump(-1, ' ', false, json::error_handler_t::replace), max_chars);
}

}  // namespace hie::library
