// Path and message helpers shared by the files functions.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "library/result.h"
#include "workspace/glob.h"

namespace hie::stdlib::files {

// The normalized workspace path an argument names; error E104 when it is absolute or leaves the workspace.
library::Result<std::string> workspace_path(std::string_view function, std::string_view path);

// Whether `path` ends with the whole path segments of `name`: "src/main.rs" ends with "main.rs" and with
// "src/main.rs", never with "in.rs" (the older tool compared strings, so "domain.rs" contained "main.rs").
bool ends_with_segments(std::string_view path, std::string_view name);

// A compiled workspace glob, or error E105 "Invalid glob pattern: {pattern} ({reason})".
library::Result<workspace::GlobPattern> compile_glob(std::string_view pattern);

// How a normalized path is shown in messages: the path, or "." for the workspace root.
std::string shown_path(std::string_view normalized);

// "a, b, c and 4 more" (at most `limit` items named).
std::string join_limited(std::span<const std::string> items, std::size_t limit);

// "1 file", "3 files".
std::string count_of(std::size_t count, std::string_view singular, std::string_view plural);

// A list of paths as the older tool printed it (Rust's Debug format): ["src/a.pyc", "src/b.pyc"].
std::string debug_list(std::span<const std::string> items);

}  // namespace hie::stdlib::files
