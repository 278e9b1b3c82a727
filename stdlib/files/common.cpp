#include "stdlib/files/common.h"

#include <fmt/format.h>

#include "workspace/workspace.h"

namespace hie::stdlib::files {

library::Result<std::string> workspace_path(std::string_view function, std::string_view path) {
  if (auto normalized = workspace::Workspace::normalize(path)) return std::move(*normalized);
  return library::LibraryError{
      "E104", fmt::format("{}: path '{}' is outside the workspace (paths are relative to the workspace root and may "
                          "not leave it)",
                          function, path)};
}

bool ends_with_segments(std::string_view path, std::string_view name) {
  if (name.empty() || path.size() < name.size()) return false;
  if (path.compare(path.size() - name.size(), name.size(), name) != 0) return false;
  return path.size() == name.size() || path[path.size() - name.size() - 1] == '/';
}

library::Result<workspace::GlobPattern> compile_glob(std::string_view pattern) {
  std::string error;
  if (auto glob = workspace::GlobPattern::compile(pattern, &error)) return std::move(*glob);
  return library::LibraryError{"E105", fmt::format("Invalid glob pattern: {} ({})", pattern, error)};
}

std::string shown_path(std::string_view normalized) {
  return normalized.empty() ? std::string(".") : std::string(normalized);
}

std::string join_limited(std::span<const std::string> items, std::size_t limit) {
  std::string text;
  const std::size_t shown = std::min(items.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) text += ", ";
    text += items[i];
  }
  if (items.size() > shown) text += fmt::format(" and {} more", items.size() - shown);
  return text;
}

std::string count_of(std::size_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

std::string debug_list(std::span<const std::string> items) {
  std::string text = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += ", ";
    text += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') text += '\\';
      text += c;
    }
    text += '"';
  }
  return text + "]";
}

}  // namespace hie::stdlib::files
