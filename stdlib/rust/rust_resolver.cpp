#include "stdlib/rust/rust_resolver.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <set>

#include "stdlib/rust/rust_manifest.h"
#include "stdlib/rust/rust_paths.h"
#include "workspace/workspace.h"

namespace hie::stdlib::rust {
namespace {

using Segments = std::vector<std::string>;

std::string dirname(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}
std::string basename(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}
std::string stem(std::string_view path) {
  std::string base = basename(path);
  const auto dot = base.rfind('.');
  return dot == std::string::npos ? base : base.substr(0, dot);
}
std::string join_dir(const std::string& dir, const std::string& rest) { return dir.empty() ? rest : dir + "/" + rest; }

Segments split(std::string_view path) {
  Segments out;
  if (path.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const auto sep = path.find("::", start);
    out.emplace_back(path.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
    if (sep == std::string_view::npos) break;
    start = sep + 2;
  }
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool starts_with_module(const std::string& module, const std::string& prefix) {
  if (prefix.empty() || module == prefix) return true;
  return module.size() > prefix.size() + 2 && module.compare(0, prefix.size(), prefix) == 0 &&
         module.compare(prefix.size(), 2, "::") == 0;
}

}  // namespace

RustModuleTree::RustModuleTree(const std::vector<std::string>& all_files, const std::vector<std::string>& rust_files,
                               const ReadFn& read, const FactsFn& facts)
    : rust_files_(rust_files) {
  std::sort(rust_files_.begin(), rust_files_.end());
  discover_crates(all_files, read);
  for (std::size_t c = 0; c < crates_.size(); ++c) build_tree(c, facts);
  // A lib.rs / main.rs that no Cargo.toml names (and no crate reaches) roots a crate named after its folder.
  for (const std::string wanted : {"lib.rs", "main.rs"}) {
    for (const auto& file : rust_files_) {
      if (basename(file) != wanted || files_.count(file)) continue;
      std::string dir = dirname(file);
      if (basename(dir) == "src") dir = dirname(dir);
      std::string name = dir.empty() ? "crate" : basename(dir);
      std::replace(name.begin(), name.end(), '-', '_');
      CrateInfo crate{name, dir, file, wanted == "lib.rs", {}};
      add_crate(std::move(crate));
      build_tree(crates_.size() - 1, facts);
    }
  }
  guess_orphans();
  std::sort(warnings_.begin(), warnings_.end());
  warnings_.erase(std::unique(warnings_.begin(), warnings_.end()), warnings_.end());
}

void RustModuleTree::add_crate(CrateInfo crate) {
  if (crate.library && !libraries_.count(crate.name)) libraries_.emplace(crate.name, crates_.size());
  crates_.push_back(std::move(crate));
}

void RustModuleTree::discover_crates(const std::vector<std::string>& all_files, const ReadFn& read) {
  auto is_rust = [&](const std::string& path) { return std::binary_search(rust_files_.begin(), rust_files_.end(), path); };
  // Direct children of `dir` that are Rust files (and `dir/*/main.rs` when `nested`).
  auto rust_children = [&](const std::string& dir, bool nested) {
    std::vector<std::string> out;
    const std::string prefix = dir + "/";
    for (auto it = std::lower_bound(rust_files_.begin(), rust_files_.end(), prefix);
         it != rust_files_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
      const std::string rest = it->substr(prefix.size());
      const auto slash = rest.find('/');
      if (slash == std::string::npos || (nested && rest.substr(slash + 1) == "main.rs")) out.push_back(*it);
    }
    return out;
  };

  std::vector<CrateInfo> libraries;
  std::vector<CrateInfo> others;
  for (const auto& file : all_files) {
    if (basename(file) != "Cargo.toml") continue;
    auto text = read(file);
    if (!text) {
      warnings_.push_back(file + ": cannot be read");
      continue;
    }
    std::string error;
    std::optional<Manifest> manifest = parse_manifest(*text, file, &error);
    if (!manifest) {
      warnings_.push_back(file + ": " + error);
      continue;
    }
    if (manifest->package.empty()) continue;  // a virtual workspace manifest
    const std::string dir = dirname(file);
    std::set<std::string> roots;
    auto add = [&](std::vector<CrateInfo>& list, std::string name, const std::string& root, bool library) {
      if (!is_rust(root) || !roots.insert(root).second) return;
      std::replace(name.begin(), name.end(), '-', '_');
      list.push_back(CrateInfo{std::move(name), dir, root, library, {}});
    };
    const std::string lib_path = manifest->lib_path.empty() ? "src/lib.rs" : manifest->lib_path;
    if (auto lib = workspace::Workspace::normalize(join_dir(dir, lib_path))) {
      add(libraries, manifest->lib_name.empty() ? manifest->package : manifest->lib_name, *lib, true);
    }
    for (const auto& [name, path] : manifest->bins) {
      if (auto bin = workspace::Workspace::normalize(join_dir(dir, path))) add(others, name.empty() ? manifest->package : name, *bin, false);
    }
    add(others, manifest->package, join_dir(dir, "src/main.rs"), false);
    for (const auto& bin : rust_children(join_dir(dir, "src/bin"), true)) {
      add(others, basename(bin) == "main.rs" ? basename(dirname(bin)) : stem(bin), bin, false);
    }
    for (const char* folder : {"tests", "examples", "benches"}) {
      for (const auto& root : rust_children(join_dir(dir, folder), true)) {
        add(others, basename(root) == "main.rs" ? basename(dirname(root)) : stem(root), root, false);
      }
    }
    add(others, "build_script_build", join_dir(dir, "build.rs"), false);
  }
  // Libraries first: a module file two targets reach belongs to the library.
  for (auto& crate : libraries) add_crate(std::move(crate));
  for (auto& crate : others) add_crate(std::move(crate));
}

std::optional<std::string_view> RustModuleTree::mod_target(const std::string& file, bool root,
                                                           const graph::ImportFact& fact) const {
  Segments segments = split(fact.module);
  if (segments.empty()) return std::nullopt;
  const std::string name = segments.back();
  segments.pop_back();
  const std::string dir = dirname(file);
  // Children of a crate root or of a mod.rs live beside it; those of a.rs live in a/.
  std::string child_dir = root || basename(file) == "mod.rs" ? dir : join_dir(dir, stem(file));
  for (const auto& inline_module : segments) child_dir = join_dir(child_dir, inline_module);
  auto existing = [&](const std::string& path) -> std::optional<std::string_view> {
    auto normalized = workspace::Workspace::normalize(path);
    if (!normalized) return std::nullopt;
    auto found = std::lower_bound(rust_files_.begin(), rust_files_.end(), *normalized);
    if (found == rust_files_.end() || *found != *normalized) return std::nullopt;
    return std::string_view(*found);
  };
  if (!fact.name.empty()) return existing(join_dir(segments.empty() ? dir : child_dir, fact.name));
  if (auto flat = existing(join_dir(child_dir, name + ".rs"))) return flat;
  return existing(join_dir(child_dir, name + "/mod.rs"));
}

void RustModuleTree::build_tree(std::size_t c, const FactsFn& facts) {
  const std::string root = crates_[c].root;
  if (files_.count(root)) return;  // another target already owns this root
  files_[root] = FileModule{c, {}, true, true};
  crates_[c].modules[""] = root;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    const std::string file = queue.front();
    queue.pop_front();
    const FileModule where = files_.at(file);
    const graph::FileFacts* file_facts = facts(file);
    if (!file_facts) continue;
    for (const auto& fact : file_facts->imports) {
      if (fact.kind != "mod") continue;
      auto target = mod_target(file, where.root, fact);
      if (!target) {
        const std::string name = split(fact.module).back();
        warnings_.push_back(fact.name.empty()
                                ? fmt::format("{}:{}: `mod {};` has no file {}.rs or {}/mod.rs", file, fact.line, name,
                                              name, name)
                                : fmt::format("{}:{}: `mod {};` names a missing file '{}'", file, fact.line, name,
                                              fact.name));
        continue;
      }
      if (files_.count(*target)) continue;
      Segments module = where.module;
      for (auto& segment : split(fact.module)) module.push_back(std::move(segment));
      crates_[c].modules[join_path(module)] = std::string(*target);
      files_[std::string(*target)] = FileModule{c, std::move(module), false, true};
      queue.emplace_back(*target);
    }
  }
}

void RustModuleTree::guess_orphans() {
  for (const auto& file : rust_files_) {
    if (files_.count(file)) continue;
    // The crate whose package directory holds the file most closely (a library first).
    std::optional<std::size_t> best;
    for (std::size_t c = 0; c < crates_.size(); ++c) {
      const std::string& dir = crates_[c].dir;
      if (!dir.empty() && file.compare(0, dir.size() + 1, dir + "/") != 0) continue;
      if (!best || dir.size() > crates_[*best].dir.size()) best = c;
    }
    if (!best) continue;
    const std::string& dir = crates_[*best].dir;
    std::string rest = dir.empty() ? file : file.substr(dir.size() + 1);
    if (rest.compare(0, 4, "src/") == 0) rest = rest.substr(4);
    rest = rest.substr(0, rest.size() - 3);  // ".rs"
    Segments module;
    std::size_t start = 0;
    while (start <= rest.size()) {
      const auto slash = rest.find('/', start);
      module.push_back(rest.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    if (!module.empty() && (module.back() == "mod" || (module.size() == 1 && (module[0] == "lib" || module[0] == "main")))) {
      module.pop_back();
    }
    files_[file] = FileModule{*best, std::move(module), false, false};
  }
}

const FileModule* RustModuleTree::module_of(std::string_view file) const {
  auto found = files_.find(file);
  return found == files_.end() ? nullptr : &found->second;
}

std::optional<std::string_view> RustModuleTree::resolve_path(const std::string& file, const FileModule& where,
                                                             const Segments& segments,
                                                             const std::map<std::string, std::string>& aliases) const {
  (void)file;
  std::size_t crate = where.crate;
  Segments module;
  std::size_t next = 1;
  const std::string& first = segments.front();
  if (first == "crate") {
  } else if (first == "self") {
    module = where.module;
  } else if (first == "super") {
    module = where.module;
    next = 0;
    while (next < segments.size() && segments[next] == "super") {
      if (module.empty()) return std::nullopt;  // above the crate root
      module.pop_back();
      ++next;
    }
  } else {
    auto alias = aliases.find(first);
    auto library = libraries_.find(alias == aliases.end() ? first : alias->second);
    if (library == libraries_.end()) return std::nullopt;
    crate = library->second;
  }
  const CrateInfo& info = crates_[crate];
  std::string current = join_path(module);
  if (!info.modules.count(current)) return std::nullopt;
  for (; next < segments.size(); ++next) {
    std::string candidate = current.empty() ? segments[next] : current + "::" + segments[next];
    if (!info.modules.count(candidate)) break;
    current = std::move(candidate);
  }
  return std::string_view(info.modules.at(current));  // the tree's own copy
}

std::vector<graph::DependencyEdge> RustModuleTree::resolve(const std::string& file,
                                                           const graph::FileFacts& facts) const {
  std::vector<graph::DependencyEdge> edges;
  const FileModule* where = module_of(file);
  std::map<std::string, std::string> aliases;  // extern crate x as y: y -> x
  for (const auto& fact : facts.imports) {
    if (fact.kind == "extern_crate") aliases[fact.name] = fact.module;
  }
  for (const auto& fact : facts.imports) {
    graph::DependencyEdge edge;
    edge.line = fact.line;
    edge.module = fact.module;
    edge.kind = fact.kind;
    if (fact.kind == "mod") {
      const bool root = where ? where->root : (basename(file) == "lib.rs" || basename(file) == "main.rs");
      edge.to = graph::TextRef::of_optional(mod_target(file, root, fact));
      if (edge.to) edges.push_back(edge);
      continue;
    }
    const Segments segments = split(fact.module);
    if (segments.empty()) continue;
    const std::string& first = segments.front();
    const bool relative = first == "crate" || first == "self" || first == "super";
    auto alias = aliases.find(first);
    const std::string crate_name = alias == aliases.end() ? first : alias->second;
    if (relative) {
      if (!where) continue;  // a file of no crate: nothing to resolve against
      edge.to = graph::TextRef::of_optional(resolve_path(file, *where, segments, aliases));
      if (edge.to) edges.push_back(edge);
    } else if (libraries_.count(crate_name)) {
      FileModule anywhere;
      edge.to = graph::TextRef::of_optional(resolve_path(file, where ? *where : anywhere, segments, aliases));
      edges.push_back(edge);
    } else {
      edges.push_back(edge);  // an external crate (std, serde, ...)
    }
  }
  return edges;
}

std::vector<std::string> RustModuleTree::subtree(const CrateInfo& crate, const std::string& module) const {
  std::vector<std::string> out;
  for (const auto& [path, file] : crate.modules) {
    if (starts_with_module(path, module)) out.push_back(file);
  }
  // Files of the crate's folder that no module declares, placed by their path.
  const std::size_t index = static_cast<std::size_t>(&crate - crates_.data());
  for (const auto& [file, where] : files_) {
    if (!where.in_tree && where.crate == index && starts_with_module(join_path(where.module), module)) {
      out.push_back(file);
    }
  }
  return out;
}

std::optional<std::vector<std::string>> RustModuleTree::module_files(std::string_view name, std::string* why) const {
  Segments segments = split(name);
  const bool valid = !segments.empty() && std::all_of(segments.begin(), segments.end(), is_identifier);
  if (!valid) {
    if (why) *why = "a Rust module path is identifiers separated by '::', like 'crate::net::http' or 'my_crate::net'";
    return std::nullopt;
  }
  std::vector<std::string> out;
  auto add = [&](std::vector<std::string> files) { out.insert(out.end(), files.begin(), files.end()); };
  const std::string rest = join_path(Segments(segments.begin() + 1, segments.end()));
  const bool names_crate = std::any_of(crates_.begin(), crates_.end(),
                                       [&](const CrateInfo& crate) { return crate.name == segments.front(); });
  if (segments.front() == "crate" || names_crate) {
    for (const auto& crate : crates_) {
      if (segments.front() != "crate" && crate.name != segments.front()) continue;
      if (crate.modules.count(rest)) add(subtree(crate, rest));
    }
  } else {
    // A relative path: every module whose path ends with it (`api` finds `orders::api` and `payments::api`).
    const std::string whole = join_path(segments);
    for (const auto& crate : crates_) {
      for (const auto& [path, file] : crate.modules) {
        if (path == whole || (path.size() > whole.size() + 2 && path.ends_with("::" + whole))) add(subtree(crate, path));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace hie::stdlib::rust
