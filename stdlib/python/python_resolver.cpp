// Python import resolution over the workspace's file and directory sets (no file system access: the workspace index
// was walked once).
#include "stdlib/python/python_resolver.h"

#include <algorithm>

namespace hie::stdlib::python {
namespace {

std::vector<std::string> split(std::string_view dotted) {
  std::vector<std::string> parts;
  if (dotted.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = dotted.find('.', start);
    parts.emplace_back(dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::size_t count, char separator) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) text += separator;
    text += parts[i];
  }
  return text;
}

std::string with_slash(const std::string& dir) { return dir.empty() ? dir : dir + "/"; }

std::string parent_dir(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool is_identifier(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  if (first >= '0' && first <= '9') return false;
  return std::all_of(word.begin(), word.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

}  // namespace

std::vector<std::string> python_source_roots(const std::vector<std::string>& configured,
                                             const std::vector<std::string>& directories) {
  std::vector<std::string> roots{""};
  auto add = [&](const std::string& root) {
    if (root.empty() || std::find(roots.begin(), roots.end(), root) != roots.end()) return;
    if (std::binary_search(directories.begin(), directories.end(), root)) roots.push_back(root);
  };
  add("src");
  for (const std::string& root : configured) add(root);
  return roots;
}

bool is_module_name(std::string_view name) {
  const std::vector<std::string> parts = split(name);
  return !parts.empty() &&
         std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return is_identifier(p); });
}

PythonResolver::PythonResolver(const std::vector<std::string>& files, const std::vector<std::string>& directories,
                               std::vector<std::string> roots)
    : files_(files.begin(), files.end()),
      sorted_files_(files),
      directories_(directories.begin(), directories.end()),
      roots_(std::move(roots)) {
  std::sort(sorted_files_.begin(), sorted_files_.end());
  for (const std::string& root : roots_) root_bases_.push_back(with_slash(root));
  index_modules();
}

void PythonResolver::index_modules() {
  modules_.resize(root_bases_.size());
  auto add = [](ModuleMap& map, std::string_view stem, std::string_view file, int rank) {
    // Only a path of identifiers can be named by a dotted name: `a.b/c.py` is not module `a.b.c`.
    if (stem.empty() || stem.find('.') != std::string_view::npos) return;
    std::string dotted(stem);
    std::replace(dotted.begin(), dotted.end(), '/', '.');
    auto [it, inserted] = map.try_emplace(std::move(dotted), ModuleFile{file, rank});
    if (!inserted && rank < it->second.rank) it->second = ModuleFile{file, rank};
  };
  for (const std::string& file : files_) {
    for (std::size_t r = 0; r < root_bases_.size(); ++r) {
      const std::string& base = root_bases_[r];
      if (file.compare(0, base.size(), base) != 0) continue;
      const std::string_view rest = std::string_view(file).substr(base.size());
      static constexpr std::pair<std::string_view, int> kModuleSuffixes[] = {{".py", 2}, {".pyi", 3}};
      for (const auto& [suffix, rank] : kModuleSuffixes) {
        if (!rest.ends_with(suffix)) continue;
        const std::string_view stem = rest.substr(0, rest.size() - suffix.size());
        add(modules_[r], stem, file, rank);  // `a/__init__.py` is also module `a.__init__`
        if (stem == "__init__") continue;    // the root's own __init__: no module name
        if (stem.ends_with("/__init__")) add(modules_[r], stem.substr(0, stem.size() - 9), file, rank - 2);
      }
    }
  }
}

std::optional<std::string_view> PythonResolver::file_at(std::string_view base, std::string_view path) const {
  // Resolution runs once per import on tens of thousands of files: candidates are built in one reused buffer and
  // looked up by string_view; a hit is returned as a view of the set's own copy.
  thread_local std::string candidate;
  candidate.assign(base);
  candidate.append(path);
  const std::size_t stem = candidate.size();
  // CPython's FileFinder: a regular package (directory with __init__) shadows a module of the same name.
  for (std::string_view suffix : {"/__init__.py", "/__init__.pyi", ".py", ".pyi"}) {
    candidate.resize(stem);
    candidate.append(suffix);
    if (auto found = files_.find(std::string_view(candidate)); found != files_.end()) return *found;
  }
  return std::nullopt;
}

std::optional<std::string_view> PythonResolver::module_file(std::string_view dotted) const {
  if (dotted.empty()) return std::nullopt;
  for (const ModuleMap& modules : modules_) {
    if (auto found = modules.find(dotted); found != modules.end()) return found->second.file;
  }
  return std::nullopt;
}

std::optional<std::string_view> PythonResolver::longest_prefix_file(std::string_view dotted) const {
  // `a.b.c`, then `a.b`, then `a`.
  std::string_view prefix = dotted;
  while (!prefix.empty()) {
    if (auto file = module_file(prefix)) return file;
    const std::size_t dot = prefix.rfind('.');
    if (dot == std::string_view::npos) break;
    prefix = prefix.substr(0, dot);
  }
  return std::nullopt;
}

std::optional<std::string_view> PythonResolver::relative_prefix_file(std::string_view anchor_base,
                                                                     std::string_view path) const {
  std::string_view prefix = path;
  while (!prefix.empty()) {
    if (auto file = file_at(anchor_base, prefix)) return file;
    const std::size_t slash = prefix.rfind('/');
    if (slash == std::string_view::npos) break;
    prefix = prefix.substr(0, slash);
  }
  // The anchor package itself (`from . import x` where x is a name of the package).
  for (const char* init : {"__init__.py", "__init__.pyi"}) {
    const std::string file = std::string(anchor_base) + init;
    if (auto found = files_.find(std::string_view(file)); found != files_.end()) return *found;
  }
  return std::nullopt;
}

std::optional<std::string_view> PythonResolver::resolve_import(std::string_view file,
                                                               const graph::ImportFact& fact) const {
  const bool has_name = fact.kind == "from" && !fact.name.empty() && fact.name != "*";
  if (fact.level == 0) {
    if (has_name) {
      if (auto submodule = module_file(fact.module + "." + fact.name)) return submodule;
    }
    return longest_prefix_file(fact.module);
  }
  // Relative: level 1 is the importing file's own package (its directory), each further dot one directory up.
  std::string anchor = parent_dir(file);
  for (std::uint32_t up = 1; up < fact.level; ++up) {
    if (anchor.empty()) return std::nullopt;  // beyond the top-level package
    anchor = parent_dir(anchor);
  }
  const std::string anchor_base = with_slash(anchor);
  std::string path = fact.module;  // the segments, separated by slashes
  std::replace(path.begin(), path.end(), '.', '/');
  if (has_name) {
    const std::string full = path.empty() ? fact.name : path + "/" + fact.name;
    if (auto submodule = file_at(anchor_base, full)) return submodule;
  }
  return relative_prefix_file(anchor_base, path);
}

std::vector<graph::DependencyEdge> PythonResolver::resolve(const std::string& file,
                                                           const graph::FileFacts& facts) const {
  std::vector<graph::DependencyEdge> edges;
  edges.reserve(facts.imports.size());
  for (const graph::ImportFact& fact : facts.imports) {
    graph::DependencyEdge edge;
    edge.from = file;
    edge.line = fact.line;
    edge.to = graph::TextRef::of_optional(resolve_import(file, fact));  // the resolver's copy of the path
    // A relative import is written with its dots: the text is kept by the resolver for the edge to refer to.
    edge.module =
        fact.level == 0 ? graph::TextRef(fact.module) : written_.keep(std::string(fact.level, '.') + fact.module);
    edge.kind = fact.kind;
    edge.type_only = fact.type_only;
    edge.language = "python";
    if (edge.to && *edge.to == file) continue;  // no edge from a file to itself
    edges.push_back(edge);
  }
  return edges;
}

std::optional<std::vector<std::string>> PythonResolver::module_files(std::string_view name, std::string* why) const {
  if (!is_module_name(name)) {
    if (why) *why = "a Python module name is identifiers separated by dots, like 'app.core'";
    return std::nullopt;
  }
  const std::vector<std::string> parts = split(name);
  const std::string path = join(parts, parts.size(), '/');
  for (const std::string& root : roots_) {
    const std::string dir = with_slash(root) + path;
    if (directories_.find(std::string_view(dir)) != directories_.end()) {
      // A package (regular or namespace): the package and everything below it.
      const std::string prefix = dir + "/";
      std::vector<std::string> found;
      auto it = std::lower_bound(sorted_files_.begin(), sorted_files_.end(), prefix);
      for (; it != sorted_files_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) found.push_back(*it);
      if (!found.empty()) return found;
    }
    if (auto file = file_at(with_slash(root), path)) return std::vector<std::string>{std::string(*file)};
  }
  return std::vector<std::string>{};
}

}  // namespace hie::stdlib::python
