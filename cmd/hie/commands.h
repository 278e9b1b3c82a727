// The `hie` commands: each file adds its subcommand to the root and returns how to run it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "cli_common.h"

namespace hie::cli {

struct Command {
  CLI::App* app = nullptr;   // the subcommand, owned by the root App
  std::function<int()> run;  // runs it after a successful parse; returns the exit code
};

Command add_parse_command(CLI::App& root, const GlobalOptions& globals);
Command add_validate_command(CLI::App& root, const GlobalOptions& globals);
Command add_explain_command(CLI::App& root, const GlobalOptions& globals);
// `name` is "check" or its alias "run".
Command add_check_command(CLI::App& root, const GlobalOptions& globals, const std::string& name);
Command add_eval_command(CLI::App& root, const GlobalOptions& globals);
Command add_deps_command(CLI::App& root, const GlobalOptions& globals);
Command add_init_command(CLI::App& root, const GlobalOptions& globals);
Command add_doc_command(CLI::App& root, const GlobalOptions& globals);

}  // namespace hie::cli
