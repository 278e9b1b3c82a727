// `hielements.toml`: the [check], [workspace] and [connections] settings, plus [libraries]/[plugins] kept raw.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>
#include <vector>

#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::library {

inline constexpr std::string_view kConfigFileName = "hielements.toml";

struct CheckSection {
  std::vector<std::string> specs;  // `specs`, as written (relative to the config file's directory)
  int jobs = 0;                    // `jobs`; 0 = one per core
  int timeout_seconds = 30;        // `timeout`: seconds per plugin call
  bool timeout_set = false;        // `timeout` was written (it then applies to plugins without limits.timeout_ms)
};

struct WorkspaceSection {
  std::vector<std::string> exclude;  // `exclude`: workspace globs, each validated
  bool gitignore = true;             // `gitignore`
};

struct ConnectionsSection {
  std::string unowned = "allow";  // `unowned`: "allow" or "forbid"
  bool strict_uses = false;       // `strict_uses`
};

// `[python]`, `[rust]`: settings of a language library (STDLIB.md "Dependency graph").
struct LanguageSection {
  std::vector<std::string> roots;           // `roots` ([python] only): extra source roots, normalized, workspace-relative
  std::string type_only_imports = "count";  // `type_only_imports`: "count" or "ignore" (type-only edges dropped)
};

struct Config {
  std::filesystem::path file;  // the file loaded; empty when there is none (all defaults)
  CheckSection check;
  WorkspaceSection workspace;
  ConnectionsSection connections;
  std::map<std::string, LanguageSection, std::less<>> languages;  // by section name; absent = defaults
  // The [libraries] and [plugins] tables exactly as parsed, for the plugin loader (PLUGINS.md §1); empty tables
  // when absent.
  toml::value libraries = toml::table{};
  toml::value plugins = toml::table{};

  // The directory relative paths in the file are resolved against (the file's directory; "" without a file).
  std::filesystem::path directory() const { return file.parent_path(); }
  workspace::WorkspaceOptions workspace_options() const { return {workspace.exclude, workspace.gitignore}; }
};

// Loads `path`. Every problem is a diagnostic naming the file, with line and column: E070 (not valid TOML), E071
// (unknown key), E072 (wrong type or value), E073 (file cannot be read). Settings that were read correctly are kept;
// the others keep their defaults. Never throws.
Config load_config(const std::filesystem::path& path, syntax::DiagnosticList& diagnostics);

// The nearest `hielements.toml` in `start_dir` or one of its ancestors (as an absolute path), or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start_dir);

}  // namespace hie::library
