// What every `hie` command shares: global options, exit codes, the colour decision, reading spec files and
// printing command-level messages.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/source_file.h"

namespace hie::cli {

// Exit codes of every command (CLI.md "Exit codes").
enum ExitCode : int {
  kExitOk = 0,        // success
  kExitFailed = 1,    // a check failed or could not be evaluated
  kExitInvalid = 2,   // the spec, the configuration or the command line is invalid
  kExitInternal = 3,  // a bug in hie
};

enum class ColorMode { Auto, Always, Never };

struct GlobalOptions {
  std::string directory;       // -C DIR: run as if started in DIR
  std::string config;          // --config FILE: this hielements.toml instead of discovery
  std::string color = "auto";  // --color auto|always|never
  bool quiet = false;          // -q: errors only
  int verbose = 0;             // -v, repeatable
};

// CLI11's help layout with a blank line between the description and the usage line.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_description(const CLI::App* app) const override;
};

// Adds -C, --color, -q/--quiet and -v/--verbose to the root command.
void add_global_options(CLI::App& app, GlobalOptions& options);

ColorMode color_mode(const GlobalOptions& options);

// Whether to colour what is written to `fd`: always/never as asked; auto = `fd` is a terminal and the NO_COLOR
// environment variable is unset or empty (https://no-color.org).
bool use_color(const GlobalOptions& options, int fd);

// `error: MESSAGE` on stderr (with "error" in bold red when stderr gets colour), then `  = help: HELP` if given.
void print_error(const GlobalOptions& options, std::string_view message, std::string_view help = {});

// `[verbose] MESSAGE` on stderr when -v was given at least `level` times.
void print_verbose(const GlobalOptions& options, int level, std::string_view message);

// The whole file as bytes (binary mode: invalid UTF-8 must reach the lexer, which reports E020). On failure returns
// nullopt and sets `error` to the operating system's reason ("No such file or directory").
std::optional<std::string> read_file(const std::string& path, std::string& error);

// Reads every spec file named by the user, keeping the path as given (it names the file in diagnostics).
// Each unreadable file is reported on stderr (`error: cannot read 'x.hie': No such file or directory`);
// returns nullopt when at least one could not be read.
std::optional<std::vector<syntax::SourceFile>> read_spec_files(const std::vector<std::string>& paths,
                                                               const GlobalOptions& options);

// Writes `text` to stdout, or to `path` when it is not empty. On failure prints an error and returns false.
bool write_output(const GlobalOptions& options, const std::string& path, std::string_view text);

// Writes `text` to stderr.
void write_stderr(std::string_view text);

// "1 error", "3 warnings".
std::string plural(std::size_t count, std::string_view noun);

}  // namespace hie::cli
