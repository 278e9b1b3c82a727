// Reading one `[libraries]` entry of hielements.toml into a LibraryEntry (PLUGINS.md §1): keys, types, type
// inference, path resolution and the sha256 pin. Used by load_library_entries.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "library/library_entry.h"
#include "library/toml_position.h"
#include "syntax/diagnostic.h"

namespace hie::library {

struct EntryReadContext {
  const TomlText& text;                 // the configuration file's text, for positions
  std::string file;                     // the configuration file as shown in diagnostics
  std::filesystem::path base;           // absolute directory relative paths are resolved against
  const CheckSection& check;            // for `[check] timeout`
  syntax::DiagnosticList& diagnostics;  // every problem, in file order
};

// An identifier as the language has them ([A-Za-z_][A-Za-z0-9_]*): a library must be nameable in a spec.
bool is_library_name(std::string_view name);

// Defaults of PLUGINS.md §1 for an entry of this kind (the timeout included; `[check] timeout` when written).
LibraryEntry default_entry(std::string name, LibraryKind kind, const CheckSection& check);

// Reads `value`, the entry written as `name = …` in [libraries]. On success returns the entry; on failure the
// diagnostics are reported and `failure` holds the first one as a LibraryError (code and a message with the
// position, shown by every use of the library).
std::optional<LibraryEntry> read_library_entry(const std::string& name, const toml::value& value,
                                               EntryReadContext& context, LibraryError& failure);

// Checks the sha256 pin of a resolved entry against the file on disk (the .wasm file; for an external library the
// executable when given as a path, else the first argument that names a file). Nullopt when it matches.
std::optional<std::string> sha256_problem(const LibraryEntry& entry);

}  // namespace hie::library
