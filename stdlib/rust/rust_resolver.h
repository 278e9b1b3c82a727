// Rust name resolution over a workspace: crates from Cargo.toml, the module tree of each crate from its roots,
// and the edges of a file's `mod`, `use`, `extern crate` and code paths to the files they name.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/dependency_graph.h"
#include "graph/file_facts.h"
#include "stdlib/common/language_frontend.h"

namespace hie::stdlib::rust {

// One crate target: a library, a binary, a test/example/bench, or a crate guessed from a lone lib.rs/main.rs.
struct CrateInfo {
  std::string name;       // `-` replaced by `_`
  std::string dir;        // the package directory ("" = workspace root)
  std::string root;       // the root file (src/lib.rs, src/main.rs, ...)
  bool library = false;   // other crates can name it (`use name::...`)
  std::map<std::string, std::string> modules;  // module path ("", "a", "a::b") -> file
};

// Where a file sits: its crate and module path ({} for a crate root).
struct FileModule {
  std::size_t crate = 0;
  std::vector<std::string> module;
  bool root = false;          // a crate root: its `mod x;` children live next to it
  bool in_tree = false;       // reached from a crate root (else guessed from the path)
};

class RustModuleTree {
 public:
  using ReadFn = std::function<std::optional<std::string>(const std::string& path)>;
  using FactsFn = std::function<const graph::FileFacts*(const std::string& path)>;

  // `all_files`: every workspace file (sorted), for Cargo.toml and lib.rs/main.rs discovery; `rust_files`: the
  // Rust files (sorted); `read` reads a Cargo.toml; `facts` gives a Rust file's facts.
  RustModuleTree(const std::vector<std::string>& all_files, const std::vector<std::string>& rust_files,
                 const ReadFn& read, const FactsFn& facts);

  const std::vector<CrateInfo>& crates() const { return crates_; }
  const FileModule* module_of(std::string_view file) const;
  // Problems met (unreadable or invalid Cargo.toml, `mod x;` without a file), "path: message", sorted.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // The edges of `file` from its facts: `to` is the workspace file, or nullopt for an external crate.
  std::vector<graph::DependencyEdge> resolve(const std::string& file, const graph::FileFacts& facts) const;

  // The files of module `name` and of its submodules. `crate::a::b` (every crate), `<crate>::a::b` (a crate by its
  // name), or a relative `a::b` (every module whose path ends with a::b). nullopt (with `why`) for a name that is
  // not a Rust path.
  std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const;

  // The file `mod x;` (fact of kind "mod" in `file`) names, if it exists: a view of the tree's own copy of the path.
  std::optional<std::string_view> mod_target(const std::string& file, bool root, const graph::ImportFact& fact) const;

 private:
  void discover_crates(const std::vector<std::string>& all_files, const ReadFn& read);
  void add_crate(CrateInfo crate);
  void build_tree(std::size_t crate, const FactsFn& facts);
  void guess_orphans();
  std::optional<std::string_view> resolve_path(const std::string& file, const FileModule& where,
                                               const std::vector<std::string>& segments,
                                               const std::map<std::string, std::string>& extern_aliases) const;
  std::vector<std::string> subtree(const CrateInfo& crate, const std::string& module) const;

  std::vector<std::string> rust_files_;  // sorted
  std::vector<CrateInfo> crates_;
  std::map<std::string, std::size_t, std::less<>> libraries_;  // library crate name -> index
  std::map<std::string, FileModule, std::less<>> files_;
  std::vector<std::string> warnings_;
};

// The rust Resolver of the LanguageIndex: a RustModuleTree over the index's workspace.
class RustResolver final : public common::Resolver {
 public:
  explicit RustResolver(RustModuleTree tree) : tree_(std::move(tree)) {}
  std::vector<graph::DependencyEdge> resolve(const std::string& file, const graph::FileFacts& facts) const override {
    return tree_.resolve(file, facts);
  }
  std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const override {
    return tree_.module_files(name, why);
  }
  const RustModuleTree& tree() const { return tree_; }

 private:
  RustModuleTree tree_;
};

}  // namespace hie::stdlib::rust
