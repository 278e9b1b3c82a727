// The per-language plug-in point of the language libraries: how a language's files are recognized, what facts are
// extracted from one file (pure, cached by content), and how imports resolve to workspace files (per workspace).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/dependency_graph.h"
#include "graph/file_facts.h"

namespace hie::stdlib::common {

class LanguageIndex;

// Per-workspace resolution state, built once per run by LanguageFrontend::prepare() after every file's facts are
// known (python: source roots and the module -> file map; rust: crates and the module tree). Thread-safe: resolve()
// and module_files() are called from several threads at once.
class Resolver {
 public:
  virtual ~Resolver() = default;
  // The edges of `file` (one of the index's files) from its facts. The index fills `from` and `language`, drops
  // edges from a file to itself and type-only edges when configured, and sorts them; a resolver only has to set
  // line, to (nullopt = external), module (as written), kind and type_only.
  virtual std::vector<graph::DependencyEdge> resolve(const std::string& file, const graph::FileFacts& facts) const = 0;
  // The files of module `name` in the language's naming (`a.b`, `crate::a::b`), sorted; empty when no such module
  // exists in the workspace; nullopt when `name` is not a valid module name (`*why` says why).
  virtual std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const = 0;
};

class LanguageFrontend {
 public:
  virtual ~LanguageFrontend() = default;

  // "python", "rust": the library name and DependencyEdge::language.
  virtual std::string_view language() const = 0;
  // True for the files of this language (by extension: `.py`/`.pyi`, `.rs`).
  virtual bool handles(std::string_view path) const = 0;
  // Bump whenever extract() may produce different facts for the same text: cached facts of another version are
  // discarded.
  virtual std::uint32_t extractor_version() const = 0;
  // The facts of one file from its text ALONE (the cache shares facts between files of equal content, so they must
  // not depend on the path). Pure and thread-safe. `text` may be invalid UTF-8 (the index warns once about that).
  virtual graph::FileFacts extract(std::string_view text) const = 0;
  // Builds the per-workspace resolution state. `index.files()` and `index.facts()` are available; edges are not.
  virtual std::unique_ptr<Resolver> prepare(const LanguageIndex& index) const = 0;
  // Everything besides the language's files, their contents and the index's settings that prepare() and resolve()
  // depend on (python: the source roots and the workspace's directories; rust: every Cargo.toml), as bytes. They
  // are part of the fingerprint under which the resolved edges are cached, so a warm run with nothing changed skips
  // resolution. nullopt (the default): the edges are not cached, every run resolves them.
  virtual std::optional<std::string> resolution_inputs(const LanguageIndex& index) const;

  // The symbol kinds users can ask about: one `<kind>_exists` check each (python: function, class; rust: function,
  // struct, enum, trait, impl, module, const), matched against SymbolFact::kind.
  virtual std::vector<std::string> symbol_kinds() const = 0;
  // The separator of module names ("." or "::"), for `imports(scope, 'a')` matching `a.b` / `a::b`.
  virtual std::string_view module_separator() const = 0;
  // Whether an import names `module` (the argument of `imports` / `no_import`): by default when the written module
  // (or module + separator + name) is `module` or starts with `module` + separator.
  virtual bool import_matches(const graph::ImportFact& fact, std::string_view module) const;
};

}  // namespace hie::stdlib::common
