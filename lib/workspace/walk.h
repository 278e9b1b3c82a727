// The one walk of a workspace tree: skips .git, excluded and git-ignored paths, never follows symlinks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "workspace/workspace.h"

namespace hie::workspace {

struct WalkResult {
  std::vector<std::string> files;        // workspace-relative, '/'-separated, sorted
  std::vector<std::uint64_t> sizes;      // parallel to files
  std::vector<FileStamp> stamps;         // parallel to files
  std::vector<std::string> directories;  // sorted; the root itself is not listed
  std::vector<std::string> errors;       // in walk order
};

// Walks `root` (directories in parallel on `options.jobs` threads; the result is identical to a serial depth-first
// walk: files and directories sorted, errors in depth-first order). Directories named `.git` and `.hie-cache` (the
// fact cache) are never entered; a directory is skipped when an `exclude`
// glob matches it or everything below it (`build`, `build/**`, `**/node_modules`); a file is skipped when an
// `exclude` glob matches it; with `gitignore`, `.gitignore` files (and `.git/info/exclude` at the root) are
// honoured as git does. Symlinks, sockets, FIFOs and devices are not recorded. Never throws.
WalkResult walk_tree(const std::filesystem::path& root, const WorkspaceOptions& options);

// The same walk on the calling thread only (the reference the parallel walk is tested against).
WalkResult walk_tree_serial(const std::filesystem::path& root, const WorkspaceOptions& options);

}  // namespace hie::workspace
