// Creating the libraries configured in hielements.toml (PLUGINS.md §1) in a session's registry: process plugins,
// WASM plugins, and failed entries that report their configuration error on every use.
#pragma once

#include <optional>
#include <string>

#include "cli_common.h"
#include "syntax/diagnostic.h"

namespace hie::cli {

struct Session;

struct PluginLoadOptions {
  // --timeout SECONDS: every plugin call of this run, over limits.timeout_ms and [check] timeout.
  std::optional<int> timeout_seconds;
};

// Reads [libraries] and [plugins] of session.config and registers each library in session.registry (after the
// built-ins): an external entry as a ProcessLibrary (started on first use), a wasm entry through the WASM host,
// and every entry that cannot be used (bad configuration E510-E518, a built-in's name without `override = true`
// E061, a WASM module that does not load) with add_failed. Problems go to session.library_diagnostics.
void register_plugins(Session& session, const GlobalOptions& globals, const PluginLoadOptions& options);

// Prints session.library_diagnostics (if any) on stderr, compiler style.
void print_library_diagnostics(const Session& session, const GlobalOptions& globals);

}  // namespace hie::cli
