#include "cli_common.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "report/diagnostics_human.h"

namespace hie::cli {
namespace {

constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace

std::string HelpFormatter::make_description(const CLI::App* app) const {
  std::string description = CLI::Formatter::make_description(app);
  return description.empty() ? description : description + "\n";
}

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("-C", options.directory, "Run as if hie was started in DIR (file paths are relative to it)")
      ->type_name("DIR");
  app.add_option("--config", options.config, "Use this hielements.toml instead of the nearest one")
      ->type_name("FILE");
  app.add_option("--color", options.color,
                 "When to colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", options.quiet, "Print errors only");
  app.add_flag("-v,--verbose", options.verbose, "Print more about what hie does (repeat for more)");
}

ColorMode color_mode(const GlobalOptions& options) {
  if (options.color == "always") return ColorMode::Always;
  if (options.color == "never") return ColorMode::Never;
  return ColorMode::Auto;
}

bool use_color(const GlobalOptions& options, int fd) {
  switch (color_mode(options)) {
    case ColorMode::Always: return true;
    case ColorMode::Never: return false;
    case ColorMode::Auto: break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(fd) == 1;
}

void print_error(const GlobalOptions& options, std::string_view message, std::string_view help) {
  bool color = use_color(options, STDERR_FILENO);
  std::string out;
  if (color) {
    out.append(kBoldRed).append("error").append(kReset).append(kBold).append(": ");
    out.append(report::printable_text(message)).append(kReset);
  } else {
    out.append("error: ").append(report::printable_text(message));
  }
  out += "\n";
  if (!help.empty()) {
    out.append("  = ");
    if (color) {
      out.append(kBold).append("help").append(kReset);
    } else {
      out.append("help");
    }
    out.append(": ").append(report::printable_text(help)).append("\n");
  }
  write_stderr(out);
}

void print_verbose(const GlobalOptions& options, int level, std::string_view message) {
  if (options.verbose < level) return;
  write_stderr("[verbose] " + report::printable_text(message) + "\n");
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  errno = 0;
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    std::size_t read = std::fread(buffer, 1, sizeof buffer, file.get());
    text.append(buffer, read);
    if (read < sizeof buffer) break;
  }
  // A directory opens fine on Linux; reading it fails with EISDIR.
  if (std::ferror(file.get())) {
    error = std::strerror(errno != 0 ? errno : EIO);
    return std::nullopt;
  }
  return text;
}

std::optional<std::vector<syntax::SourceFile>> read_spec_files(const std::vector<std::string>& paths,
                                                               const GlobalOptions& options) {
  std::vector<syntax::SourceFile> files;
  bool ok = true;
  for (const auto& path : paths) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
      print_error(options, "cannot read '" + path + "': " + error);
      ok = false;
      continue;
    }
    print_verbose(options, 1, "read '" + path + "' (" + plural(text->size(), "byte") + ")");
    files.emplace_back(path, std::move(*text));
  }
  if (!ok) return std::nullopt;
  return files;
}

bool write_output(const GlobalOptions& options, const std::string& path, std::string_view text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) {
      print_error(options, std::string("cannot write to standard output: ") + std::strerror(errno));
      return false;
    }
    return true;
  }
  errno = 0;
  FilePtr file(std::fopen(path.c_str(), "wb"));
  if (!file) {
    print_error(options, "cannot write '" + path + "': " + std::strerror(errno));
    return false;
  }
  std::fwrite(text.data(), 1, text.size(), file.get());
  if (std::fflush(file.get()) != 0 || std::ferror(file.get())) {
    print_error(options, "cannot write '" + path + "': " + std::strerror(errno != 0 ? errno : EIO));
    return false;
  }
  return true;
}

void write_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

std::string plural(std::size_t count, std::string_view noun) {
  std::string out = std::to_string(count) + " " + std::string(noun);
  if (count != 1) out += "s";
  return out;
}

}  // namespace hie::cli
