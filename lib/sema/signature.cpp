#include "sema/signature.h"

#include "library/arguments.h"

namespace hie::sema {

bool arity_matches(const library::FunctionDoc& doc, std::size_t argc) {
  std::size_t n = doc.params.size();
  if (n > 0 && doc.params.back().variadic) return argc + 1 >= n;  // the variadic parameter takes zero or more
  return argc == n;
}

std::string arity_text(const library::FunctionDoc& doc) {
  std::size_t n = doc.params.size();
  bool variadic = n > 0 && doc.params.back().variadic;
  if (variadic) --n;
  return std::string(variadic ? "at least " : "") + std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

std::string signature_text(std::string_view library, const library::FunctionDoc& doc) {
  return library::format_signature(library, doc);
}

const library::ParamDoc& param_at(const library::FunctionDoc& doc, std::size_t index) {
  return index < doc.params.size() ? doc.params[index] : doc.params.back();
}

bool type_accepts(std::string_view expected, std::string_view actual) {
  if (actual.empty() || expected.empty() || expected == "any" || expected == actual) return true;
  if (expected == "number" || expected == "float") return actual == "integer" || actual == "float" || actual == "number";
  if (expected == "integer") return actual == "number";  // unknown which: let the run decide
  // Only the basic types are checked; other names (plugin-specific) are accepted.
  static const char* basic[] = {"scope", "string", "boolean", "list"};
  for (const char* b : basic) {
    if (expected == b) return false;
  }
  return true;
}

std::optional<std::size_t> first_type_mismatch(const library::FunctionDoc& doc,
                                               const std::vector<std::string>& types) {
  if (doc.params.empty()) return std::nullopt;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (!type_accepts(param_at(doc, i).type, types[i])) return i;
  }
  return std::nullopt;
}

std::string return_type_of(const library::LibraryDoc& doc, std::string_view function, std::size_t argc) {
  std::string found;
  bool first = true;
  for (const auto& fn : doc.functions) {
    if (fn.name != function || fn.kind != library::FunctionKind::Selector || !arity_matches(fn, argc)) continue;
    if (first) {
      found = fn.return_type;
      first = false;
    } else if (found != fn.return_type) {
      return "";
    }
  }
  return found == "any" ? "" : found;
}

std::string describe_static_type(std::string_view type) {
  if (type == "scope") return "a scope";
  if (type == "string") return "a string";
  if (type == "integer") return "an integer";
  if (type == "float") return "a float";
  if (type == "number") return "a number";
  if (type == "boolean") return "a boolean";
  if (type == "list") return "a list";
  if (type.empty() || type == "any") return "any value";
  return "a value of type " + std::string(type);
}

}  // namespace hie::sema
