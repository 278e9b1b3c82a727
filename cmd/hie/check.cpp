// `hie check [SPEC...]` (alias `hie run`): validate the specs, evaluate every check in the workspace, report.
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "check_reports.h"
#include "commands.h"
#include "eval/run.h"
#include "eval/scheduler.h"
#include "graph/dependency_graph.h"
#include "progress.h"
#include "report/diagnostics_human.h"
#include "report/diagnostics_json.h"
#include "report/json_common.h"
#include "report/results_human.h"
#include "report/results_json.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

struct CheckOptions {
  std::vector<std::string> specs;
  std::string workspace;
  std::string format = "human";
  std::string output;
  std::string filter;
  long limit = -1;  // -1: no limit
  int jobs = -1;    // -1: `[check] jobs` from the configuration
  bool strict = false;
  bool dry_run = false;
  bool keep_going = false;
  int timeout = 0;  // --timeout SECONDS per plugin call; 0 = from the configuration
  std::vector<std::string> reports;  // --report FORMAT=FILE, validated by the option parser
  std::string baseline;              // --baseline FILE
  bool update_baseline = false;
  bool no_cache = false;  // --no-cache: neither read nor write the fact cache
};

// HIE_FIXED_DURATION=1 prints every duration as 0 so that output can be compared byte for byte (tests, docs).
bool fixed_duration() {
  const char* value = std::getenv("HIE_FIXED_DURATION");
  return value != nullptr && std::string_view(value) == "1";
}

std::string error_line(std::string_view message, bool color) {
  if (!color) return "error: " + std::string(message) + "\n";
  return std::string(kRed) + "error" + std::string(kReset) + std::string(kBold) + ": " + std::string(message) +
         std::string(kReset) + "\n";
}

eval::RunOptions run_options(const CheckOptions& options, const library::Config& config) {
  eval::RunOptions run;
  run.filter = options.filter;
  if (options.limit >= 0) run.limit = static_cast<std::size_t>(options.limit);
  int jobs = options.jobs >= 0 ? options.jobs : config.check.jobs;
  run.jobs = static_cast<unsigned>(jobs > 0 ? jobs : 0);
  run.strict = options.strict;
  run.connections.unowned_forbid = config.connections.unowned == "forbid";
  run.connections.strict_uses = config.connections.strict_uses;
  return run;
}

std::string render_dry_run_human(const eval::DryRun& plan) {
  std::string out = "Dry run: the checks that would run (nothing is evaluated)\n\n";
  for (const auto& check : plan.checks) {
    out += check.selected ? "WOULD RUN " : "SKIP      ";
    out += report::printable_text(check.element) + " :: " + report::printable_text(check.check) + "\n";
  }
  if (!plan.checks.empty()) out += "\n";
  out += "Summary: " + plural(plan.summary.total, "check") + " would run";
  if (plan.summary.skipped > 0) out += ", " + std::to_string(plan.summary.skipped) + " skipped";
  return out + "\n";
}

std::string render_dry_run_json(const eval::DryRun& plan) {
  report::Json doc = report::Json::object();
  doc["version"] = "1.0";
  doc["schema"] = "hie.check/1";
  doc["dry_run"] = true;
  report::Json summary = report::Json::object();
  summary["total"] = plan.summary.total;
  summary["skipped"] = plan.summary.skipped;
  doc["summary"] = std::move(summary);
  report::Json checks = report::Json::array();
  for (const auto& check : plan.checks) {
    report::Json entry = report::Json::object();
    entry["element"] = check.element;
    entry["check"] = check.check;
    entry["origin"] = check.origin;
    entry["file"] = check.file;
    entry["line"] = check.line;
    entry["column"] = check.column;
    entry["selected"] = check.selected;
    checks.push_back(std::move(entry));
  }
  doc["checks"] = std::move(checks);
  return report::dump_json(doc);
}

int run_check(const CheckOptions& options, const GlobalOptions& globals) {
  bool json = options.format == "json";
  bool stderr_color = use_color(globals, STDERR_FILENO);

  SessionOptions session_options;
  if (options.timeout > 0) session_options.plugins.timeout_seconds = options.timeout;
  session_options.no_cache = options.no_cache;
  session_options.jobs = options.jobs;
  std::optional<Session> session = open_session(globals, options.workspace, options.specs, session_options);
  if (!session) return kExitInvalid;
  if (session->config_diagnostics.has_errors() || !session->config_diagnostics.items().empty()) {
    write_stderr(render_diagnostics(session->config_diagnostics, {}, globals, stderr_color));
  }
  if (session->config_diagnostics.has_errors()) {
    write_stderr(error_line("invalid configuration; nothing was checked", stderr_color));
    return kExitInvalid;
  }
  // A bad [libraries] entry disables that library only: the run goes on, and exits 2 at the end (as --keep-going).
  print_library_diagnostics(*session, globals);
  const bool invalid_libraries = session->library_config_invalid;
  if (!globals.quiet) {
    for (const auto& problem : session->workspace->walk_errors()) {
      write_stderr("warning: " + report::printable_text(problem) + "\n");
    }
  }

  std::vector<std::string> specs = discover_specs(*session, options.specs);
  if (specs.empty()) {
    print_error(globals, "no spec files found in '" + session->root.generic_string() + "'",
                "name the .hie files on the command line, list them in [check] specs of hielements.toml, or run "
                "'hie init NAME' to create one");
    return kExitInvalid;
  }

  LoadedSpecs loaded = load_specs(specs, session->registry, *session->workspace);
  bool invalid = loaded.diagnostics.has_errors();
  // Diagnostics (warnings too) on stderr in compiler style; a JSON report keeps stdout for the document.
  std::string diagnostics_text = render_diagnostics(loaded.diagnostics, loaded.sources, globals, stderr_color);
  if (invalid && !options.keep_going) {
    if (json) {
      std::string doc = report::render_diagnostics_json(loaded.diagnostics);
      if (!write_output(globals, options.output, doc)) return kExitInvalid;
    } else {
      write_stderr(diagnostics_text);
    }
    write_stderr(error_line("could not check the specs due to " +
                                plural(loaded.diagnostics.error_count(), "previous error") +
                                "; nothing was evaluated (--keep-going runs the valid parts)",
                            stderr_color));
    return kExitInvalid;
  }
  write_stderr(diagnostics_text);

  eval::RunOptions run = run_options(options, session->config);
  bool fixed = fixed_duration();
  if (options.dry_run) {
    eval::DryRun plan = eval::dry_run(loaded.model, run);
    std::string text = json ? render_dry_run_json(plan) : render_dry_run_human(plan);
    if (!write_output(globals, options.output, text)) return kExitInvalid;
    return invalid ? kExitInvalid : kExitOk;
  }

  // The baseline is read before anything runs: a malformed one stops the run (exit 2).
  bool partial = !options.filter.empty() || options.limit >= 0;  // not every check runs
  std::optional<BaselineFile> baseline;
  if (!options.baseline.empty() || options.update_baseline) {
    baseline = load_baseline_file(options.baseline, options.update_baseline, partial, *session, stderr_color);
    if (!baseline) return kExitInvalid;
  }

  ProgressBar progress(!globals.quiet && isatty(STDERR_FILENO) == 1);
  run.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
  print_verbose(globals, 1, "running with " + plural(eval::effective_jobs(run.jobs), "thread"));
  eval::RunResult result = eval::run(loaded.model, session->registry, *session->workspace, session->graph, run);
  progress.finish();
  finish_session(globals, *session);  // saves the fact cache; warnings about unreadable source files

  if (!result.diagnostics.items().empty()) {
    write_stderr(render_diagnostics(result.diagnostics, loaded.sources, globals, stderr_color));
  }
  syntax::DiagnosticList all = session->library_diagnostics;
  all.append(loaded.diagnostics);
  all.append(result.diagnostics);
  if (baseline && !finish_baseline(*baseline, options.update_baseline, partial, options.strict, result.records,
                                   result.summary, all, globals, stderr_color)) {
    return kExitInvalid;
  }
  ReportContext context;
  context.records = result.records;
  context.summary = &result.summary;
  context.diagnostics = &all;
  context.fixed_duration = fixed;
  context.quiet = globals.quiet;
  context.baseline_applied = baseline.has_value();
  context.paths = report::ReportPaths{std::filesystem::absolute(session->root), std::filesystem::current_path()};
  context.session = &*session;
  bool color = options.output.empty() && use_color(globals, STDOUT_FILENO);
  if (!write_output(globals, options.output, render_report(options.format, context, color))) return kExitInvalid;
  bool github = options.format == "github";
  for (const auto& value : options.reports) {
    std::string error;
    std::optional<ReportRequest> request = parse_report_request(value, error);
    if (!request || !write_output(globals, request->path, render_report(request->format, context, false))) {
      return kExitInvalid;
    }
    github = github || request->format == "github";
  }
  if (github) append_github_step_summary(context);
  keep_until_exit(*session);
  if (invalid || invalid_libraries) return kExitInvalid;
  return (result.summary.failed > 0 || result.summary.errors > 0) ? kExitFailed : kExitOk;
}

}  // namespace

Command add_check_command(CLI::App& root, const GlobalOptions& globals, const std::string& name) {
  bool alias = name == "run";
  CLI::App* app = root.add_subcommand(
      name, alias ? "Alias of 'check' (the older tool's name for it)"
                  : "Validate the specs, then evaluate every check in the workspace and report the results");
  auto options = std::make_shared<CheckOptions>();
  app->add_option("SPEC", options->specs,
                  "The .hie files to check (default: [check] specs of hielements.toml, else every *.hie in the "
                  "workspace root)")
      ->type_name("");
  app->add_option("-w,--workspace", options->workspace,
                  "Workspace root (default: the directory of the nearest hielements.toml, else the spec's directory)")
      ->type_name("DIR");
  app->add_option("-f,--format", options->format, "Output format: human, json, sarif, junit, github or markdown")
      ->type_name("FORMAT")
      ->check(CLI::IsMember(report_formats()));
  app->add_option("-o,--output", options->output, "Write the report to FILE instead of stdout")->type_name("FILE");
  app->add_option("--report", options->reports,
                  "Also write a report in FORMAT to FILE (repeatable: several reports from one run)")
      ->type_name("FORMAT=FILE")
      ->check(CLI::Validator(
          [](std::string& value) {
            std::string error;
            return parse_report_request(value, error) ? std::string() : error;
          },
          "", "FORMAT=FILE"));
  app->add_option("--baseline", options->baseline,
                  "Known failures (from --update-baseline) are reported as BASELINED; stale entries are warnings")
      ->type_name("FILE");
  app->add_flag("--update-baseline", options->update_baseline,
                "Write the current failures to the baseline (--baseline FILE, default hie-baseline.json in the "
                "workspace root)");
  app->add_option("--filter", options->filter,
                  "Only elements whose path matches GLOB ('shop.*', '*.db'; a plain word matches as a substring)")
      ->type_name("GLOB");
  app->add_option("--limit", options->limit, "Execute at most N checks")->type_name("N")->check(CLI::NonNegativeNumber);
  app->add_option("-j,--jobs", options->jobs, "Worker threads (default: [check] jobs, else one per core)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  app->add_flag("--strict", options->strict,
                "Also evaluate every scope and warn about the empty ones; stale baseline entries fail");
  app->add_flag("--dry-run", options->dry_run, "List the checks that would run, evaluate nothing");
  app->add_flag("--no-cache", options->no_cache, "Neither read nor write the fact cache (.hie-cache/)");
  app->add_option("--timeout", options->timeout,
                  "Seconds a plugin call may take (default: limits.timeout_ms of the library, else [check] timeout)")
      ->type_name("SECONDS")
      ->check(CLI::Range(1, 86400));
  app->add_flag("--keep-going", options->keep_going, "Run the valid parts of an invalid spec (exit code stays 2)");
  app->footer(
      "human: 'PASS|FAIL|ERROR  element.path :: check' per check, the reason under each failure, then a summary\n"
      "line. json: one document {version, schema, status, summary, results, diagnostics}. sarif: SARIF 2.1.0.\n"
      "junit: JUnit XML. github: workflow-command annotations (and a table in $GITHUB_STEP_SUMMARY).\n"
      "markdown: a table and the failures. Results never depend on -j. HIE_FIXED_DURATION=1 prints every\n"
      "duration as 0 (reproducible output).\n"
      "Exit code 0 when every check passed, 1 when one failed or could not be evaluated, 2 when a spec, the\n"
      "configuration or the command line is invalid.\n"
      "\n"
      "Examples:\n"
      "  hie " + name + " architecture.hie\n"
      "  hie " + name + " --filter 'shop.*' -f json -o results.json\n"
      "  hie " + name + " --report sarif=hie.sarif --report junit=hie.xml --baseline hie-baseline.json");
  return {app, [options, &globals] { return run_check(*options, globals); }};
}

}  // namespace hie::cli
