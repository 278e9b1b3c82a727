#include "stdlib/rust/rust_library.h"

#include <fmt/format.h>

#include "stdlib/rust/rust_checks.h"

namespace hie::stdlib::rust {
namespace {

using common::LanguageFunction;
using library::FunctionDoc;
using library::FunctionKind;
using library::LegacyArgumentError;
using library::ParamDoc;

ParamDoc scope_param(std::string name, std::string description) { return {std::move(name), "scope", std::move(description)}; }
ParamDoc string_param(std::string name, std::string description) {
  return {std::move(name), "string", std::move(description)};
}

using SelectorFn = std::function<Result<Value>(std::span<const Value>, const LanguageIndex&)>;
using CheckFn = std::function<Result<CheckOutcome>(std::span<const Value>, const LanguageIndex&)>;

LanguageFunction make_selector(std::string name, std::string description, std::vector<ParamDoc> params, std::string example,
                          std::vector<LegacyArgumentError> legacy, SelectorFn fn) {
  LanguageFunction f;
  f.doc = FunctionDoc{std::move(name), FunctionKind::Selector, std::move(description), std::move(params), "scope",
                      std::move(example)};
  f.legacy = std::move(legacy);
  f.selector = std::move(fn);
  return f;
}

LanguageFunction make_check(std::string name, std::string description, std::vector<ParamDoc> params, std::string example,
                       std::vector<LegacyArgumentError> legacy, CheckFn fn) {
  LanguageFunction f;
  f.doc = FunctionDoc{std::move(name), FunctionKind::Check, std::move(description), std::move(params), "",
                      std::move(example)};
  f.legacy = std::move(legacy);
  f.check = std::move(fn);
  return f;
}

// A symbol the older tool could look up by name: its selector, its `_exists` check, and their words.
struct SymbolFunctions {
  const char* selector_code;  // E30x, or nullptr for a selector the older tool did not have
  const char* exists_code;    // E31x, or nullptr when the older tool had no `_exists` check for it
  const char* selector;       // "struct_selector"
  const char* exists;         // "struct_exists"
  const char* kind;           // the SymbolFact kind
  const char* noun;           // "struct", for descriptions and legacy messages
  const char* article;        // "a" / "an"
  const char* not_found;      // "Struct '{}' not found"
  const char* example_name;
};

}  // namespace

RustLibrary::RustLibrary(std::shared_ptr<const common::LanguageIndex> index)
    : common::LanguageLibrary(std::move(index), {kWrongArguments, kInvalidArgument, kUnknownFunction}) {}

const RustModuleTree& RustLibrary::tree() const {
  std::call_once(tree_once_, [&] {
    const LanguageIndex& idx = index();
    const workspace::Workspace& workspace = idx.workspace();
    auto read = [&workspace](const std::string& path) -> std::optional<std::string> {
      auto content = workspace.read(path);
      if (!content || !content->error.empty()) return std::nullopt;
      return content->bytes;
    };
    auto facts = [&idx](const std::string& path) { return idx.facts(path); };
    tree_ = std::make_unique<RustModuleTree>(workspace.files(), idx.files(), read, facts);
  });
  return *tree_;
}

std::string RustLibrary::description() const {
  return "Rust architecture checks: crates and modules (the module tree from each crate's lib.rs/main.rs), items "
         "(functions, structs, enums, traits, impls, consts), derives, docs and tests, and dependencies between "
         "files from `mod`, `use` and `crate::` paths. Matching uses a Rust tokenizer: comments and strings never "
         "count, and names are whole words.";
}

std::vector<LanguageFunction> RustLibrary::own_functions() const {
  std::vector<LanguageFunction> out;
  const RustLibrary* self = this;

  out.push_back(make_selector("crate_selector",
                         "Select the Rust files of a crate of the workspace (its package name from Cargo.toml, '-' "
                         "read as '_'): every file of its module tree.",
                         {string_param("name", "The crate name")}, "scope core = rust.crate_selector('my-crate')",
                         {{0, "E300", "crate_selector requires a crate name"}},
                         [self](std::span<const Value> args, const LanguageIndex& index) -> Result<Value> {
                           return crate_scope(index, self->tree(), args[0].as_string());
                         }));

  const SymbolFunctions symbols[] = {
      {"E302", "E310", "struct_selector", "struct_exists", "struct", "struct", "a", "Struct '{}' not found", "Config"},
      {"E303", "E311", "enum_selector", "enum_exists", "enum", "enum", "an", "Enum '{}' not found", "Token"},
      {"E304", "E312", "function_selector", "function_exists", "function", "function", "a",
       "Function '{}' not found", "parse"},
      {"E305", "E313", "trait_selector", "trait_exists", "trait", "trait", "a", "Trait '{}' not found", "Repository"},
      {"E306", "E314", "impl_selector", "impl_exists", "impl", "type", "a", "Impl for '{}' not found", "Parser"},
      {nullptr, nullptr, "const_selector", nullptr, "const", "const", "a", "", "MAX_SIZE"},
  };
  for (const auto& s : symbols) {
    const std::string noun = s.noun;
    const std::string what = std::string(s.kind) == "impl" ? "an impl block for the type"
                                                           : std::string(s.article) + " " + noun;
    const std::string description =
        fmt::format("Select the files that declare {} with exactly this name (in the scope, when one is given).", what);
    std::vector<LegacyArgumentError> legacy;
    if (s.selector_code) legacy.push_back({0, s.selector_code, fmt::format("{} requires {} {} name", s.selector, s.article, noun)});
    const std::string kind = s.kind;
    out.push_back(make_selector(s.selector, description, {string_param("name", "The " + noun + " name")},
                           fmt::format("scope x = rust.{}('{}')", s.selector, s.example_name), legacy,
                           [kind](std::span<const Value> args, const LanguageIndex& index) -> Result<Value> {
                             return symbol_scope(index, kind, args[0].as_string(), nullptr);
                           }));
    out.push_back(make_selector(s.selector, description,
                           {scope_param("scope", "The scope to search"), string_param("name", "The " + noun + " name")},
                           fmt::format("scope x = rust.{}(src, '{}')", s.selector, s.example_name), {},
                           [kind](std::span<const Value> args, const LanguageIndex& index) -> Result<Value> {
                             return symbol_scope(index, kind, args[1].as_string(), &args[0].as_scope());
                           }));
    if (!s.exists) continue;
    const std::string exists_description =
        fmt::format("Check that {} with exactly this name is declared (in the scope, when one is given; else anywhere "
                    "in the workspace).",
                    what);
    const LegacyArgumentError exists_legacy{0, s.exists_code,
                                            fmt::format("{} requires {} {} name", s.exists, s.article, noun)};
    const std::string not_found = s.not_found;
    out.push_back(make_check(s.exists, exists_description, {string_param("name", "The " + noun + " name")},
                        fmt::format("check rust.{}('{}')", s.exists, s.example_name), {exists_legacy},
                        [kind, not_found](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                          const std::string& name = args[0].as_string();
                          return symbol_exists_check(index, kind, nullptr, name, fmt::format(fmt::runtime(not_found), name));
                        }));
    out.push_back(make_check(s.exists, exists_description,
                        {scope_param("scope", "The scope to search"), string_param("name", "The " + noun + " name")},
                        fmt::format("check rust.{}(src, '{}')", s.exists, s.example_name), {},
                        [kind, not_found](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                          const std::string& name = args[1].as_string();
                          return symbol_exists_check(index, kind, &args[0].as_scope(), name,
                                                     fmt::format(fmt::runtime(not_found), name));
                        }));
  }

  const std::string implements_description =
      "Check that the type implements the trait: an `impl Trait for Type` block exists (generics, paths and "
      "`unsafe` allowed; `fmt::Display` matches 'Display').";
  out.push_back(make_check("implements", implements_description,
                      {string_param("type", "The type name"), string_param("trait", "The trait name")},
                      "check rust.implements('Parser', 'Default')",
                      {{0, "E315", "implements requires a type name"}, {1, "E316", "implements requires a trait name"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return implements_check(index, nullptr, args[0].as_string(), args[1].as_string());
                      }));
  out.push_back(make_check("implements", implements_description,
                      {scope_param("scope", "The scope to search"), string_param("type", "The type name"),
                       string_param("trait", "The trait name")},
                      "check rust.implements(src, 'Parser', 'Default')", {},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return implements_check(index, &args[0].as_scope(), args[1].as_string(), args[2].as_string());
                      }));

  out.push_back(make_check("uses",
                      "Check that some file of the scope uses the module or crate: a `use`, `extern crate` or a path "
                      "in code whose segments include it (`db` is used by `use crate::db::Pool`).",
                      {scope_param("scope", "The scope to search"), string_param("module", "The module path")},
                      "check rust.uses(api, 'crate::db')",
                      {{0, "E317", "uses requires a scope as first argument"},
                       {1, "E318", "uses requires a module name"}},
                      [self](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return uses_check(index, self->tree(), args[0].as_scope(), args[1].as_string());
                      }));
  out.push_back(make_check("has_derive",
                      "Check that some item of the scope derives the trait (`#[derive(...)]`, also inside "
                      "`cfg_attr`; `serde::Serialize` matches 'Serialize').",
                      {scope_param("scope", "The scope to search"), string_param("derive", "The derived trait")},
                      "check rust.has_derive(models, 'Debug')",
                      {{0, "E319", "has_derive requires a scope as first argument"},
                       {1, "E320", "has_derive requires a derive name"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return has_derive_check(index, args[0].as_scope(), args[1].as_string());
                      }));
  out.push_back(make_check("has_docs",
                      "Check that some file of the scope has a doc comment (`///`, `//!`, `/** */`, `/*! */` or "
                      "`#[doc]`).",
                      {scope_param("scope", "The scope to search")}, "check rust.has_docs(api)",
                      {{0, "E321", "has_docs requires a scope"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return has_symbol_check(index, args[0].as_scope(), "doc", "No documentation comments found");
                      }));
  out.push_back(make_check("has_tests",
                      "Check that some file of the scope has a test: a `#[test]`-like function or a `#[cfg(test)]` "
                      "item.",
                      {scope_param("scope", "The scope to search")}, "check rust.has_tests(api)",
                      {{0, "E322", "has_tests requires a scope"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return has_symbol_check(index, args[0].as_scope(), "test", "No tests found");
                      }));
  out.push_back(make_check("depends_on",
                      "Check that some Rust file of `a` depends on a file of `b` (`mod`, `use`, `crate::` paths, "
                      "other workspace crates), by the module tree.",
                      {scope_param("a", "The depending scope"), scope_param("b", "The scope depended on")},
                      "check rust.depends_on(api, domain)",
                      {{0, "E323", "depends_on requires a scope as first argument"},
                       {1, "E324", "depends_on requires a scope as second argument"}},
                      [self](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return dependency_check(index, self->tree(), args[0].as_scope(), args[1].as_scope(), false);
                      }));
  out.push_back(make_check("no_dependency",
                      "Check that no Rust file of `a` depends on a file of `b`; the failure names every dependency "
                      "(file:line).",
                      {scope_param("a", "The scope that must not depend"), scope_param("b", "The forbidden scope")},
                      "check rust.no_dependency(domain, api)",
                      {{0, "E325", "no_dependency requires a scope as first argument"},
                       {1, "E326", "no_dependency requires a scope as second argument"}},
                      [self](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return dependency_check(index, self->tree(), args[0].as_scope(), args[1].as_scope(), true);
                      }));
  out.push_back(make_check("pipeline_connects",
                      "Check that the input scope uses the output scope's primary type (the struct/enum/trait a "
                      "selector named, else the first `pub struct`, else the first `pub enum`).",
                      {scope_param("output", "The producing stage"), scope_param("input", "The consuming stage")},
                      "check rust.pipeline_connects(lexer, parser)",
                      {{0, "E327", "pipeline_connects requires a scope as first argument"},
                       {1, "E328", "pipeline_connects requires a scope as second argument"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return pipeline_connects_check(index, args[0].as_scope(), args[1].as_scope());
                      }));
  out.push_back(make_check("type_compatible",
                      "Check that the primary types of two scopes are compatible: the same, or one scope uses the "
                      "other's type.",
                      {scope_param("a", "The first scope"), scope_param("b", "The second scope")},
                      "check rust.type_compatible(producer, consumer)",
                      {{0, "E329", "type_compatible requires a scope as first argument"},
                       {1, "E330", "type_compatible requires a scope as second argument"}},
                      [](std::span<const Value> args, const LanguageIndex& index) -> Result<CheckOutcome> {
                        return type_compatible_check(index, args[0].as_scope(), args[1].as_scope());
                      }));
  return out;
}

}  // namespace hie::stdlib::rust
