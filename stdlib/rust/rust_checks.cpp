#include "stdlib/rust/rust_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "stdlib/common/dependency_checks.h"
#include "stdlib/rust/rust_library.h"

namespace hie::stdlib::rust {
namespace {

std::string_view last_segment(std::string_view path) {
  const auto sep = path.rfind("::");
  return sep == std::string_view::npos ? path : path.substr(sep + 2);
}

std::vector<std::string> search_files(const LanguageIndex& index, const ScopeData* scope) {
  return scope ? index.files_in(scope->paths) : index.files();
}

std::string scope_label(const ScopeData& scope) { return "'" + (scope.arg.empty() ? scope.kind : scope.arg) + "'"; }

ScopeData rust_scope(std::string kind, std::string arg, std::vector<std::string> paths) {
  ScopeData scope;
  scope.kind = std::move(kind);
  scope.arg = std::move(arg);
  scope.paths = std::move(paths);
  scope.language = "rust";
  return scope;
}

bool declares(const graph::FileFacts& facts, std::string_view kind, std::string_view name) {
  return std::any_of(facts.symbols.begin(), facts.symbols.end(),
                     [&](const graph::SymbolFact& s) { return s.kind == kind && s.name == name; });
}

// Whether a file mentions type `name` in code: uses it, or declares it.
bool mentions_type(const graph::FileFacts& facts, std::string_view name) {
  return std::any_of(facts.symbols.begin(), facts.symbols.end(), [&](const graph::SymbolFact& s) {
    return s.name == name && (s.kind == "type_use" || s.kind == "struct" || s.kind == "enum" || s.kind == "trait" ||
                              s.kind == "type" || s.kind == "union");
  });
}

// The older tool's "primary type" of a scope: the named type of a struct/enum/trait selector, else the first public
// struct of its files, else the first public enum.
std::optional<std::string> primary_type(const LanguageIndex& index, const ScopeData& scope) {
  if ((scope.kind == "struct" || scope.kind == "enum" || scope.kind == "trait") && !scope.arg.empty()) {
    return scope.arg;
  }
  for (const char* prefix : {"struct:", "enum:", "trait:"}) {
    if (scope.arg.starts_with(prefix)) return scope.arg.substr(std::string_view(prefix).size());
  }
  for (const char* kind : {"struct", "enum"}) {
    for (const auto& file : index.files_in(scope.paths)) {
      for (const auto& symbol : index.facts(file)->symbols) {
        if (symbol.kind == kind && symbol.detail == "pub") return symbol.name;
      }
    }
  }
  return std::nullopt;
}

bool any_file_mentions(const LanguageIndex& index, const ScopeData& scope, std::string_view type) {
  for (const auto& file : index.files_in(scope.paths)) {
    if (mentions_type(*index.facts(file), type)) return true;
  }
  return false;
}

// Segments of a `::` path.
std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto sep = path.find("::", start);
    out.push_back(path.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
    if (sep == std::string_view::npos) return out;
    start = sep + 2;
  }
}

}  // namespace

bool path_names(std::string_view written, std::string_view wanted) {
  if (written == wanted) return true;
  if (wanted.find("::") == std::string_view::npos) return last_segment(written) == wanted;
  auto ends_with_path = [](std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() + 2 && longer.ends_with(shorter) &&
           longer.substr(longer.size() - shorter.size() - 2, 2) == "::";
  };
  return ends_with_path(written, wanted) || ends_with_path(wanted, written);
}

Value symbol_scope(const LanguageIndex& index, std::string_view symbol_kind, std::string_view name,
                   const ScopeData* scope) {
  std::vector<std::string> paths;
  for (const auto& file : search_files(index, scope)) {
    if (declares(*index.facts(file), symbol_kind, name)) paths.push_back(file);
  }
  return Value::scope(rust_scope(std::string(symbol_kind), std::string(name), std::move(paths)));
}

Value crate_scope(const LanguageIndex& index, const RustModuleTree& tree, std::string_view name) {
  std::string wanted(name);
  std::replace(wanted.begin(), wanted.end(), '-', '_');
  std::vector<std::string> paths;
  for (std::size_t c = 0; c < tree.crates().size(); ++c) {
    if (tree.crates()[c].name != wanted) continue;
    for (const auto& file : index.files()) {
      const FileModule* where = tree.module_of(file);
      if (where && where->crate == c) paths.push_back(file);
    }
  }
  return Value::scope(rust_scope("crate", std::string(name), std::move(paths)));
}

CheckOutcome symbol_exists_check(const LanguageIndex& index, std::string_view symbol_kind, const ScopeData* scope,
                                 std::string_view name, std::string message) {
  for (const auto& file : search_files(index, scope)) {
    if (declares(*index.facts(file), symbol_kind, name)) return CheckOutcome::pass();
  }
  if (scope) message += " in " + scope_label(*scope);
  return CheckOutcome::fail(std::move(message));
}

CheckOutcome implements_check(const LanguageIndex& index, const ScopeData* scope, std::string_view type,
                              std::string_view trait) {
  const std::string_view type_name = last_segment(type);
  for (const auto& file : search_files(index, scope)) {
    for (const auto& symbol : index.facts(file)->symbols) {
      if (symbol.kind == "impl" && symbol.name == type_name && !symbol.detail.empty() &&
          path_names(symbol.detail, trait)) {
        return CheckOutcome::pass();
      }
    }
  }
  std::string message = fmt::format("'{}' does not implement '{}'", type, trait);
  if (scope) message += " in " + scope_label(*scope);
  return CheckOutcome::fail(std::move(message));
}

// `self::…` / `super::…` as a `crate::…` path, from the file's module (empty when it cannot be placed).
static std::string crate_relative(const RustModuleTree& tree, const std::string& file, const std::string& module) {
  auto segments = segments_of(module);
  const FileModule* where = tree.module_of(file);
  if (!where || segments.empty() || (segments.front() != "self" && segments.front() != "super")) return "";
  std::vector<std::string> path = where->module;
  std::size_t next = 1;
  if (segments.front() == "super") {
    next = 0;
    while (next < segments.size() && segments[next] == "super") {
      if (path.empty()) return "";
      path.pop_back();
      ++next;
    }
  }
  std::string out = "crate";
  for (const auto& segment : path) out += "::" + segment;
  for (; next < segments.size(); ++next) out += "::" + std::string(segments[next]);
  return out;
}

CheckOutcome uses_check(const LanguageIndex& index, const RustModuleTree& tree, const ScopeData& scope,
                        std::string_view module) {
  const auto wanted = segments_of(module);
  auto contains = [&](std::string_view path) {
    const auto used = segments_of(path);
    return std::search(used.begin(), used.end(), wanted.begin(), wanted.end()) != used.end();
  };
  for (const auto& file : index.files_in(scope.paths)) {
    for (const auto& fact : index.facts(file)->imports) {
      if (fact.kind == "mod") continue;
      // The module's segments appear, whole, in the path used (`db` is used by `use crate::db::Conn`), also once
      // `self::`/`super::` is spelled from the crate root (`use db::Pool` in main.rs uses `crate::db`).
      if (contains(fact.module)) return CheckOutcome::pass();
      const std::string absolute = crate_relative(tree, file, fact.module);
      if (!absolute.empty() && contains(absolute)) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(fmt::format("Module does not use '{}'", module));
}

CheckOutcome has_derive_check(const LanguageIndex& index, const ScopeData& scope, std::string_view derive) {
  for (const auto& file : index.files_in(scope.paths)) {
    for (const auto& symbol : index.facts(file)->symbols) {
      if (symbol.kind == "derive" && path_names(symbol.name, derive)) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(fmt::format("No #[derive({})] found", derive));
}

CheckOutcome has_symbol_check(const LanguageIndex& index, const ScopeData& scope, std::string_view symbol_kind,
                              std::string message) {
  for (const auto& file : index.files_in(scope.paths)) {
    for (const auto& symbol : index.facts(file)->symbols) {
      if (symbol.kind == symbol_kind) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(std::move(message));
}

CheckOutcome dependency_check(const LanguageIndex& index, const RustModuleTree& tree, const ScopeData& a,
                              const ScopeData& b, bool negate) {
  if (a.paths.empty()) return CheckOutcome::error(kInvalidArgument, "Source scope has no paths");
  const std::vector<std::string> targets = index.files_in(b.paths);
  if (targets.empty()) {
    return CheckOutcome::error(kInvalidArgument, fmt::format("Could not determine target module names: {} has no "
                                                             "Rust files",
                                                             scope_label(b)));
  }
  const std::vector<std::string> sources = index.files_in(a.paths);
  std::vector<graph::DependencyEdge> hits;
  for (const auto& edge : common::EdgeSource({&index}).edges_from(sources)) {
    if (!edge.to || !std::binary_search(targets.begin(), targets.end(), *edge.to)) continue;
    if (std::binary_search(targets.begin(), targets.end(), edge.from)) continue;  // inside b
    hits.push_back(edge);
  }
  if (negate) {
    if (hits.empty()) return CheckOutcome::pass();
    std::string message = "Forbidden dependency detected: ";
    std::vector<library::Evidence> evidence;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      if (i < 3) message += (i ? ", " : "") + common::edge_text(hits[i]) + " (" + hits[i].kind + " " + hits[i].module + ")";
      evidence.push_back(
          {hits[i].from.str(), hits[i].line, hits[i].kind + " " + hits[i].module + " -> " + *hits[i].to});
    }
    if (hits.size() > 3) message += fmt::format(", ... ({} more)", hits.size() - 3);
    return CheckOutcome::fail(std::move(message), std::move(evidence));
  }
  if (!hits.empty()) return CheckOutcome::pass();
  // The older tool named the target's modules: file stems, the crate for a crate root.
  std::vector<std::string> names;
  for (const auto& file : targets) {
    const FileModule* where = tree.module_of(file);
    std::string name = !where ? file : where->module.empty() ? tree.crates()[where->crate].name : where->module.back();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return CheckOutcome::fail(fmt::format("No dependency found: source does not use '{}'", joined));
}

CheckOutcome pipeline_connects_check(const LanguageIndex& index, const ScopeData& out, const ScopeData& in) {
  auto type = primary_type(index, out);
  if (!type) return CheckOutcome::error(kInvalidArgument, "Could not determine output type");
  if (any_file_mentions(index, in, *type)) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("Pipeline not connected: '{}' is not used by input scope", *type));
}

CheckOutcome type_compatible_check(const LanguageIndex& index, const ScopeData& a, const ScopeData& b) {
  auto first = primary_type(index, a);
  if (!first) return CheckOutcome::error(kInvalidArgument, "Could not determine type from first scope");
  auto second = primary_type(index, b);
  if (!second) return CheckOutcome::error(kInvalidArgument, "Could not determine type from second scope");
  if (*first == *second || any_file_mentions(index, b, *first) || any_file_mentions(index, a, *second)) {
    return CheckOutcome::pass();
  }
  return CheckOutcome::fail(fmt::format("Types '{}' and '{}' are not compatible", *first, *second));
}

}  // namespace hie::stdlib::rust
