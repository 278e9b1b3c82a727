// The `hie` binary: global options, command dispatch, and the boundary where nothing may escape (exit code 3).
#include <fmt/core.h>
#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "huge_pages.h"

namespace hie::cli {
namespace {

constexpr const char* kDescription =
    "hie checks that a code base matches its architecture.\n"
    "\n"
    "You describe the architecture in .hie files: elements (the parts of the code base, nested like the code), the\n"
    "files each one owns (scopes), the rules they follow (checks) and reusable patterns. hie parses and validates\n"
    "those files, tells you compiler-style where they are wrong, and checks the code base against them.";

constexpr const char* kFooter =
    "Examples:\n"
    "  hie check architecture.hie             check the code base against the spec (exit 1 when a check fails)\n"
    "  hie check -f json -o results.json      the results as one JSON document\n"
    "  hie validate architecture.hie          find mistakes in a spec (each with a code, a place and a hint)\n"
    "  hie init shop                          start a spec: shop.hie, hielements.toml and a guide\n"
    "  hie eval \"files.glob_selector('**/*.py')\"  evaluate one expression in the workspace, as JSON\n"
    "  hie parse architecture.hie             print the syntax tree as JSON\n"
    "  hie explain E026                       explain a diagnostic code; 'hie explain' lists them all\n"
    "  hie -C path/to/repo validate arch.hie  run as if started in path/to/repo\n"
    "\n"
    "Exit codes: 0 success, 1 a check failed or could not be evaluated, 2 invalid spec, configuration or command\n"
    "line, 3 internal error (a bug in hie).\n"
    "Run 'hie COMMAND --help' for the options of a command.";

constexpr const char* kBugReport =
    "this is a bug in hie; please report it to the hie maintainers with the command line and the input files";

std::string version_text(int verbose) {
  std::string text = std::string("hie ") + HIE_VERSION + "\n";
  if (verbose > 0) {
    text += "spec/JSON schema: hie.check/1\n";
    text += "diagnostics JSON: version 1.0\n";
    text += std::string("CLI11: ") + CLI11_VERSION + "\n";
    text += fmt::format("fmt: {}.{}.{}\n", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100);
    text += fmt::format("nlohmann-json: {}.{}.{}\n", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                        NLOHMANN_JSON_VERSION_PATCH);
  }
  return text;
}

// `heap`: what use_huge_pages() said, for -v.
int run(int argc, char** argv, const std::string& heap) {
  CLI::App app(kDescription, "hie");
  app.formatter(std::make_shared<HelpFormatter>());  // inherited by the commands added below
  app.fallthrough();  // global options may also follow the command: `hie validate x.hie --color never`
  GlobalOptions globals;
  add_global_options(app, globals);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version and exit (with -v: library and schema versions too)");

  std::vector<Command> commands = {
      add_check_command(app, globals, "check"),
      add_check_command(app, globals, "run"),
      add_validate_command(app, globals),
      add_parse_command(app, globals),
      add_eval_command(app, globals),
      add_deps_command(app, globals),
      add_init_command(app, globals),
      add_doc_command(app, globals),
      add_explain_command(app, globals),
  };
  app.require_subcommand(0, 1);
  app.footer(kFooter);  // set after the commands so that they do not inherit it

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);  // help on stdout, exit 0
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(globals, e.what(), "run 'hie --help' (or 'hie COMMAND --help') for usage");
    return kExitInvalid;
  }

  if (show_version) {
    return write_output(globals, "", version_text(globals.verbose)) ? kExitOk : kExitInvalid;
  }
  print_verbose(globals, 1, heap);
  if (!globals.directory.empty()) {
    if (chdir(globals.directory.c_str()) != 0) {
      print_error(globals, "cannot change to directory '" + globals.directory + "': " + std::strerror(errno));
      return kExitInvalid;
    }
    print_verbose(globals, 1, "running in '" + globals.directory + "'");
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  print_error(globals, "no command given",
              "run 'hie --help' to see the commands, e.g. 'hie validate architecture.hie'");
  return kExitInvalid;
}

}  // namespace
}  // namespace hie::cli

int main(int argc, char** argv) {
  const std::string heap = hie::cli::use_huge_pages(argv);
  // A check run allocates a few hundred MiB in small pieces on several threads. By default glibc grows each heap a
  // page range at a time (one mprotect or brk per growth, a tenth of a warm run on a large workspace); growing by
  // 64 MiB at once costs nothing in resident memory (untouched pages are never faulted in).
  mallopt(M_TOP_PAD, 64 << 20);
  // Nothing may escape: a user never sees a crash or an uncaught exception, only a message and exit code 3.
  try {
    return hie::cli::run(argc, argv, heap);
  } catch (const std::exception& e) {
    hie::cli::write_stderr(std::string("internal error: ") + e.what() + "; " + hie::cli::kBugReport + "\n");
  } catch (...) {
    hie::cli::write_stderr(std::string("internal error: unknown exception; ") + hie::cli::kBugReport + "\n");
  }
  return hie::cli::kExitInternal;
}
