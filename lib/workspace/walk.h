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
  std::vector<std::string> directories;  // sorted; the root itself is not listed
  std::vector<std::string> errors;       // in walk order
};

// Walks `root` depth-first. A directory named `.git` is never entered; a directory is skipped when an `exclude`
// glob matches it or everything below it (`build`, `build/**`, `**/node_modules`); a file is skipped when an
// `exclude` glob matches it; with `gitignore`, `.gitignore` files (and `.git/info/exclude` at the root) are
// honoured as git does. Symlinks, sockets, FIFOs and devices are not recorded. Never throws.
WalkResult walk_tree(const std::filesystem::path& root, const WorkspaceOptions& options);

}  // namespace hie::workspace
