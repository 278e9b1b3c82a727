// A WASM plugin (PLUGINS.md §3) as a Library: the module decoded once, run in-process on the WABT interpreter.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "library/library.h"
#include "library/library_entry.h"
#include "library/result.h"

namespace hie::plugin::wasm {

struct WasmHostOptions {
  std::filesystem::path workspace_root;               // what fs = "read" pre-opens
  std::string hie_version;
  std::function<void(std::string_view)> log;          // hie.log / fd_write output for `hie -v`; optional
  // Load-time warnings that must be shown on every run (a requested capability that is not granted,
  // workspace_only = false). Optional; when unset they go to `log`.
  std::function<void(std::string_view)> warn;
};

// Reads, checks the sha256 pin, decodes and validates the module and applies the load-time policy (imports,
// memory and table caps, ABI version), instantiates it once and asks it to describe itself. A module that cannot be
// used is a LibraryError (E600–E606, E524) naming the cause (the caller adds the library name, as it does to
// warnings). The Library is safe to call from
// several threads: each concurrent call gets its own instance (docs/plugins-wasm.md).
library::Result<std::unique_ptr<library::Library>> load_wasm_library(const library::LibraryEntry& entry,
                                                                     const WasmHostOptions& options);

}  // namespace hie::plugin::wasm
