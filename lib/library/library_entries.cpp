// load_library_entries: every `[libraries]` entry and every NAME.wasm of `[plugins] dir`, each read on its own so
// that one bad entry disables only that library (the older tool dropped them all, silently).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "library/library_entry.h"
#include "library/library_entry_reader.h"
#include "library/toml_position.h"

namespace hie::library {
namespace fs = std::filesystem;
namespace {

using syntax::Diagnostic;
using syntax::Severity;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  return buffer.str();
}

// `[plugins] dir`: every regular file NAME.wasm directly in it is the WASM library NAME, unless [libraries] has an
// entry of that name (explicit entries win, even failed ones).
void read_plugins_section(const Config& config, EntryReadContext& context, const std::set<std::string>& explicit_names,
                          std::vector<LibraryEntry>& loaded) {
  if (!config.plugins.is_table()) return;
  for (const auto& [key, value] : entries_in_file_order(config.plugins)) {
    if (key != "dir") {
      context.diagnostics.add(Diagnostic{Severity::Error, "E511", fmt::format("unknown key 'plugins.{}'", key),
                                         context.file, context.text.key_span(*value, key),
                                         std::string("[plugins] accepts dir")});
      continue;
    }
    if (!value->is_string()) {
      context.diagnostics.add(Diagnostic{
          Severity::Error, "E510", fmt::format("'plugins.dir' must be a string, not {}", toml_type_name(*value)),
          context.file, context.text.span_of(*value), std::nullopt});
      continue;
    }
    fs::path dir = fs::path(value->as_string().str);
    if (dir.is_relative()) dir = context.base / dir;
    dir = dir.lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      context.diagnostics.add(Diagnostic{Severity::Error, "E515",
                                         fmt::format("'plugins.dir': the directory '{}' does not exist", dir.string()),
                                         context.file, context.text.span_of(*value),
                                         std::string("relative paths are relative to the directory of hielements.toml")});
      continue;
    }
    std::vector<fs::path> modules;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->path().extension() == ".wasm" && it->is_regular_file(type_ec)) modules.push_back(it->path());
    }
    std::sort(modules.begin(), modules.end());
    for (const auto& module : modules) {
      std::string name = module.stem().string();
      if (explicit_names.count(name) > 0) continue;
      if (!is_library_name(name)) {
        context.diagnostics.add(Diagnostic{
            Severity::Error, "E518",
            fmt::format("'{}' in 'plugins.dir' cannot be a library: '{}' is not an identifier (letters, digits and "
                        "'_', not starting with a digit)",
                        module.filename().string(), name),
            context.file, context.text.span_of(*value),
            std::string("rename the file, or load it under another name in [libraries]")});
        continue;
      }
      LibraryEntry entry = default_entry(name, LibraryKind::Wasm, context.check);
      entry.path = module;
      loaded.push_back(std::move(entry));
    }
  }
}

}  // namespace

LibraryEntries load_library_entries(const Config& config, syntax::DiagnosticList& diagnostics) {
  LibraryEntries result;
  if (config.file.empty()) return result;
  const TomlText text(read_text(config.file));
  std::error_code ec;
  fs::path base = fs::absolute(config.directory().empty() ? fs::path(".") : config.directory(), ec);
  if (ec) base = config.directory();
  EntryReadContext context{text, config.file.string(), base.lexically_normal(), config.check, diagnostics};

  std::set<std::string> explicit_names;
  if (config.libraries.is_table()) {
    for (const auto& [name, value] : entries_in_file_order(config.libraries)) {
      explicit_names.insert(name);
      LibraryError failure;
      if (std::optional<LibraryEntry> entry = read_library_entry(name, *value, context, failure)) {
        result.loaded.push_back(std::move(*entry));
      } else {
        result.failed.emplace_back(name, std::move(failure));
      }
    }
  }
  read_plugins_section(config, context, explicit_names, result.loaded);

  std::sort(result.loaded.begin(), result.loaded.end(),
            [](const LibraryEntry& a, const LibraryEntry& b) { return a.name < b.name; });
  std::sort(result.failed.begin(), result.failed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return result;
}

}  // namespace hie::library
