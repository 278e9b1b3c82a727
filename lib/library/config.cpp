#include "library/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

#include "library/toml_position.h"
#include "workspace/glob.h"

namespace hie::library {
namespace fs = std::filesystem;
namespace {

using syntax::Diagnostic;
using syntax::DiagnosticList;
using syntax::Severity;

class ConfigReader {
 public:
  ConfigReader(Config& config, const TomlText& text, DiagnosticList& diagnostics)
      : config_(config), text_(text), diagnostics_(diagnostics), file_(config.file.string()) {}

  void read(const toml::value& root) {
    for (const auto& [key, value] : entries_in_file_order(root)) {
      if (key == "check") {
        if (expect_table(key, *value)) read_check(*value);
      } else if (key == "workspace") {
        if (expect_table(key, *value)) read_workspace(*value);
      } else if (key == "connections") {
        if (expect_table(key, *value)) read_connections(*value);
      } else if (key == "python" || key == "rust") {
        if (expect_table(key, *value)) read_language(key, *value);
      } else if (key == "libraries") {
        if (expect_table(key, *value)) config_.libraries = *value;
      } else if (key == "plugins") {
        if (expect_table(key, *value)) config_.plugins = *value;
      } else {
        unknown_key(key, *value, "the sections are [check], [workspace], [connections], [python], [rust], [libraries] and [plugins]");
      }
    }
  }

 private:
  void read_check(const toml::value& table) {
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = "check." + key;
      if (key == "specs") {
        read_string_list(name, *value, &config_.check.specs);
      } else if (key == "jobs") {
        read_integer(name, *value, 0, "0 (one job per core) or more", &config_.check.jobs);
      } else if (key == "timeout") {
        read_integer(name, *value, 1, "a number of seconds, 1 or more", &config_.check.timeout_seconds);
        config_.check.timeout_set = value->is_integer() && value->as_integer() == config_.check.timeout_seconds;
      } else {
        unknown_key(name, *value, "[check] accepts specs, jobs and timeout");
      }
    }
  }

  void read_workspace(const toml::value& table) {
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = "workspace." + key;
      if (key == "exclude") {
        std::vector<std::string> patterns;
        if (!read_string_list(name, *value, &patterns)) continue;
        std::vector<std::string> valid;
        const auto& items = value->as_array();
        for (std::size_t i = 0; i < patterns.size(); ++i) {
          if (auto error = workspace::glob_error(patterns[i])) {
            report("E072", fmt::format("invalid glob '{}' in '{}': {}", patterns[i], name, *error), items[i]);
          } else {
            valid.push_back(patterns[i]);
          }
        }
        config_.workspace.exclude = std::move(valid);
      } else if (key == "gitignore") {
        read_boolean(name, *value, &config_.workspace.gitignore);
      } else {
        unknown_key(name, *value, "[workspace] accepts exclude and gitignore");
      }
    }
  }

  void read_connections(const toml::value& table) {
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = "connections." + key;
      if (key == "unowned") {
        if (!value->is_string()) {
          wrong_type(name, "a string, \"allow\" or \"forbid\"", *value);
        } else if (value->as_string().str != "allow" && value->as_string().str != "forbid") {
          report("E072", fmt::format("'{}' must be \"allow\" or \"forbid\", not \"{}\"", name, value->as_string().str),
                 *value);
        } else {
          config_.connections.unowned = value->as_string().str;
        }
      } else if (key == "strict_uses") {
        read_boolean(name, *value, &config_.connections.strict_uses);
      } else {
        unknown_key(name, *value, "[connections] accepts unowned and strict_uses");
      }
    }
  }

  void read_language(const std::string& language, const toml::value& table) {
    LanguageSection& section = config_.languages[language];
    for (const auto& [key, value] : entries_in_file_order(table)) {
      const std::string name = language + "." + key;
      if (key == "roots" && language == "python") {
        std::vector<std::string> roots;
        if (!read_string_list(name, *value, &roots)) continue;
        const auto& items = value->as_array();
        section.roots.clear();
        for (std::size_t i = 0; i < roots.size(); ++i) {
          if (auto normalized = workspace::Workspace::normalize(roots[i])) {
            section.roots.push_back(std::move(*normalized));
          } else {
            report("E072", fmt::format("'{}' must name directories inside the workspace, not '{}'", name, roots[i]),
                   items[i]);
          }
        }
      } else if (key == "type_only_imports") {
        if (!value->is_string()) {
          wrong_type(name, "a string, \"count\" or \"ignore\"", *value);
        } else if (value->as_string().str != "count" && value->as_string().str != "ignore") {
          report("E072", fmt::format("'{}' must be \"count\" or \"ignore\", not \"{}\"", name, value->as_string().str),
                 *value);
        } else {
          section.type_only_imports = value->as_string().str;
        }
      } else {
        unknown_key(name, *value,
                    language == "python" ? "[python] accepts roots and type_only_imports"
                                         : "[rust] accepts type_only_imports");
      }
    }
  }

  bool expect_table(const std::string& name, const toml::value& value) {
    if (value.is_table()) return true;
    report("E072", fmt::format("'{}' must be a table (a [{}] section), not {}", name, name, toml_type_name(value)),
           value);
    return false;
  }

  bool read_string_list(const std::string& name, const toml::value& value, std::vector<std::string>* out) {
    if (!value.is_array()) {
      wrong_type(name, "an array of strings", value);
      return false;
    }
    std::vector<std::string> strings;
    for (const auto& item : value.as_array()) {
      if (!item.is_string()) {
        report("E072", fmt::format("'{}' must be an array of strings, but an item is {}", name, toml_type_name(item)),
               item);
        return false;
      }
      strings.push_back(item.as_string().str);
    }
    *out = std::move(strings);
    return true;
  }

  void read_integer(const std::string& name, const toml::value& value, int minimum, const char* expected, int* out) {
    if (!value.is_integer()) {
      wrong_type(name, "an integer", value);
      return;
    }
    const auto number = value.as_integer();
    if (number < minimum || number > std::numeric_limits<int>::max()) {
      report("E072", fmt::format("'{}' must be {}, not {}", name, expected, number), value);
      return;
    }
    *out = static_cast<int>(number);
  }

  void read_boolean(const std::string& name, const toml::value& value, bool* out) {
    if (!value.is_boolean()) {
      wrong_type(name, "true or false", value);
      return;
    }
    *out = value.as_boolean();
  }

  void wrong_type(const std::string& name, const char* expected, const toml::value& value) {
    report("E072", fmt::format("'{}' must be {}, not {}", name, expected, toml_type_name(value)), value);
  }

  void unknown_key(const std::string& name, const toml::value& value, const char* help) {
    const std::string key = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    diagnostics_.add(Diagnostic{Severity::Error, "E071", fmt::format("unknown key '{}' in '{}'", name, file_), file_,
                                text_.key_span(value, key), std::string(help)});
  }

  void report(const char* code, std::string message, const toml::value& at) {
    diagnostics_.add(Diagnostic{Severity::Error, code, std::move(message), file_, text_.span_of(at), std::nullopt});
  }

  Config& config_;
  const TomlText& text_;
  DiagnosticList& diagnostics_;
  const std::string file_;
};

}  // namespace

Config load_config(const fs::path& path, DiagnosticList& diagnostics) {
  Config config;
  config.file = path;
  const std::string shown = path.string();

  std::ifstream in(path, std::ios::binary);
  std::error_code status_error;
  if (!in || fs::is_directory(path, status_error)) {
    const std::string reason = fs::is_directory(path, status_error)
                                   ? std::string("it is a directory")
                                   : std::error_code(errno, std::generic_category()).message();
    diagnostics.add(Diagnostic{Severity::Error, "E073",
                               fmt::format("cannot read configuration file '{}': {}", shown, reason), shown,
                               syntax::Span{}, std::nullopt});
    return config;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const TomlText text(buffer.str());

  // toml11 reports every problem by throwing; nothing it throws may leave this function.
  try {
    std::istringstream stream(text.text());
    const toml::value root = toml::parse(stream, shown);
    ConfigReader(config, text, diagnostics).read(root);
  } catch (const toml::exception& error) {
    const TomlSyntaxProblem problem = describe_syntax_error(error);
    diagnostics.add(Diagnostic{Severity::Error, "E070", fmt::format("invalid TOML in '{}': {}", shown, problem.message),
                               shown, text.span(problem.line, problem.byte_column, 1), std::nullopt});
  } catch (const std::exception& error) {
    diagnostics.add(Diagnostic{Severity::Error, "E070", fmt::format("invalid TOML in '{}': {}", shown, error.what()),
                               shown, syntax::Span{}, std::nullopt});
  }
  return config;
}

std::optional<fs::path> find_config(const fs::path& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  if (ec) dir = start_dir;
  dir = dir.lexically_normal();
  if (dir.has_relative_path() && dir.filename().empty()) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    const fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return std::nullopt;
    dir = parent;
  }
}

}  // namespace hie::library
