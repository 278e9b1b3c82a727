#include "check_reports.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "report/diagnostics_human.h"
#include "report/diagnostics_json.h"
#include "report/results_github.h"
#include "report/results_human.h"
#include "report/results_json.h"
#include "report/results_junit.h"
#include "report/results_markdown.h"
#include "report/results_sarif.h"
#include "sema/library_catalog.h"

namespace hie::cli {
namespace {

// tool.driver.informationUri of SARIF reports; empty until the project has a public home page.
constexpr const char* kInformationUri = "";

std::string describe_function(Session& session, std::string_view function) {
  auto dot = function.find('.');
  if (dot == std::string_view::npos) return {};
  library::CallContext context{*session.workspace, &session.registry};
  sema::RegistryCatalog catalog(session.registry, context);
  std::string why_not;
  const library::LibraryDoc* doc = catalog.describe(function.substr(0, dot), why_not);
  if (doc == nullptr) return {};
  std::string_view bare = function.substr(dot + 1);
  for (const auto& f : doc->functions) {
    if ((f.name == bare || f.name == function) && !f.description.empty()) return f.description;
  }
  return {};
}

std::string human(const ReportContext& context, bool color) {
  report::ResultsHumanOptions options{color, context.fixed_duration};
  if (!context.quiet) return report::render_results_human(context.records, *context.summary, options);
  // -q: only what went wrong, and the summary.
  std::vector<eval::CheckRecord> shown;
  for (const auto& record : context.records) {
    if (record.status == eval::CheckStatus::Fail || record.status == eval::CheckStatus::Error) shown.push_back(record);
  }
  return report::render_results_human(shown, *context.summary, options);
}

void print_diagnostics(const syntax::DiagnosticList& diagnostics, const std::optional<syntax::SourceFile>& source,
                       bool color) {
  std::vector<syntax::SourceFile> sources;
  if (source) sources.push_back(*source);
  write_stderr(report::render_human(diagnostics, report::lookup_sources(sources), report::HumanOptions{color}));
}

}  // namespace

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats = {"human", "json", "sarif", "junit", "github", "markdown"};
  return formats;
}

std::optional<ReportRequest> parse_report_request(std::string_view text, std::string& error) {
  auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size()) {
    error = "--report takes FORMAT=FILE (e.g. sarif=hie.sarif), not '" + std::string(text) + "'";
    return std::nullopt;
  }
  ReportRequest request{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
  const auto& formats = report_formats();
  if (std::find(formats.begin(), formats.end(), request.format) == formats.end()) {
    error = "unknown report format '" + request.format + "' in --report (one of: human, json, sarif, junit, github, "
            "markdown)";
    return std::nullopt;
  }
  return request;
}

std::string render_report(std::string_view format, const ReportContext& context, bool color) {
  const eval::RunSummary& summary = *context.summary;
  if (format == "json") {
    return report::render_results_json(context.records, summary, *context.diagnostics,
                                       report::ResultsJsonOptions{context.fixed_duration});
  }
  if (format == "sarif") {
    report::SarifOptions options;
    options.tool_version = HIE_VERSION;
    options.information_uri = kInformationUri;
    options.paths = context.paths;
    options.baseline_applied = context.baseline_applied;
    if (context.session != nullptr) {
      Session* session = context.session;
      options.describe_function = [session](std::string_view f) { return describe_function(*session, f); };
    }
    return report::render_results_sarif(context.records, summary, *context.diagnostics, options);
  }
  if (format == "junit") {
    return report::render_results_junit(context.records, summary, report::JunitOptions{context.fixed_duration});
  }
  if (format == "github") {
    report::GithubOptions options{context.paths, context.fixed_duration};
    return report::render_results_github(context.records, summary, options);
  }
  if (format == "markdown") {
    return report::render_results_markdown(context.records, summary, report::MarkdownOptions{context.fixed_duration});
  }
  return human(context, color);
}

void append_github_step_summary(const ReportContext& context) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || *path == '\0') return;
  std::string text = "## hie check\n\n" + report::render_results_table(context.records, *context.summary,
                                                                        report::MarkdownOptions{context.fixed_duration});
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << text;
  out.flush();
  if (!out) {
    write_stderr("warning: cannot append to GITHUB_STEP_SUMMARY '" + report::printable_text(path) +
                 "': " + std::strerror(errno) + "\n");
  }
}

std::optional<BaselineFile> load_baseline_file(const std::string& option, bool update, bool partial,
                                               const Session& session, bool color) {
  BaselineFile file;
  if (option.empty()) {
    report::ReportPaths paths{std::filesystem::absolute(session.root), std::filesystem::current_path()};
    file.path = paths.evidence_from_cwd(report::kDefaultBaselineFile);
  } else {
    file.path = option;
  }
  // A complete --update-baseline run rewrites the file without reading it (a damaged file is simply replaced).
  if (update && !partial) return file;
  std::string error;
  std::optional<std::string> text = read_file(file.path, error);
  if (!text) {
    if (update && !std::filesystem::exists(file.path)) return file;  // the first baseline
    syntax::DiagnosticList diagnostics;
    diagnostics.error("E081", "cannot read the baseline file '" + file.path + "': " + error, file.path,
                      syntax::Span{}, "create it with 'hie check --update-baseline'");
    print_diagnostics(diagnostics, std::nullopt, color);
    return std::nullopt;
  }
  file.source.emplace(file.path, std::move(*text));
  syntax::DiagnosticList diagnostics;
  file.baseline = report::parse_baseline(*file.source, diagnostics);
  if (!file.baseline) {
    print_diagnostics(diagnostics, file.source, color);
    write_stderr(color ? "\x1b[1;31merror\x1b[0m\x1b[1m: invalid baseline file; nothing was evaluated\x1b[0m\n"
                       : "error: invalid baseline file; nothing was evaluated\n");
    return std::nullopt;
  }
  return file;
}

bool finish_baseline(const BaselineFile& file, bool update, bool partial, bool strict,
                     std::vector<eval::CheckRecord>& records, eval::RunSummary& summary,
                     syntax::DiagnosticList& diagnostics, const GlobalOptions& globals, bool color) {
  if (update) {
    report::Baseline current = report::baseline_from_records(records);
    if (partial && file.baseline) current = report::merge_baselines(*file.baseline, current, records);
    if (!write_output(globals, file.path, report::render_baseline(current))) return false;
    if (!globals.quiet) {
      std::size_t n = current.entries.size();
      write_stderr("wrote " + std::to_string(n) + (n == 1 ? " entry" : " entries") + " to the baseline " + file.path +
                   "\n");
    }
    report::apply_baseline(current, records, summary, false);
    return true;
  }
  if (!file.baseline) return true;
  report::BaselineOutcome outcome = report::apply_baseline(*file.baseline, records, summary, !partial);
  if (strict) {
    report::add_stale_failures(outcome.stale, file.path, records, summary);
  } else {
    syntax::DiagnosticList stale = report::stale_diagnostics(outcome.stale, file.path);
    if (!globals.quiet && !stale.empty()) print_diagnostics(stale, file.source, color);
    diagnostics.append(stale);
  }
  return true;
}

}  // namespace hie::cli
