// Import resolution for Python (STDLIB.md, dependency graph): module names to workspace files through the source
// roots, relative imports through the importing file's package, one edge per imported name.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/dependency_graph.h"
#include "graph/file_facts.h"
#include "graph/text_arena.h"
#include "stdlib/common/language_frontend.h"

namespace hie::stdlib::python {

// The source roots, in priority order: the workspace root (""), `src` when it is a directory, then the configured
// `[python] roots` that are directories (duplicates removed).
std::vector<std::string> python_source_roots(const std::vector<std::string>& configured,
                                             const std::vector<std::string>& directories);

// True for a valid dotted module name (`a.b_c.d`: identifiers separated by single dots).
bool is_module_name(std::string_view name);

class PythonResolver final : public common::Resolver {
 public:
  // `files`: the workspace's Python files (.py/.pyi); `directories`: every directory of the workspace (for
  // namespace packages, which have no file); `roots` as python_source_roots returns them.
  PythonResolver(const std::vector<std::string>& files, const std::vector<std::string>& directories,
                 std::vector<std::string> roots);

  std::vector<graph::DependencyEdge> resolve(const std::string& file, const graph::FileFacts& facts) const override;
  // A module `a.b`: [its file] (`a/b.py`); a package: every Python file below its directory (the package with its
  // submodules); empty when no root has it.
  std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const override;

  // The file of module `dotted` in some root, exactly (a package's `__init__.py` before a `.py` module, as CPython
  // looks them up; `.pyi` only when there is no `.py`), or nullopt.
  // The views returned here and below are of the resolver's own copy of the path: valid as long as the resolver.
  std::optional<std::string_view> module_file(std::string_view dotted) const;
  // The file of the longest prefix of `dotted` that is a module (`a.b.c`, else `a.b`, else `a`), or nullopt.
  std::optional<std::string_view> longest_prefix_file(std::string_view dotted) const;
  // Where one import of `file` leads: a workspace file, or nullopt for a module outside the workspace.
  std::optional<std::string_view> resolve_import(std::string_view file, const graph::ImportFact& fact) const;

 private:
  // Hashes std::string and std::string_view alike, so lookups build no string.
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
  };
  using PathSet = std::unordered_set<std::string, PathHash, std::equal_to<>>;

  // The module file at path `path` ("a/b" for a.b) below `base` (a directory with its trailing slash, or ""), as
  // CPython's FileFinder picks it, or nullopt: for relative imports, whose base is the importing file's package.
  std::optional<std::string_view> file_at(std::string_view base, std::string_view path) const;
  // Relative imports: the longest existing prefix of `path` ("a/b", segments separated by slashes) below
  // `anchor_base` (a directory with its trailing slash, or ""), down to the anchor's own `__init__.py`.
  std::optional<std::string_view> relative_prefix_file(std::string_view anchor_base, std::string_view path) const;

  // A module's file below one root, and how CPython's FileFinder ranks it among the candidates for the same name:
  // 0 `a/__init__.py`, 1 `a/__init__.pyi`, 2 `a.py`, 3 `a.pyi` (the lowest wins).
  struct ModuleFile {
    std::string_view file;  // a view of files_'s copy
    int rank = 0;
  };
  using ModuleMap = std::unordered_map<std::string, ModuleFile, PathHash, std::equal_to<>>;
  void index_modules();

  PathSet files_;
  // Per root (parallel to root_bases_): dotted module name -> its file. Built once, so that resolving a name costs
  // one lookup per root instead of four candidate paths built and hashed.
  std::vector<ModuleMap> modules_;
  std::vector<std::string> sorted_files_;
  PathSet directories_;
  std::vector<std::string> roots_;
  // The written form of relative imports (`..a.b`), which no fact holds whole: resolve()'s edges refer to it.
  mutable graph::TextArena written_;
  std::vector<std::string> root_bases_;  // roots_ with a trailing slash ("" for the workspace root)
};

}  // namespace hie::stdlib::python
