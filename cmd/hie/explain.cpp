// `hie explain [CODE]`: what a diagnostic code means, with an example of the mistake; without a code, every code.
#include <memory>

#include "commands.h"
#include "syntax/diagnostic_codes.h"

namespace hie::cli {
namespace {

int run_explain(const std::string& code, const GlobalOptions& globals) {
  if (code.empty()) {
    std::string text;
    for (const auto& info : syntax::diagnostic_codes()) {
      text += std::string(info.code) + "  " + std::string(info.summary) + "\n";
    }
    text += "\nRun 'hie explain CODE' for an explanation and an example, e.g. 'hie explain E026'.\n";
    return write_output(globals, "", text) ? kExitOk : kExitInvalid;
  }
  const syntax::DiagnosticCodeInfo* info = syntax::find_diagnostic_code(code);
  if (info == nullptr) {
    print_error(globals, "unknown diagnostic code '" + code + "'",
                "run 'hie explain' without a code to list every code (also in docs/diagnostics.md)");
    return kExitInvalid;
  }
  std::string text =
      std::string(info->code) + ": " + std::string(info->summary) + "\n\n" + std::string(info->explanation) + "\n";
  return write_output(globals, "", text) ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_explain_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand("explain", "Explain a diagnostic code, or list every code");
  auto code = std::make_shared<std::string>();
  app->add_option("CODE", *code, "A code such as E026 (case does not matter)")->type_name("");
  app->footer(
      "Examples:\n"
      "  hie explain E026     what 'unclosed block' means and how to fix it\n"
      "  hie explain          every code with its one-line meaning");
  return {app, [code, &globals] { return run_explain(*code, globals); }};
}

}  // namespace hie::cli
