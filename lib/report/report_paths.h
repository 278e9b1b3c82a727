// Paths in reports: spec files are shown relative to the current directory, evidence relative to the workspace
// root; SARIF wants both relative to one base (the root), GitHub annotations relative to where `hie` ran.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hie::report {

struct ReportPaths {
  std::filesystem::path root;  // absolute workspace root; empty: paths are passed through unchanged
  std::filesystem::path cwd;   // absolute current directory

  // A spec path as shown to the user (relative to cwd, or absolute) relative to the root when it lies inside it;
  // else absolute. Generic form ('/').
  std::string spec_from_root(std::string_view shown) const;
  // A workspace-relative path (evidence) relative to cwd when it lies inside it; else absolute.
  std::string evidence_from_cwd(std::string_view relative) const;
};

// `path` with every byte outside RFC 3986's unreserved set and '/' percent-encoded (for SARIF artifact URIs).
std::string uri_encode_path(std::string_view path);

}  // namespace hie::report
