// The files selectors: file, folder and glob selection, and the scope algebra (union, intersect, exclude, filter).
#include <algorithm>
#include <iterator>

#include "stdlib/files/common.h"
#include "stdlib/files/functions.h"

namespace hie::stdlib::files {
namespace {

ScopeData make_scope(std::string kind, std::string arg, std::vector<std::string> paths,
                     std::optional<std::string> language = std::nullopt) {
  ScopeData scope;
  scope.kind = std::move(kind);
  scope.arg = std::move(arg);
  scope.paths = std::move(paths);
  scope.language = std::move(language);
  scope.resolved = true;
  return scope;
}

// The language shared by every scope, if they all have the same one.
std::optional<std::string> common_language(std::span<const Value> scopes) {
  std::optional<std::string> language = scopes.empty() ? std::nullopt : scopes.front().as_scope().language;
  for (const Value& scope : scopes) {
    if (scope.as_scope().language != language) return std::nullopt;
  }
  return language;
}

Result<Value> select_by_glob(std::span<const Value> args, bool keep_matches, const char* kind) {
  const ScopeData& input = args[0].as_scope();
  auto glob = compile_glob(args[1].as_string());
  if (!glob) return glob.error();
  std::vector<std::string> paths;
  for (const std::string& path : input.paths) {
    if (glob.value().matches(path) == keep_matches) paths.push_back(path);
  }
  return Value::scope(make_scope(kind, args[1].as_string(), std::move(paths), input.language));
}

}  // namespace

Result<Value> file_selector(std::span<const Value> args, const Workspace& workspace) {
  const std::string& arg = args[0].as_string();
  auto path = workspace_path("file_selector", arg);
  if (!path) return path.error();
  std::vector<std::string> paths;
  if (workspace.is_file(path.value())) paths.push_back(path.value());
  return Value::scope(make_scope("File", arg, std::move(paths)));
}

Result<Value> folder_selector(std::span<const Value> args, const Workspace& workspace) {
  const std::string& arg = args[0].as_string();
  auto path = workspace_path("folder_selector", arg);
  if (!path) return path.error();
  std::vector<std::string> paths;
  if (workspace.is_directory(path.value())) {
    const auto files = workspace.files_under(path.value());
    paths.assign(files.begin(), files.end());
  }
  return Value::scope(make_scope("Folder", arg, std::move(paths)));
}

Result<Value> glob_selector(std::span<const Value> args, const Workspace& workspace) {
  const std::string& pattern = args[0].as_string();
  auto glob = compile_glob(pattern);
  if (!glob) return glob.error();
  std::vector<std::string> paths;
  // Only files below the pattern's literal directory can match: `src/**/*.rs` never looks outside `src`.
  for (const std::string& path : workspace.files_under(glob.value().literal_prefix())) {
    if (glob.value().matches(path)) paths.push_back(path);
  }
  return Value::scope(make_scope("Glob", pattern, std::move(paths)));
}

Result<Value> union_selector(std::span<const Value> args, const Workspace&) {
  std::vector<std::string> paths;
  for (const Value& scope : args) {
    const auto& more = scope.as_scope().paths;
    paths.insert(paths.end(), more.begin(), more.end());
  }
  return Value::scope(make_scope("Union", "", std::move(paths), common_language(args)));
}

Result<Value> intersect_selector(std::span<const Value> args, const Workspace&) {
  const auto& a = args[0].as_scope().paths;
  const auto& b = args[1].as_scope().paths;
  std::vector<std::string> paths;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(paths));
  return Value::scope(make_scope("Intersect", "", std::move(paths), common_language(args)));
}

Result<Value> exclude_selector(std::span<const Value> args, const Workspace&) {
  return select_by_glob(args, false, "Exclude");
}

Result<Value> filter_selector(std::span<const Value> args, const Workspace&) {
  return select_by_glob(args, true, "Filter");
}

}  // namespace hie::stdlib::files
