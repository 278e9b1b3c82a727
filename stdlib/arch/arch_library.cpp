#include "stdlib/arch/arch_library.h"

#include <fmt/format.h>

#include <algorithm>

#include "library/arguments.h"
#include "stdlib/common/dependency_checks.h"

namespace hie::stdlib::arch {
namespace {

using library::CheckOutcome;
using library::FunctionDoc;
using library::FunctionKind;
using library::LibraryError;
using library::ParamDoc;
using library::Result;
using library::ScopeData;
using library::Value;

std::vector<FunctionDoc> build_docs() {
  auto scope = [](std::string name, std::string description) {
    return ParamDoc{std::move(name), "scope", std::move(description), false};
  };
  auto check = [](std::string name, std::string description, std::vector<ParamDoc> params, std::string example) {
    return FunctionDoc{std::move(name), FunctionKind::Check, std::move(description), std::move(params), "",
                       std::move(example)};
  };
  return {
      check("depends_on", "Check that some file of `a` imports a file of `b`, in any language.",
            {scope("a", "The depending scope"), scope("b", "The scope depended on")},
            "check arch.depends_on(web, core)"),
      check("no_dependency",
            "Check that no file of `a` imports a file of `b`, in any language; the failure names every import "
            "(file:line).",
            {scope("a", "The scope that must not depend"), scope("b", "The forbidden scope")},
            "check arch.no_dependency(core, web)"),
      check("no_cycles",
            "Check that the imports between the files of the scope (all languages) form no cycle. The failure prints "
            "one cycle (the shortest through the first file on a cycle), file:line per hop.",
            {scope("scope", "The scope to check")}, "check arch.no_cycles(src)"),
      check("layers",
            "Check a layered architecture across languages: given the layers top first, no file of a layer imports a "
            "file of a layer above it. A file in several layers belongs to the first that lists it.",
            {{"layers", "list", "The layers, top first (a list of scopes)", false}},
            "check arch.layers([web, services, core])"),
      check("only_depends_on",
            "Check that every import from `a` to a workspace file outside `a` lands in one of the allowed scopes "
            "(external packages are not judged).",
            {scope("a", "The scope whose imports are judged"),
             {"allowed", "list", "The scopes it may depend on (a list of scopes)", false}},
            "check arch.only_depends_on(web, [core, shared])"),
  };
}

const std::vector<FunctionDoc>& docs() {
  static const std::vector<FunctionDoc> all = build_docs();
  return all;
}

// Files that contain code (and so may hold dependencies), as connection rules judge them.
bool is_source_file(std::string_view path) {
  static const std::vector<std::string_view> extensions = {
      "c",  "cc",  "cjs", "cpp", "cs", "cxx", "go", "h",  "hh",    "hpp",   "hxx", "java", "js", "jsx",
      "kt", "kts", "m",   "mjs", "mm", "php", "py", "pyi", "rb", "rs", "scala", "swift", "ts", "tsx"};
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return false;
  return std::binary_search(extensions.begin(), extensions.end(), path.substr(dot + 1));
}

}  // namespace

ArchLibrary::ArchLibrary(std::vector<std::shared_ptr<const common::LanguageIndex>> indexes)
    : indexes_(std::move(indexes)) {}

Result<Value> ArchLibrary::call(std::string_view function, std::span<const Value>, library::CallContext&) {
  std::string message = fmt::format("Unknown function: arch.{}", function);
  const bool is_check = std::any_of(docs().begin(), docs().end(), [&](const FunctionDoc& d) { return d.name == function; });
  if (is_check) message += fmt::format(" (arch.{} is a check: use it in a `check` statement)", function);
  return LibraryError{kUnknownFunction, std::move(message)};
}

Result<CheckOutcome> ArchLibrary::check(std::string_view function, std::span<const Value> args,
                                        library::CallContext&) {
  auto found = std::find_if(docs().begin(), docs().end(), [&](const FunctionDoc& d) { return d.name == function; });
  if (found == docs().end()) return LibraryError{kUnknownFunction, fmt::format("Unknown check function: arch.{}", function)};
  if (auto error = library::check_arguments("arch", *found, args, kWrongArguments)) return *error;

  // Every scope argument, flattening lists; the lists must hold scopes only. By address: a scope can hold every
  // file of the workspace, and the values outlive the call.
  std::vector<const ScopeData*> scopes;
  std::vector<const Value*> scope_values;  // parallel to scopes
  for (const Value& arg : args) {
    if (arg.is_scope()) {
      scopes.push_back(&arg.as_scope());
      scope_values.push_back(&arg);
      continue;
    }
    for (std::size_t i = 0; i < arg.as_list().size(); ++i) {
      const Value& item = arg.as_list()[i];
      if (!item.is_scope()) {
        return LibraryError{kInvalidArgument, fmt::format("arch.{}: item {} of the list is not a scope but {}",
                                                          function, i + 1, item.type_name_with_article())};
      }
      scopes.push_back(&item.as_scope());
      scope_values.push_back(&item);
    }
  }
  if (function == "layers" && scopes.empty()) {
    return LibraryError{kInvalidArgument, "arch.layers: the list of layers is empty"};
  }

  std::vector<const graph::DependencyProvider*> providers;
  for (const auto& index : indexes_) providers.push_back(index.get());

  // Source files no language library covers would make a pass meaningless: say so instead (as connection rules do).
  std::vector<std::string> uncovered;
  for (const Value* scope : scope_values) {
    const std::vector<std::string>& missing = uncovered_files(*scope, providers);
    uncovered.insert(uncovered.end(), missing.begin(), missing.end());
  }
  if (!uncovered.empty()) {
    library::normalize_scope_paths(uncovered);
    std::string list;
    for (std::size_t i = 0; i < uncovered.size() && i < 3; ++i) list += (i ? ", " : "") + uncovered[i];
    if (uncovered.size() > 3) list += ", ...";
    return CheckOutcome::error(kNoDependencyInformation,
                               fmt::format("no dependency information for {} {} ({}): no language library provides "
                                           "dependencies for them",
                                           uncovered.size(), uncovered.size() == 1 ? "file" : "files", list));
  }

  const common::EdgeSource graph(providers);
  if (function == "depends_on") return common::depends_on(graph, *scopes[0], *scopes[1]);
  if (function == "no_dependency") return common::no_dependency(graph, *scopes[0], *scopes[1]);
  if (function == "no_cycles") return common::no_cycles(graph, *scopes[0]);
  if (function == "layers") return common::layers(graph, scopes);
  return common::only_depends_on(graph, *scopes[0], std::span(scopes).subspan(1));
}

const std::vector<std::string>& ArchLibrary::uncovered_files(
    const Value& scope_value, std::span<const graph::DependencyProvider* const> providers) {
  // The same scope reaches many checks (`arch.no_dependency(x, src)` for every element x; scopes are shared, and
  // the evaluator memoizes selectors): asking every index about each of its files every time was a tenth of a warm
  // run. Remembered by the scope's address; the memo holds a copy of the value, so the scope stays alive and no
  // other scope can take its address during the run.
  const ScopeData& scope = scope_value.as_scope();
  {
    std::lock_guard lock(coverage_mutex_);
    if (auto found = uncovered_by_scope_.find(&scope); found != uncovered_by_scope_.end()) {
      return found->second.second;
    }
  }
  std::vector<std::string> missing;
  for (const std::string& path : scope.paths) {
    if (!is_source_file(path)) continue;
    const bool covered =
        std::any_of(providers.begin(), providers.end(), [&](const auto* provider) { return provider->handles(path); });
    if (!covered) missing.push_back(path);
  }
  std::lock_guard lock(coverage_mutex_);
  // References into an unordered_map stay valid as it grows; entries are never erased.
  return uncovered_by_scope_.try_emplace(&scope, scope_value, std::move(missing)).first->second.second;
}

Result<library::LibraryDoc> ArchLibrary::describe(library::CallContext&) {
  library::LibraryDoc doc;
  doc.name = "arch";
  doc.description =
      "Language-neutral architecture checks on the dependency graph of every language library (imports between "
      "workspace files, each with its file and line).";
  doc.functions = docs();
  return doc;
}

}  // namespace hie::stdlib::arch
