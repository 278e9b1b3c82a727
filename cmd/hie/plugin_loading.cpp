#include "plugin_loading.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "library/library_entry.h"
#include "plugin/jsonrpc/process_library.h"
#include "plugin/wasm/wasm_library.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

using namespace std::chrono_literals;

// An interpreter on a busy machine may need more than a short per-call timeout to start: library.initialize, the
// first request of each process, gets at least this long.
constexpr std::chrono::milliseconds kMinStartupTimeout = 10'000ms;

std::string location(const std::string& file, const syntax::Span& span) {
  return fmt::format("{}:{}:{}", file, span.start.line, span.start.column);
}

std::function<void(std::string_view)> verbose_log(const GlobalOptions& globals, const std::string& name) {
  if (globals.verbose < 1) return {};
  return [&globals, name](std::string_view line) {
    print_verbose(globals, 1, "plugin '" + name + "': " + std::string(line));
  };
}

std::unique_ptr<library::Library> make_process_library(const library::LibraryEntry& entry, const Session& session,
                                                       const GlobalOptions& globals) {
  plugin::jsonrpc::ProcessLibrarySpec spec;
  spec.name = entry.name;
  spec.executable = entry.path.string();
  spec.args = entry.args;
  spec.working_dir = session.root;
  spec.timeout = std::chrono::milliseconds(entry.limits.timeout_ms);
  spec.startup_timeout = std::max(spec.timeout, kMinStartupTimeout);
  spec.config = entry.config;
  spec.hie_version = HIE_VERSION;
  spec.log = verbose_log(globals, entry.name);
  return std::make_unique<plugin::jsonrpc::ProcessLibrary>(std::move(spec));
}

}  // namespace

void register_plugins(Session& session, const GlobalOptions& globals, const PluginLoadOptions& options) {
  syntax::DiagnosticList& diagnostics = session.library_diagnostics;
  library::LibraryEntries entries = library::load_library_entries(session.config, diagnostics);
  session.library_config_invalid = diagnostics.has_errors();
  const std::string file = session.config.file.string();

  // A configured library may not silently replace a built-in (LANGUAGE.md §4: E061).
  auto shadows_builtin = [&](const std::string& name) { return session.registry.contains(name); };

  for (auto& [name, error] : entries.failed) {
    session.library_kinds[name] = "configured";
    session.registry.add_failed(name, error);
    print_verbose(globals, 1, "library '" + name + "' is disabled: " + error.message);
  }
  for (library::LibraryEntry& entry : entries.loaded) {
    const char* kind = entry.kind == library::LibraryKind::Wasm ? "wasm" : "external";
    session.library_kinds[entry.name] = kind;
    if (shadows_builtin(entry.name) && !entry.override_builtin) {
      std::string message = fmt::format(
          "library '{}' has the name of a built-in library; add override = true to replace the built-in", entry.name);
      diagnostics.add(syntax::Diagnostic{
          syntax::Severity::Error, "E061", message, file, entry.span,
          fmt::format("rename the plugin (specs then use the new name), or write override = true in its entry to "
                      "use it instead of the built-in '{}'",
                      entry.name)});
      session.library_config_invalid = true;
      session.registry.add_failed(entry.name,
                                  library::LibraryError{"E061", message + " (" + location(file, entry.span) + ")"});
      continue;
    }
    if (options.timeout_seconds) {
      entry.limits.timeout_ms = static_cast<std::uint32_t>(*options.timeout_seconds) * 1000U;
    }
    if (entry.kind == library::LibraryKind::External) {
      auto library = make_process_library(entry, session, globals);
      auto* process = static_cast<plugin::jsonrpc::ProcessLibrary*>(library.get());
      session.registry.add(std::move(library));
      session.plugin_processes.add(process);
      print_verbose(globals, 1,
                    fmt::format("library '{}': process plugin '{}' (timeout {} ms)", entry.name, entry.path.string(),
                                entry.limits.timeout_ms));
      continue;
    }
    plugin::wasm::WasmHostOptions host;
    host.workspace_root = session.root;
    host.hie_version = HIE_VERSION;
    host.log = verbose_log(globals, entry.name);
    host.warn = [&globals, name = entry.name](std::string_view message) {
      if (!globals.quiet) write_stderr("warning: library '" + name + "': " + std::string(message) + "\n");
    };
    auto loaded = plugin::wasm::load_wasm_library(entry, host);
    if (loaded.ok()) {
      session.registry.add(std::move(loaded).value());
      print_verbose(globals, 1, fmt::format("library '{}': WASM plugin '{}'", entry.name, entry.path.string()));
      continue;
    }
    const library::LibraryError& error = loaded.error();
    std::string message = fmt::format("library '{}': the WASM module '{}' cannot be loaded: {}", entry.name,
                                      entry.path.string(), error.message);
    // A [plugins] dir entry has no position of its own: the diagnostic names the configuration file only.
    diagnostics.add(syntax::Diagnostic{syntax::Severity::Error, error.code, message, file, entry.span, std::nullopt});
    session.registry.add_failed(entry.name, library::LibraryError{error.code, message});
  }
}

void print_library_diagnostics(const Session& session, const GlobalOptions& globals) {
  if (session.library_diagnostics.empty()) return;
  write_stderr(render_diagnostics(session.library_diagnostics, {}, globals, use_color(globals, STDERR_FILENO)));
}

}  // namespace hie::cli
