#include "stdlib/rust/rust_paths.h"

#include <array>
#include <map>
#include <string_view>

namespace hie::stdlib::rust {
namespace {

using Segments = std::vector<std::string>;

bool is_primitive(std::string_view name) {
  static constexpr std::array<std::string_view, 17> kPrimitives = {
      "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize",
      "i8",   "i16",  "i32", "i64", "i128", "isize", "f32", "f64"};
  for (auto p : kPrimitives) {
    if (p == name) return true;
  }
  return false;
}

// `self`/`super`/child-module paths relative to the file's module (scope = the inline modules around the path).
Segments relative_to_file(const Segments& path, const Segments& scope, const std::set<std::string>& declared) {
  if (path.empty()) return path;
  const std::string& first = path.front();
  if (first.empty()) return Segments(path.begin() + 1, path.end());  // `::serde::x`: an extern crate
  if (first == "self") {
    Segments out{"self"};
    out.insert(out.end(), scope.begin(), scope.end());
    out.insert(out.end(), path.begin() + 1, path.end());
    return out;
  }
  if (first == "super") {
    std::size_t supers = 0;
    while (supers < path.size() && path[supers] == "super") ++supers;
    Segments out;
    if (supers <= scope.size()) {
      out.push_back("self");
      out.insert(out.end(), scope.begin(), scope.end() - static_cast<std::ptrdiff_t>(supers));
    } else {
      out.assign(supers - scope.size(), "super");
    }
    out.insert(out.end(), path.begin() + static_cast<std::ptrdiff_t>(supers), path.end());
    return out;
  }
  if (first != "crate" && declared.count(join_path(scope, first)) > 0) {
    Segments out{"self"};
    out.insert(out.end(), scope.begin(), scope.end());
    out.insert(out.end(), path.begin(), path.end());
    return out;
  }
  return path;
}

}  // namespace

std::string join_path(const std::vector<std::string>& segments) {
  std::string out;
  for (const auto& segment : segments) {
    if (!out.empty()) out += "::";
    out += segment;
  }
  return out;
}

std::string join_path(const std::vector<std::string>& scope, const std::string& name) {
  std::string out = join_path(scope);
  if (!out.empty()) out += "::";
  return out + name;
}

bool may_name_module(const std::string& first) {
  if (first.empty()) return false;
  if (first == "crate" || first == "self" || first == "super") return true;
  const char c = first.front();
  return ((c >= 'a' && c <= 'z') || c == '_') && !is_primitive(first);
}

void normalize_imports(const std::vector<RawImport>& raw, const std::set<std::string>& declared,
                       std::vector<graph::ImportFact>& out) {
  // Names bound by `use` (not globs), per inline-module scope, to their normalized paths.
  std::map<Segments, std::map<std::string, Segments>> bindings;
  for (const auto& import : raw) {
    if (import.kind != "use" && import.kind != "pub_use") continue;
    if (import.name == "*" || import.name == "_") continue;
    bindings[import.scope][import.name] = relative_to_file(import.path, import.scope, declared);
  }
  auto expand = [&](Segments path, const Segments& scope) {
    if (path.empty()) return path;
    auto scope_bindings = bindings.find(scope);
    if (scope_bindings == bindings.end()) return path;
    auto bound = scope_bindings->second.find(path.front());
    if (bound == scope_bindings->second.end() || bound->second.empty()) return path;
    Segments expanded = bound->second;
    expanded.insert(expanded.end(), path.begin() + 1, path.end());
    return expanded;
  };

  for (const auto& import : raw) {
    graph::ImportFact fact;
    fact.kind = import.kind;
    fact.line = import.line;
    if (import.kind == "mod") {
      fact.module = join_path(import.path);
      fact.name = import.name;
    } else if (import.kind == "extern_crate") {
      fact.module = join_path(import.path);
      fact.name = import.name;
    } else {
      Segments path = import.path;
      const bool starts_relative = !path.empty() && (path.front() == "self" || path.front() == "super" ||
                                                      path.front() == "crate" || path.front().empty());
      if (!starts_relative && declared.count(join_path(import.scope, path.empty() ? "" : path.front())) == 0) {
        // A name brought in by a `use` of this module (`use crate::models; models::User::new()`).
        Segments expanded = expand(path, import.scope);
        if (expanded != path) path = std::move(expanded);
      }
      path = relative_to_file(path, import.scope, declared);
      if (path.empty()) continue;
      if (import.kind == "path" && (!may_name_module(path.front()) || path.size() < 2)) continue;
      fact.module = join_path(path);
      fact.name = import.name;  // the bound name, "*" for a glob
    }
    if (import.kind == "path" && !out.empty() && out.back().kind == "path" && out.back().line == fact.line &&
        out.back().module == fact.module) {
      continue;
    }
    out.push_back(std::move(fact));
  }
}

}  // namespace hie::stdlib::rust
