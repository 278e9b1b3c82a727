// What `hie check` and `hie eval` share: finding the workspace root, the configuration and the spec files, and
// opening the workspace with the built-in libraries registered (CLI.md "Workspace and spec discovery").
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"
#include "library/config.h"
#include "library/registry.h"
#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::cli {

struct Session {
  std::filesystem::path root;  // the workspace root
  library::Config config;      // all defaults when there is no hielements.toml
  syntax::DiagnosticList config_diagnostics;
  std::unique_ptr<workspace::Workspace> workspace;
  library::LibraryRegistry registry;  // built-ins
};

// Workspace root: `workspace_option` if given; else the directory of the nearest hielements.toml above the first
// spec's directory (or the current directory when there is no spec); else the first spec's directory; else the
// current directory. Configuration: `globals.config` if given, else that nearest hielements.toml (searched from
// the root when -w was given). Problems in the configuration go to config_diagnostics; the workspace is opened
// only when there are none. Returns nullopt (after printing an error) when the root is not a directory.
std::optional<Session> open_session(const GlobalOptions& globals, const std::string& workspace_option,
                                    const std::vector<std::string>& specs);

// The spec files to load: `specs` if any; else `[check] specs` (relative to the config file); else every `*.hie`
// directly in the root, sorted. Paths are shown relative to the current directory when they lie below it.
std::vector<std::string> discover_specs(const Session& session, const std::vector<std::string>& specs);

}  // namespace hie::cli
