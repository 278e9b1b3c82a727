#include "stdlib/common/common_vocabulary.h"

#include <fmt/format.h>

#include <algorithm>

#include "stdlib/common/dependency_checks.h"

namespace hie::stdlib::common {
namespace {

using library::FunctionDoc;
using library::FunctionKind;
using library::ParamDoc;
using library::ScopeData;

std::string label(const ScopeData& scope) { return "'" + (scope.arg.empty() ? scope.kind : scope.arg) + "'"; }

ScopeData language_scope(const LanguageIndex& index, std::string kind, std::string arg,
                         std::vector<std::string> paths) {
  ScopeData scope;
  scope.kind = std::move(kind);
  scope.arg = std::move(arg);
  scope.paths = std::move(paths);
  scope.language = std::string(index.language());
  return scope;
}

// The scope restricted to the language's files, keeping its name for messages.
ScopeData restricted(const LanguageIndex& index, const ScopeData& scope) {
  ScopeData out = scope;
  out.paths = index.files_in(scope.paths);
  return out;
}

// The scopes of a list argument, or an error naming the first item that is not a scope.
Result<std::vector<ScopeData>> scope_list(const LanguageIndex& index, std::string_view function, const Value& list,
                                          const LanguageErrorCodes& codes, bool allow_empty) {
  std::vector<ScopeData> scopes;
  for (std::size_t i = 0; i < list.as_list().size(); ++i) {
    const Value& item = list.as_list()[i];
    if (!item.is_scope()) {
      return library::LibraryError{codes.invalid_argument,
                                   fmt::format("{}.{}: item {} of the list is not a scope but {}", index.language(),
                                               function, i + 1, item.type_name_with_article())};
    }
    scopes.push_back(restricted(index, item.as_scope()));
  }
  if (scopes.empty() && !allow_empty) {
    return library::LibraryError{codes.invalid_argument,
                                 fmt::format("{}.{}: the list of scopes is empty", index.language(), function)};
  }
  return scopes;
}

std::vector<const ScopeData*> pointers(const std::vector<ScopeData>& scopes) {
  std::vector<const ScopeData*> out;
  for (const auto& scope : scopes) out.push_back(&scope);
  return out;
}

ParamDoc scope_param(std::string name, std::string description) {
  return {std::move(name), "scope", std::move(description), false};
}
ParamDoc string_param(std::string name, std::string description) {
  return {std::move(name), "string", std::move(description), false};
}

LanguageFunction selector(std::string name, std::string description, std::vector<ParamDoc> params,
                          std::string example,
                          std::function<Result<Value>(std::span<const Value>, const LanguageIndex&)> fn) {
  LanguageFunction function;
  function.doc = FunctionDoc{std::move(name), FunctionKind::Selector, std::move(description), std::move(params),
                             "scope", std::move(example)};
  function.selector = std::move(fn);
  return function;
}

LanguageFunction check(std::string name, std::string description, std::vector<ParamDoc> params, std::string example,
                       std::function<Result<CheckOutcome>(std::span<const Value>, const LanguageIndex&)> fn) {
  LanguageFunction function;
  function.doc = FunctionDoc{std::move(name), FunctionKind::Check, std::move(description), std::move(params), "",
                             std::move(example)};
  function.check = std::move(fn);
  return function;
}

}  // namespace

Result<Value> module_selector(const LanguageIndex& index, std::string_view name, const LanguageErrorCodes& codes) {
  std::string why;
  auto files = index.module_files(name, &why);
  if (!files) {
    return library::LibraryError{codes.invalid_argument,
                                 fmt::format("{}.module_selector: invalid module name '{}': {}", index.language(),
                                             name, why)};
  }
  return Value::scope(language_scope(index, "module", std::string(name), std::move(*files)));
}

Result<Value> files_of(const LanguageIndex& index, const ScopeData& scope) {
  return Value::scope(language_scope(index, "files", scope.arg, index.files_in(scope.paths)));
}

Result<Value> symbol_selector(const LanguageIndex& index, std::string_view kind, std::string_view name) {
  std::vector<std::string> paths;
  for (const auto& file : index.files()) {
    const auto* facts = index.facts(file);
    const bool declares = std::any_of(facts->symbols.begin(), facts->symbols.end(),
                                      [&](const graph::SymbolFact& s) { return s.kind == kind && s.name == name; });
    if (declares) paths.push_back(file);
  }
  return Value::scope(language_scope(index, std::string(kind), std::string(name), std::move(paths)));
}

CheckOutcome symbol_exists(const LanguageIndex& index, std::string_view kind, const ScopeData* scope,
                           std::string_view name) {
  const std::vector<std::string> files = scope ? index.files_in(scope->paths) : index.files();
  for (const auto& file : files) {
    const auto* facts = index.facts(file);
    for (const auto& symbol : facts->symbols) {
      if (symbol.kind == kind && symbol.name == name) return CheckOutcome::pass();
    }
  }
  std::string message = fmt::format("No {} named '{}' found", kind, name);
  if (scope) message += " in " + label(*scope);
  return CheckOutcome::fail(std::move(message));
}

CheckOutcome imports(const LanguageIndex& index, const ScopeData& scope, std::string_view module) {
  for (const auto& file : index.files_in(scope.paths)) {
    for (const auto& fact : index.facts(file)->imports) {
      if (index.frontend().import_matches(fact, module)) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(fmt::format("No file in {} imports '{}'", label(scope), module));
}

CheckOutcome no_import(const LanguageIndex& index, const ScopeData& scope, std::string_view module) {
  std::vector<library::Evidence> evidence;
  for (const auto& file : index.files_in(scope.paths)) {
    for (const auto& fact : index.facts(file)->imports) {
      if (index.frontend().import_matches(fact, module)) evidence.push_back({file, fact.line, "imports " + std::string(module)});
    }
  }
  if (evidence.empty()) return CheckOutcome::pass();
  std::string places;
  for (std::size_t i = 0; i < evidence.size() && i < 3; ++i) {
    places += (i ? ", " : "") + evidence[i].file + ":" + std::to_string(evidence[i].line);
  }
  if (evidence.size() > 3) places += ", ... (" + std::to_string(evidence.size() - 3) + " more)";
  std::string message = fmt::format("{} {} of '{}' in {}: {}", evidence.size(),
                                    evidence.size() == 1 ? "import" : "imports", module, label(scope), places);
  return CheckOutcome::fail(std::move(message), std::move(evidence));
}

std::vector<LanguageFunction> common_functions(const LanguageFrontend& frontend, const LanguageErrorCodes& codes) {
  const std::string lang(frontend.language());
  const std::string sep(frontend.module_separator());
  std::vector<LanguageFunction> out;
  auto edges = [](const LanguageIndex& index) { return EdgeSource({&index}); };

  out.push_back(selector(
      "module_selector",
      "Select the files of a module of the workspace, named as the language names modules. The scope is empty when "
      "no such module exists.",
      {string_param("name", "The module name (e.g., 'a" + sep + "b')")},
      "scope core = " + lang + ".module_selector('app" + sep + "core')",
      [codes](std::span<const Value> args, const LanguageIndex& index) {
        return module_selector(index, args[0].as_string(), codes);
      }));
  out.push_back(selector("files", "Select the " + lang + " files of a scope.",
                         {scope_param("scope", "The scope to select from")}, "scope code = " + lang + ".files(src)",
                         [](std::span<const Value> args, const LanguageIndex& index) {
                           return files_of(index, args[0].as_scope());
                         }));
  out.push_back(selector(
      "symbol_selector", "Select the files that declare a symbol of the given kind and name.",
      {string_param("kind", "The symbol kind (e.g., '" + frontend.symbol_kinds().front() + "')"),
       string_param("name", "The symbol name")},
      "scope parsers = " + lang + ".symbol_selector('" + frontend.symbol_kinds().front() + "', 'Parser')",
      [codes](std::span<const Value> args, const LanguageIndex& index) -> Result<Value> {
        const auto kinds = index.frontend().symbol_kinds();
        if (std::find(kinds.begin(), kinds.end(), args[0].as_string()) == kinds.end()) {
          std::string known;
          for (const auto& kind : kinds) known += (known.empty() ? "" : ", ") + kind;
          return library::LibraryError{codes.invalid_argument,
                                       fmt::format("{}.symbol_selector: unknown symbol kind '{}' (known: {})",
                                                   index.language(), args[0].as_string(), known)};
        }
        return symbol_selector(index, args[0].as_string(), args[1].as_string());
      }));

  for (const auto& kind : frontend.symbol_kinds()) {
    const std::string name = kind + "_exists";
    const std::string description = "Check that a " + kind + " with the given name is declared (in the scope, when "
                                    "one is given; else anywhere in the workspace).";
    out.push_back(check(name, description, {string_param("name", "The " + kind + " name")},
                        "check " + lang + "." + name + "('main')",
                        [kind](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                          return symbol_exists(index, kind, nullptr, args[0].as_string());
                        }));
    out.push_back(check(name, description,
                        {scope_param("scope", "The scope to search"), string_param("name", "The " + kind + " name")},
                        "check " + lang + "." + name + "(src, 'main')",
                        [kind](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                          return symbol_exists(index, kind, &args[0].as_scope(), args[1].as_string());
                        }));
  }

  out.push_back(check("depends_on", "Check that some file of `a` imports a file of `b` (the dependency graph).",
                      {scope_param("a", "The depending scope"), scope_param("b", "The scope depended on")},
                      "check " + lang + ".depends_on(api, domain)",
                      [edges](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return depends_on(edges(index), restricted(index, args[0].as_scope()), args[1].as_scope());
                      }));
  out.push_back(check("no_dependency",
                      "Check that no file of `a` imports a file of `b`; the failure names every import (file:line).",
                      {scope_param("a", "The scope that must not depend"), scope_param("b", "The forbidden scope")},
                      "check " + lang + ".no_dependency(domain, api)",
                      [edges](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return no_dependency(edges(index), restricted(index, args[0].as_scope()), args[1].as_scope());
                      }));
  out.push_back(check("imports",
                      "Check that some file of the scope imports the module or package (as written, e.g. an external "
                      "package), or one of its submodules.",
                      {scope_param("scope", "The scope to search"), string_param("module", "The module name")},
                      "check " + lang + ".imports(src, 'logging')",
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return imports(index, args[0].as_scope(), args[1].as_string());
                      }));
  out.push_back(check("no_import",
                      "Check that no file of the scope imports the module or package (or one of its submodules); the "
                      "failure names every import (file:line).",
                      {scope_param("scope", "The scope to search"), string_param("module", "The module name")},
                      "check " + lang + ".no_import(domain, 'requests')",
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return no_import(index, args[0].as_scope(), args[1].as_string());
                      }));
  out.push_back(check("no_cycles",
                      "Check that the imports between the files of the scope form no cycle. The failure prints one "
                      "cycle (the shortest through the first file on a cycle), file:line per hop.",
                      {scope_param("scope", "The scope to check")}, "check " + lang + ".no_cycles(src)",
                      [edges](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return no_cycles(edges(index), restricted(index, args[0].as_scope()));
                      }));
  out.push_back(check("layers",
                      "Check a layered architecture: given the layers top first, no file of a layer imports a file "
                      "of a layer above it. A file in several layers belongs to the first that lists it.",
                      {{"layers", "list", "The layers, top first (a list of scopes)", false}},
                      "check " + lang + ".layers([api, service, domain])",
                      [edges, codes](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        auto scopes = scope_list(index, "layers", args[0], codes, false);
                        if (!scopes) return scopes.error();
                        const auto list = pointers(scopes.value());
                        return layers(edges(index), list);
                      }));
  out.push_back(check("only_depends_on",
                      "Check that every import from `a` to a workspace file outside `a` lands in one of the allowed "
                      "scopes (external packages are not judged: use no_import for them).",
                      {scope_param("a", "The scope whose imports are judged"),
                       {"allowed", "list", "The scopes it may depend on (a list of scopes)", false}},
                      "check " + lang + ".only_depends_on(api, [domain, util])",
                      [edges, codes](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        auto scopes = scope_list(index, "only_depends_on", args[1], codes, true);
                        if (!scopes) return scopes.error();
                        const auto list = pointers(scopes.value());
                        return only_depends_on(edges(index), restricted(index, args[0].as_scope()), list);
                      }));
  return out;
}

}  // namespace hie::stdlib::common
