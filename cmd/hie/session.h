// What `hie check` and `hie eval` share: finding the workspace root, the configuration and the spec files, and
// opening the workspace with the built-in libraries registered (CLI.md "Workspace and spec discovery").
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"
#include "graph/dependency_graph.h"
#include "graph/fact_cache.h"
#include "library/config.h"
#include "library/registry.h"
#include "plugin_loading.h"
#include "plugin_processes.h"
#include "stdlib/common/language_index.h"
#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::cli {

// What a command asks of the session beyond discovery.
struct SessionOptions {
  bool no_cache = false;  // --no-cache: the fact cache is neither read nor written
  int jobs = -1;          // -j; -1 = `[check] jobs` of the configuration; 0 = one per core
  PluginLoadOptions plugins;  // --timeout
};

struct Session {
  std::filesystem::path root;  // the workspace root
  library::Config config;      // all defaults when there is no hielements.toml
  syntax::DiagnosticList config_diagnostics;
  std::unique_ptr<workspace::Workspace> workspace;
  library::LibraryRegistry registry;  // built-ins
  std::unique_ptr<graph::FactCache> fact_cache;
  // Every language library's index (python, rust), built lazily: nothing is read until a check needs it.
  std::vector<std::shared_ptr<const stdlib::common::LanguageIndex>> languages;
  graph::DependencyGraph graph;  // every language index as provider: what connection rules read
  // Problems in [libraries]/[plugins] (plugin_loading.h): each disables its library only (every use reports it).
  syntax::DiagnosticList library_diagnostics;
  // An entry of hielements.toml is wrong (E510-E518, E061): commands exit 2 after doing what they can. A module or
  // process that cannot be loaded is not a configuration error (its uses are error results, exit 1).
  bool library_config_invalid = false;
  std::map<std::string, std::string> library_kinds;  // configured libraries: "external", "wasm" or "configured"
  PluginProcesses plugin_processes;  // declared after `registry`: ends the plugin processes before it is destroyed
};

// Workspace root: `workspace_option` if given; else the directory of the nearest hielements.toml above the first
// spec's directory (or the current directory when there is no spec); else the first spec's directory; else the
// current directory. Configuration: `globals.config` if given, else that nearest hielements.toml (searched from
// the root when -w was given). Problems in the configuration go to config_diagnostics; the workspace is opened
// only when there are none. Returns nullopt (after printing an error) when the root is not a directory.
std::optional<Session> open_session(const GlobalOptions& globals, const std::string& workspace_option,
                                    const std::vector<std::string>& specs, const SessionOptions& options = {});

// Hands the session's largest parts (the language indexes with every file's facts and edges, and the fact cache)
// to storage that lives until the process exits, so that the session's destructor does not free them piece by
// piece: on a large workspace that was a tenth of a warm run, spent after the report was written. Call it once the
// report is out and the cache saved; afterwards `languages` is empty and `fact_cache` null.
void keep_until_exit(Session& session);

// Ends a run: saves the fact cache when it changed, and prints on stderr (unless -q) the warnings of the language
// indexes that were built (unreadable or non-UTF-8 source files) and cache problems; cache statistics with -v.
void finish_session(const GlobalOptions& globals, Session& session);

// The spec files to load: `specs` if any; else `[check] specs` (relative to the config file); else every `*.hie`
// directly in the root, sorted. Paths are shown relative to the current directory when they lie below it.
std::vector<std::string> discover_specs(const Session& session, const std::vector<std::string>& specs);

}  // namespace hie::cli
