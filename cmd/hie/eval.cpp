// `hie eval EXPR`: evaluate one selector or check expression in the workspace and print the value as JSON.
#include <unistd.h>

#include <memory>

#include "commands.h"
#include "eval/eval_expression.h"
#include "library/value_format.h"
#include "report/json_common.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

struct EvalOptions {
  std::string expression;
  std::string workspace;
  std::string output;
  bool as_check = false;
  bool as_selector = false;
  bool no_cache = false;  // --no-cache: neither read nor write the fact cache
};

const char* outcome_status(library::CheckOutcome::Status status) {
  switch (status) {
    case library::CheckOutcome::Status::Pass: return "pass";
    case library::CheckOutcome::Status::Fail: return "fail";
    case library::CheckOutcome::Status::Error: return "error";
  }
  return "error";
}

report::Json outcome_to_json(const library::CheckOutcome& outcome) {
  report::Json out = report::Json::object();
  out["status"] = outcome_status(outcome.status);
  out["message"] = outcome.message.empty() ? report::Json(nullptr) : report::Json(outcome.message);
  if (!outcome.code.empty()) out["code"] = outcome.code;
  if (!outcome.evidence.empty()) {
    report::Json evidence = report::Json::array();
    for (const auto& item : outcome.evidence) {
      report::Json entry = report::Json::object();
      entry["file"] = item.file;
      entry["line"] = item.line;
      if (!item.message.empty()) entry["message"] = item.message;
      evidence.push_back(std::move(entry));
    }
    out["evidence"] = std::move(evidence);
  }
  return out;
}

int run_eval(const EvalOptions& options, const GlobalOptions& globals) {
  bool color = use_color(globals, STDERR_FILENO);
  SessionOptions session_options;
  session_options.no_cache = options.no_cache;
  std::optional<Session> session = open_session(globals, options.workspace, {}, session_options);
  if (!session) return kExitInvalid;
  if (!session->config_diagnostics.items().empty()) {
    write_stderr(render_diagnostics(session->config_diagnostics, {}, globals, color));
  }
  if (session->config_diagnostics.has_errors()) return kExitInvalid;
  print_library_diagnostics(*session, globals);

  std::optional<bool> as_check;
  if (options.as_check) as_check = true;
  if (options.as_selector) as_check = false;
  eval::ExpressionResult result =
      eval::evaluate_expression(options.expression, session->registry, *session->workspace, as_check);
  finish_session(globals, *session);  // saves the fact cache; warnings about unreadable source files
  if (!result.diagnostics.items().empty()) {
    std::vector<syntax::SourceFile> sources;
    sources.emplace_back("<expression>", options.expression);
    write_stderr(render_diagnostics(result.diagnostics, sources, globals, color));
  }
  switch (result.kind) {
    case eval::ExpressionResult::Kind::Invalid: return kExitInvalid;
    case eval::ExpressionResult::Kind::Error:
      print_error(globals, "the expression could not be evaluated: " +
                               (result.error_code.empty() ? "" : "[" + result.error_code + "] ") +
                               result.error_message);
      return kExitFailed;
    case eval::ExpressionResult::Kind::Value:
      return write_output(globals, options.output, report::dump_json(library::value_to_json(result.value)))
                 ? kExitOk
                 : kExitInvalid;
    case eval::ExpressionResult::Kind::Check: {
      if (!write_output(globals, options.output, report::dump_json(outcome_to_json(result.outcome)))) {
        return kExitInvalid;
      }
      return result.outcome.status == library::CheckOutcome::Status::Pass ? kExitOk : kExitFailed;
    }
  }
  return kExitInternal;
}

}  // namespace

Command add_eval_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand(
      "eval", "Evaluate one selector or check expression in the workspace and print the value as JSON");
  auto options = std::make_shared<EvalOptions>();
  app->add_option("EXPR", options->expression, "The expression, e.g. \"files.folder_selector('src')\"")
      ->type_name("")
      ->required();
  app->add_option("-w,--workspace", options->workspace,
                  "Workspace root (default: the directory of the nearest hielements.toml, else the current one)")
      ->type_name("DIR");
  app->add_option("-o,--output", options->output, "Write the JSON to FILE instead of stdout")->type_name("FILE");
  app->add_flag("--no-cache", options->no_cache, "Neither read nor write the fact cache (.hie-cache/)");
  auto* check = app->add_flag("--check", options->as_check, "Call a top-level library function as a check");
  app->add_flag("--selector", options->as_selector, "Call a top-level library function as a selector")
      ->excludes(check);
  app->footer(
      "Every library is usable without an import. A value prints as JSON (a scope as {kind, arg, paths,\n"
      "language, resolved}); a check prints {\"status\": \"pass|fail|error\", \"message\": ...}.\n"
      "Exit code 0 for a value or a passing check, 1 for a failing check or an evaluation error, 2 for an\n"
      "invalid expression.\n"
      "\n"
      "Examples:\n"
      "  hie eval \"files.folder_selector('src')\"\n"
      "  hie eval \"files.exists(files.folder_selector('.'), 'README.md')\"");
  return {app, [options, &globals] { return run_eval(*options, globals); }};
}

}  // namespace hie::cli
