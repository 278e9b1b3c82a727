#include "library/library_entry_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>
#include <vector>

#include "library/sha256.h"

namespace hie::library {
namespace fs = std::filesystem;
namespace {

using syntax::Diagnostic;
using syntax::Severity;

constexpr const char* kEntryKeys =
    "a library entry accepts type, path, executable, args, sha256, limits, capabilities, config and override";

bool is_hex_digest(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class EntryReader {
 public:
  EntryReader(const std::string& name, EntryReadContext& context) : name_(name), context_(context) {}

  std::optional<LibraryEntry> read(const toml::value& value, LibraryError& failure) {
    if (!value.is_table()) {
      problem("E510",
              fmt::format("library '{}' must be a table such as {{ executable = \"python3\", args = [\"plugin.py\"] }} "
                          "or {{ path = \"plugin.wasm\" }}, not {}",
                          name_, toml_type_name(value)),
              context_.text.key_span(value, name_));
      return finish(std::nullopt, failure);
    }
    if (!is_library_name(name_)) {
      problem("E518",
              fmt::format("library name '{}' cannot be used in a spec: a library name is an identifier (letters, "
                          "digits and '_', not starting with a digit)",
                          name_),
              context_.text.key_span(value, name_));
    }
    collect_keys(value);
    std::optional<LibraryKind> kind = infer_kind(value);
    if (!kind) return finish(std::nullopt, failure);

    LibraryEntry entry = default_entry(name_, *kind, context_.check);
    entry.span = context_.text.key_span(value, name_);
    if (*kind == LibraryKind::Wasm) {
      read_wasm_location(value, entry);
    } else {
      read_external_location(value, entry);
    }
    if (limits_) read_limits(*limits_, entry);
    if (capabilities_) read_capabilities(*capabilities_, entry);
    if (config_) read_config(*config_, entry);
    if (override_) {
      if (override_->is_boolean()) {
        entry.override_builtin = override_->as_boolean();
      } else {
        wrong_type("override", "true or false", *override_);
      }
    }
    if (sha256_) read_sha256(*sha256_, entry);
    return finish(std::move(entry), failure);
  }

 private:
  void collect_keys(const toml::value& table) {
    for (const auto& [key, value] : entries_in_file_order(table)) {
      if (key == "type") {
        type_ = value;
      } else if (key == "path") {
        path_ = value;
      } else if (key == "executable") {
        executable_ = value;
      } else if (key == "args") {
        args_ = value;
      } else if (key == "sha256") {
        sha256_ = value;
      } else if (key == "limits") {
        limits_ = value;
      } else if (key == "capabilities") {
        capabilities_ = value;
      } else if (key == "config") {
        config_ = value;
      } else if (key == "override") {
        override_ = value;
      } else {
        unknown_key(key, *value, kEntryKeys);
      }
    }
  }

  // PLUGINS.md §1, as in the older tool: explicit `type`; else a `path` ending in .wasm; else `executable`; else
  // `path` (the executable); else E512.
  std::optional<LibraryKind> infer_kind(const toml::value& table) {
    if (type_) {
      if (!type_->is_string()) {
        wrong_type("type", "a string, \"wasm\" or \"external\"", *type_);
        return std::nullopt;
      }
      const std::string& type = type_->as_string().str;
      if (type == "wasm") return LibraryKind::Wasm;
      // "external" is the older tool's spelling; "process" is what hie's documentation calls these plugins.
      if (type == "external" || type == "process") return LibraryKind::External;
      problem("E510", fmt::format("library '{}': 'type' must be \"wasm\" or \"external\", not \"{}\"", name_, type),
              context_.text.span_of(*type_));
      return std::nullopt;
    }
    if (path_ && path_->is_string() && fs::path(path_->as_string().str).extension() == ".wasm") {
      return LibraryKind::Wasm;
    }
    if (executable_ || path_) return LibraryKind::External;
    // A misspelt key ("executabel") is already reported and is the likely cause: say it once.
    if (failed_) return std::nullopt;
    problem("E512",
            fmt::format("library '{}': cannot infer library type: specify 'type', 'executable', or 'path' with .wasm "
                        "extension",
                        name_),
            context_.text.key_span(table, name_),
            "an external process: { executable = \"python3\", args = [\"plugin.py\"] }; a WASM module: "
            "{ path = \"plugin.wasm\" }");
    return std::nullopt;
  }

  void read_wasm_location(const toml::value& table, LibraryEntry& entry) {
    if (executable_) only_external("executable", *executable_);
    if (args_) only_external("args", *args_);
    if (!path_) {
      problem("E514", fmt::format("library '{}' is a WASM library but has no 'path'", name_),
              context_.text.key_span(table, name_), "add path = \"plugins/" + name_ + ".wasm\"");
      return;
    }
    if (!path_->is_string()) return wrong_type("path", "a string", *path_);
    entry.path = resolve(path_->as_string().str);
    std::error_code ec;
    if (!fs::is_regular_file(entry.path, ec)) {
      problem("E515", fmt::format("library '{}': the WASM file '{}' does not exist", name_, entry.path.string()),
              context_.text.span_of(*path_), "relative paths are relative to the directory of hielements.toml");
    }
  }

  void read_external_location(const toml::value& table, LibraryEntry& entry) {
    if (executable_ && path_) {
      problem("E510",
              fmt::format("library '{}' has both 'executable' and 'path': give one (the program to start)", name_),
              context_.text.key_span(*path_, "path"));
      return;
    }
    const toml::value* program = executable_ != nullptr ? executable_ : path_;
    const char* key = executable_ != nullptr ? "executable" : "path";
    if (program == nullptr) {
      problem("E513", fmt::format("library '{}' is an external library but has no 'executable' or 'path'", name_),
              context_.text.key_span(table, name_), "add executable = \"python3\", args = [\"plugins/" + name_ + ".py\"]");
      return;
    }
    if (!program->is_string()) return wrong_type(key, "a string", *program);
    const std::string& text = program->as_string().str;
    if (text.empty()) {
      problem("E510", fmt::format("library '{}': '{}' is empty", name_, key), context_.text.span_of(*program));
      return;
    }
    // A bare name ("python3") is looked up in PATH when the process starts; a path is relative to the config file.
    if (text.find('/') == std::string::npos) {
      entry.path = text;
    } else {
      entry.path = resolve(text);
      std::error_code ec;
      if (!fs::is_regular_file(entry.path, ec)) {
        problem("E515", fmt::format("library '{}': the executable '{}' does not exist", name_, entry.path.string()),
                context_.text.span_of(*program), "relative paths are relative to the directory of hielements.toml");
      }
    }
    if (!args_) return;
    if (!args_->is_array()) return wrong_type("args", "an array of strings", *args_);
    for (const auto& item : args_->as_array()) {
      if (!item.is_string()) {
        problem("E510",
                fmt::format("library '{}': 'args' must be an array of strings, but an item is {}", name_,
                            toml_type_name(item)),
                context_.text.span_of(item));
        return;
      }
      const std::string& arg = item.as_string().str;
      // An argument naming a file next to hielements.toml is that file, whatever the current directory is; others
      // (flags, module names) are passed as written.
      std::error_code ec;
      if (!arg.empty() && fs::path(arg).is_relative() && fs::exists(context_.base / arg, ec)) {
        entry.args.push_back(resolve(arg).string());
      } else {
        entry.args.push_back(arg);
      }
    }
  }

  void read_limits(const toml::value& table, LibraryEntry& entry) {
    if (!table.is_table()) return wrong_type("limits", "a table such as { timeout_ms = 5000 }", table);
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = "limits." + key;
      if (key == "memory_mb") {
        read_positive(name, *value, std::numeric_limits<std::uint32_t>::max(), entry.limits.memory_mb);
      } else if (key == "fuel") {
        read_positive(name, *value, std::numeric_limits<std::int64_t>::max(), entry.limits.fuel);
      } else if (key == "timeout_ms") {
        if (read_positive(name, *value, std::numeric_limits<std::uint32_t>::max(), entry.limits.timeout_ms)) {
          entry.timeout_configured = true;
        }
      } else if (key == "max_call_depth") {
        read_positive(name, *value, std::numeric_limits<std::uint32_t>::max(), entry.limits.max_call_depth);
      } else if (key == "host_calls") {
        read_positive(name, *value, std::numeric_limits<std::uint32_t>::max(), entry.limits.host_calls);
      } else {
        unknown_key(name, *value, "limits accepts memory_mb, fuel, timeout_ms, max_call_depth and host_calls");
      }
    }
  }

  // An integer from 1 to `maximum`; a float with an integral value is accepted too (`fuel = 1e9`).
  template <class T>
  bool read_positive(const std::string& key, const toml::value& value, std::uint64_t maximum, T& out) {
    double number = 0;
    if (value.is_integer()) {
      number = static_cast<double>(value.as_integer());
      if (value.as_integer() >= 1 && static_cast<std::uint64_t>(value.as_integer()) <= maximum) {
        out = static_cast<T>(value.as_integer());
        return true;
      }
    } else if (value.is_floating() && std::isfinite(value.as_floating()) &&
               value.as_floating() == std::floor(value.as_floating())) {
      number = value.as_floating();
      if (number >= 1 && number <= static_cast<double>(maximum)) {
        out = static_cast<T>(number);
        return true;
      }
    } else {
      wrong_type(key, "a positive integer", value);
      return false;
    }
    problem("E510", fmt::format("library '{}': '{}' must be from 1 to {}, not {}", name_, key, maximum, number),
            context_.text.span_of(value));
    return false;
  }

  void read_capabilities(const toml::value& table, LibraryEntry& entry) {
    if (!table.is_table()) return wrong_type("capabilities", "a table such as { fs = \"read\" }", table);
    const toml::value* workspace_only = nullptr;
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = "capabilities." + key;
      if (key == "fs") {
        read_fs(*value, entry);
      } else if (key == "workspace_only") {
        if (read_bool(name, *value, entry.capabilities.workspace_only)) workspace_only = value;
      } else if (key == "env_access") {
        read_bool(name, *value, entry.capabilities.env_access);
      } else if (key == "clock") {
        read_bool(name, *value, entry.capabilities.clock);
      } else if (key == "random") {
        read_bool(name, *value, entry.capabilities.random);
      } else if (key == "libraries") {
        read_libraries(*value, entry);
      } else {
        unknown_key(name, *value,
                    "capabilities accepts fs, workspace_only, env_access, clock, random and libraries");
      }
    }
    if (workspace_only != nullptr && !entry.capabilities.workspace_only) {
      std::string reach = entry.capabilities.fs == LibraryCapabilities::Fs::Read
                              ? "it may read any file this user can read, outside the workspace too"
                              : "it would widen fs = \"read\" to the whole file system (fs is \"none\" now)";
      context_.diagnostics.add(Diagnostic{
          Severity::Warning, "W510",
          fmt::format("library '{}': capabilities.workspace_only = false: {}", name_, reach), context_.file,
          context_.text.key_span(*workspace_only, "workspace_only"),
          std::string("remove workspace_only = false unless the plugin really needs files outside the workspace")});
    }
  }

  void read_fs(const toml::value& value, LibraryEntry& entry) {
    if (!value.is_string()) return wrong_type("capabilities.fs", "\"none\" or \"read\"", value);
    const std::string& fs_value = value.as_string().str;
    if (fs_value == "none") {
      entry.capabilities.fs = LibraryCapabilities::Fs::None;
    } else if (fs_value == "read") {
      entry.capabilities.fs = LibraryCapabilities::Fs::Read;
    } else if (fs_value == "write") {
      problem("E517",
              fmt::format("library '{}': capabilities.fs = \"write\" is refused: checks never modify the workspace",
                          name_),
              context_.text.span_of(value),
              "use fs = \"read\"; a plugin that must write files (a cache, a report) is not a check: run it "
              "outside hie");
    } else {
      problem("E510",
              fmt::format("library '{}': 'capabilities.fs' must be \"none\" or \"read\", not \"{}\"", name_, fs_value),
              context_.text.span_of(value));
    }
  }

  void read_libraries(const toml::value& value, LibraryEntry& entry) {
    if (!value.is_array()) return wrong_type("capabilities.libraries", "an array of library names", value);
    std::vector<std::string> names;
    for (const auto& item : value.as_array()) {
      if (!item.is_string()) {
        problem("E510",
                fmt::format("library '{}': 'capabilities.libraries' must be an array of strings, but an item is {}",
                            name_, toml_type_name(item)),
                context_.text.span_of(item));
        return;
      }
      if (item.as_string().str == name_) {
        problem("E510", fmt::format("library '{}': 'capabilities.libraries' lists the library itself (a plugin "
                                    "cannot call itself)",
                                    name_),
                context_.text.span_of(item));
        return;
      }
      names.push_back(item.as_string().str);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    entry.capabilities.libraries = std::move(names);
  }

  // `config = { key = value }`: the plugin receives strings. Numbers and booleans are written back as TOML shows
  // them (`10`, `1.5`, `true`) so that `threshold = 10` works; arrays, tables and dates are refused.
  void read_config(const toml::value& table, LibraryEntry& entry) {
    if (!table.is_table()) return wrong_type("config", "a table of strings such as { threshold = \"10\" }", table);
    for (const auto& [key, value] : entries_in_file_order(table)) {
      if (value->is_string()) {
        entry.config[key] = value->as_string().str;
      } else if (value->is_integer()) {
        entry.config[key] = std::to_string(value->as_integer());
      } else if (value->is_floating()) {
        entry.config[key] = fmt::format("{}", value->as_floating());
      } else if (value->is_boolean()) {
        entry.config[key] = value->as_boolean() ? "true" : "false";
      } else {
        problem("E510",
                fmt::format("library '{}': 'config.{}' must be a string (or a number or boolean, passed as text), "
                            "not {}",
                            name_, key, toml_type_name(*value)),
                context_.text.key_span(*value, key), "plugins receive configuration values as strings");
      }
    }
  }

  void read_sha256(const toml::value& value, LibraryEntry& entry) {
    if (!value.is_string()) return wrong_type("sha256", "a string of 64 hexadecimal digits", value);
    const std::string& digest = value.as_string().str;
    if (!is_hex_digest(digest)) {
      problem("E510",
              fmt::format("library '{}': 'sha256' must be 64 hexadecimal digits (the output of sha256sum), not \"{}\"",
                          name_, digest),
              context_.text.span_of(value));
      return;
    }
    entry.sha256 = lowercase(digest);
    if (failed_) return;  // the file may not even be known
    if (auto mismatch = sha256_problem(entry)) {
      problem("E516", fmt::format("library '{}': {}", name_, *mismatch), context_.text.span_of(value),
              "if the new file is trusted, put its digest (sha256sum FILE) in 'sha256'");
    }
  }

  bool read_bool(const std::string& key, const toml::value& value, bool& out) {
    if (!value.is_boolean()) {
      wrong_type(key, "true or false", value);
      return false;
    }
    out = value.as_boolean();
    return true;
  }

  void only_external(const char* key, const toml::value& value) {
    problem("E510",
            fmt::format("library '{}' is a WASM library: '{}' applies to external (process) libraries only", name_,
                        key),
            context_.text.key_span(value, key),
            "remove it, or set type = \"external\" to run a program instead of a WASM module");
  }

  fs::path resolve(const std::string& text) const {
    fs::path path(text);
    if (path.is_relative()) path = context_.base / path;
    return path.lexically_normal();
  }

  void wrong_type(const std::string& key, const char* expected, const toml::value& value) {
    problem("E510", fmt::format("library '{}': '{}' must be {}, not {}", name_, key, expected, toml_type_name(value)),
            context_.text.span_of(value));
  }

  void unknown_key(const std::string& key, const toml::value& value, const char* help) {
    const std::size_t dot = key.rfind('.');
    const std::string last = dot == std::string::npos ? key : key.substr(dot + 1);
    problem("E511", fmt::format("library '{}': unknown key '{}'", name_, key), context_.text.key_span(value, last),
            help);
  }

  void problem(const char* code, std::string message, syntax::Span span,
               std::optional<std::string> help = std::nullopt) {
    if (!failed_) {
      failed_ = true;
      // Shown as "library 'x' could not be loaded: <this>" by every use of the library.
      const std::string prefix = "library '" + name_ + "': ";
      std::string shown = message.starts_with(prefix) ? message.substr(prefix.size()) : message;
      first_ = LibraryError{code, fmt::format("{} ({}:{}:{})", shown, context_.file, span.start.line,
                                              span.start.column)};
    }
    context_.diagnostics.add(
        Diagnostic{Severity::Error, code, std::move(message), context_.file, span, std::move(help)});
  }

  std::optional<LibraryEntry> finish(std::optional<LibraryEntry> entry, LibraryError& failure) {
    if (!failed_) return entry;
    failure = first_;
    return std::nullopt;
  }

  const std::string& name_;
  EntryReadContext& context_;
  // The entry's keys, nullptr when absent.
  const toml::value* type_ = nullptr;
  const toml::value* path_ = nullptr;
  const toml::value* executable_ = nullptr;
  const toml::value* args_ = nullptr;
  const toml::value* sha256_ = nullptr;
  const toml::value* limits_ = nullptr;
  const toml::value* capabilities_ = nullptr;
  const toml::value* config_ = nullptr;
  const toml::value* override_ = nullptr;
  bool failed_ = false;
  LibraryError first_;
};

}  // namespace

bool is_library_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80);
  });
}

LibraryEntry default_entry(std::string name, LibraryKind kind, const CheckSection& check) {
  LibraryEntry entry;
  entry.name = std::move(name);
  entry.kind = kind;
  entry.limits.timeout_ms = kind == LibraryKind::Wasm ? 5'000 : 30'000;
  if (check.timeout_set) entry.limits.timeout_ms = static_cast<std::uint32_t>(check.timeout_seconds) * 1000U;
  return entry;
}

std::optional<LibraryEntry> read_library_entry(const std::string& name, const toml::value& value,
                                               EntryReadContext& context, LibraryError& failure) {
  return EntryReader(name, context).read(value, failure);
}

std::optional<std::string> sha256_problem(const LibraryEntry& entry) {
  if (!entry.sha256) return std::nullopt;
  fs::path pinned;
  if (entry.kind == LibraryKind::Wasm || entry.path.is_absolute()) {
    pinned = entry.path;
  } else {
    // `python3 plugin.py`: pinning the interpreter would be pointless; the plugin is the first file argument.
    for (const auto& arg : entry.args) {
      std::error_code ec;
      if (fs::path(arg).is_absolute() && fs::is_regular_file(arg, ec)) {
        pinned = arg;
        break;
      }
    }
    if (pinned.empty()) {
      return "'sha256' pins a file, but the executable '" + entry.path.string() +
             "' is looked up in PATH and no argument names a file";
    }
  }
  std::string error;
  std::optional<std::string> actual = sha256_file(pinned, error);
  if (!actual) return "cannot read '" + pinned.string() + "' to check its sha256: " + error;
  if (*actual == *entry.sha256) return std::nullopt;
  return "the sha256 of '" + pinned.string() + "' is " + *actual + ", but hielements.toml pins " + *entry.sha256 +
         "; the file was changed, so the library is not loaded";
}

}  // namespace hie::library
