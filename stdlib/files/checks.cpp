// The files checks on paths: exists, contains, no_files_matching, max_size, is_empty, not_empty, count_at_most.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "library/value_format.h"
#include "stdlib/files/common.h"
#include "stdlib/files/functions.h"

namespace hie::stdlib::files {
namespace {

// How many paths a message names before "and N more".
constexpr std::size_t kListedPaths = 5;

// The name as a normalized relative path ("./a//b" -> "a/b"), or as written when it is absolute or leaves the
// workspace (it then matches no workspace path).
std::string normalized_name(const std::string& name) {
  if (auto normalized = Workspace::normalize(name)) return *normalized;
  return name;
}

bool any_path_ends_with(const ScopeData& scope, const std::string& name) {
  const std::string wanted = normalized_name(name);
  return std::any_of(scope.paths.begin(), scope.paths.end(),
                     [&](const std::string& path) { return ends_with_segments(path, wanted); });
}

// `folder/name` exists in the workspace (a file or a directory), the Folder form of exists and contains.
Result<bool> exists_in_folder(const char* function, const std::string& folder, const std::string& name,
                              const Workspace& workspace) {
  auto target = Workspace::normalize(folder.empty() ? name : folder + "/" + name);
  if (!target) {
    return LibraryError{kOutsideWorkspace, fmt::format("{}: '{}' in folder '{}' is outside the workspace", function,
                                                       name, shown_path(folder))};
  }
  return workspace.exists(*target);
}

}  // namespace

// Folder: `folder/name` exists. File: the selected file exists and `name` is its name (or a trailing part of its
// path); a File scope naming a directory behaves like a Folder. Other kinds: some selected path ends with `name`.
Result<CheckOutcome> exists_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::string& name = args[1].as_string();
  if (scope.kind == "Folder" || scope.kind == "File") {
    auto path = workspace_path("exists", scope.arg);
    if (!path) return path.error();
    const std::string& p = path.value();
    if (scope.kind == "Folder" || workspace.is_directory(p)) {
      auto found = exists_in_folder("exists", p, name, workspace);
      if (!found) return found.error();
      if (found.value()) return CheckOutcome::pass();
      return CheckOutcome::fail(fmt::format("File '{}' does not exist in folder '{}'", name, shown_path(p)));
    }
    if (!workspace.is_file(p)) return CheckOutcome::fail(fmt::format("File '{}' does not exist", p));
    if (ends_with_segments(p, normalized_name(name))) return CheckOutcome::pass();
    return CheckOutcome::fail(fmt::format("File '{}' is not named '{}'", p, name), {{p, 0, {}}});
  }
  if (any_path_ends_with(scope, name)) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("No file named '{}' found in scope", name));
}

// Folder: `folder/name` exists. Other kinds: some selected path ends with the whole segments of `name`.
Result<CheckOutcome> contains_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::string& name = args[1].as_string();
  if (scope.kind == "Folder") {
    auto folder = workspace_path("contains", scope.arg);
    if (!folder) return folder.error();
    auto found = exists_in_folder("contains", folder.value(), name, workspace);
    if (!found) return found.error();
    if (found.value()) return CheckOutcome::pass();
    return CheckOutcome::fail(fmt::format("Folder '{}' does not contain '{}'", shown_path(folder.value()), name));
  }
  if (any_path_ends_with(scope, name)) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("Scope does not contain '{}'", name));
}

// The pattern is matched, relative to a base directory, against every file and directory below it: the folder of a
// Folder scope, the directory of a File scope, the workspace root for a Glob scope. Scopes of other kinds (derived
// scopes, language selectors) have no base directory: their own paths are matched, workspace-relative.
Result<CheckOutcome> no_files_matching_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::string& pattern = args[1].as_string();
  auto glob = compile_glob(pattern);
  if (!glob) return CheckOutcome::error(glob.error().code, glob.error().message);

  std::vector<std::string> matches;
  if (scope.kind == "Folder" || scope.kind == "File" || scope.kind == "Glob") {
    std::string base;
    if (scope.kind != "Glob") {
      auto path = workspace_path("no_files_matching", scope.arg);
      if (!path) return path.error();
      base = path.value();
      if (scope.kind == "File") {
        const std::size_t slash = base.rfind('/');
        base = slash == std::string::npos ? std::string() : base.substr(0, slash);
      }
    }
    const std::size_t skip = base.empty() ? 0 : base.size() + 1;
    auto collect = [&](std::span<const std::string> paths) {
      for (const std::string& path : paths) {
        if (glob.value().matches(std::string_view(path).substr(skip))) matches.push_back(path);
      }
    };
    if (workspace.is_directory(base)) {
      collect(workspace.files_under(base));
      collect(workspace.directories_under(base));
    }
    std::sort(matches.begin(), matches.end());
  } else {
    for (const std::string& path : scope.paths) {
      if (glob.value().matches(path)) matches.push_back(path);
    }
  }
  if (matches.empty()) return CheckOutcome::pass();

  std::vector<library::Evidence> evidence;
  for (const std::string& path : matches) evidence.push_back({path, 0, "matches '" + pattern + "'"});
  const std::span<const std::string> first(matches.data(), std::min(matches.size(), kListedPaths));
  return CheckOutcome::fail(
      fmt::format("Found {} files matching pattern '{}': {}", matches.size(), pattern, debug_list(first)),
      std::move(evidence));
}

// Every selected file is at most `bytes` long. The message names the first offender as the older tool did, then
// how many more there are; the evidence lists them all.
Result<CheckOutcome> max_size_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const Value& limit = args[1];
  if ((limit.is_float() && !std::isfinite(limit.as_float())) || limit.as_number() < 0) {
    return LibraryError{"E117",
                        fmt::format("max_size requires a number of bytes, 0 or more, as second argument, not {}",
                                    library::format_value(limit))};
  }
  // Like the older tool, a fractional limit is truncated.
  const auto max = limit.is_int() ? static_cast<std::uint64_t>(limit.as_int())
                                  : static_cast<std::uint64_t>(std::trunc(limit.as_float()));

  std::vector<std::string> offenders;
  std::vector<std::uint64_t> sizes;
  std::vector<std::string> unknown;
  for (const std::string& path : scope.paths) {
    const auto size = workspace.file_size(path);
    if (!size) {
      unknown.push_back(path);
    } else if (*size > max) {
      offenders.push_back(path);
      sizes.push_back(*size);
    }
  }
  if (!offenders.empty()) {
    std::string message =
        fmt::format("File '{}' exceeds maximum size ({} > {} bytes)", offenders.front(), sizes.front(), max);
    if (offenders.size() > 1) {
      const std::span<const std::string> rest(offenders.data() + 1, offenders.size() - 1);
      message += fmt::format("; {} more exceed it: {}", offenders.size() - 1, join_limited(rest, kListedPaths));
    }
    std::vector<library::Evidence> evidence;
    for (std::size_t i = 0; i < offenders.size(); ++i) {
      evidence.push_back({offenders[i], 0, fmt::format("{} bytes", sizes[i])});
    }
    return CheckOutcome::fail(std::move(message), std::move(evidence));
  }
  if (!unknown.empty()) {
    return CheckOutcome::error(
        kUnreadable, fmt::format("cannot tell the size of {} (not files in the workspace): {}",
                                 count_of(unknown.size(), "path", "paths"), join_limited(unknown, kListedPaths)));
  }
  return CheckOutcome::pass();
}

Result<CheckOutcome> is_empty_check(std::span<const Value> args, const Workspace&) {
  const ScopeData& scope = args[0].as_scope();
  if (scope.paths.empty()) return CheckOutcome::pass();
  std::vector<library::Evidence> evidence;
  for (const std::string& path : scope.paths) evidence.push_back({path, 0, {}});
  return CheckOutcome::fail(
      fmt::format("Scope {} is not empty: it selects {}: {}", library::describe_scope(scope),
                  count_of(scope.paths.size(), "file", "files"), join_limited(scope.paths, kListedPaths)),
      std::move(evidence));
}

Result<CheckOutcome> not_empty_check(std::span<const Value> args, const Workspace&) {
  const ScopeData& scope = args[0].as_scope();
  if (!scope.paths.empty()) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("Scope {} selects no files", library::describe_scope(scope)));
}

Result<CheckOutcome> count_at_most_check(std::span<const Value> args, const Workspace&) {
  const ScopeData& scope = args[0].as_scope();
  const std::int64_t limit = args[1].as_int();
  if (limit < 0) {
    return LibraryError{kWrongArguments,
                        fmt::format("count_at_most requires a count of 0 or more as second argument, not {}", limit)};
  }
  if (scope.paths.size() <= static_cast<std::uint64_t>(limit)) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("Scope {} selects {}, more than {}: {}", library::describe_scope(scope),
                                        count_of(scope.paths.size(), "file", "files"), limit,
                                        join_limited(scope.paths, kListedPaths)));
}

}  // namespace hie::stdlib::files
