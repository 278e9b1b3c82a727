// One configured plugin library from `[libraries]` / `[plugins] dir` of hielements.toml, resolved and defaulted
// (PLUGINS.md §1): what the plugin hosts need to create a Library.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "library/config.h"
#include "library/result.h"
#include "syntax/diagnostic.h"

namespace hie::library {

enum class LibraryKind { External, Wasm };

struct LibraryLimits {
  std::uint32_t memory_mb = 64;          // wasm: linear memory cap
  std::uint64_t fuel = 1'000'000'000;    // wasm: instructions per call
  std::uint32_t timeout_ms = 5'000;      // per call; the loader sets 30'000 for external unless configured
  std::uint32_t max_call_depth = 1'000;  // wasm: nested calls
  std::uint32_t host_calls = 10'000;     // wasm: host_call invocations per call
};

struct LibraryCapabilities {
  enum class Fs { None, Read };
  Fs fs = Fs::None;
  bool workspace_only = true;
  bool env_access = false;
  bool clock = false;
  bool random = false;
  std::vector<std::string> libraries;  // libraries this one may call through host_call, sorted
};

struct LibraryEntry {
  std::string name;  // the [libraries] key (or the .wasm stem for [plugins] dir)
  LibraryKind kind = LibraryKind::External;
  // wasm: the absolute .wasm path. external: the executable, absolute when it contained a '/', else a bare name
  // looked up in PATH.
  std::filesystem::path path;
  std::vector<std::string> args;  // external: entries naming existing files made absolute
  std::optional<std::string> sha256;  // lowercase hex pin; the host refuses a file with another digest
  LibraryLimits limits;
  LibraryCapabilities capabilities;
  std::map<std::string, std::string> config;
  bool override_builtin = false;  // `override = true`: may replace a built-in of the same name (else E061)
  // limits.timeout_ms was written in the entry (then neither [check] timeout nor the kind's default applies; only
  // --timeout overrides it).
  bool timeout_configured = false;
  // Where the entry is written (hielements.toml line/column), for diagnostics; empty for [plugins] dir entries.
  syntax::Span span;
};

struct LibraryEntries {
  std::vector<LibraryEntry> loaded;  // sorted by name
  // Entries that are wrong: the library name and the error every use of it reports (the config diagnostic too is
  // added to `diagnostics` by load_library_entries). Sorted by name.
  std::vector<std::pair<std::string, LibraryError>> failed;
};

// Reads config.libraries and config.plugins. Never throws. Each problem in an entry becomes a diagnostic (file,
// line, column, naming the library and the key; E510-E518) and the entry a `failed` one carrying the first
// problem; the other entries still load. Warnings (W510: workspace_only = false) leave the entry loaded. The
// timeout is the entry's limits.timeout_ms, else `[check] timeout` when written, else 5000 ms (wasm) / 30000 ms
// (external). Entries named like built-ins are not checked here (the registry knows the built-ins: E061).
LibraryEntries load_library_entries(const Config& config, syntax::DiagnosticList& diagnostics);

}  // namespace hie::library
