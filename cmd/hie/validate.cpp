// `hie validate FILE...`: find the mistakes in spec files (syntax, names, library calls) without running anything.
#include <unistd.h>

#include <memory>
#include <set>

#include "commands.h"
#include "report/diagnostics_human.h"
#include "report/diagnostics_json.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "human";
  std::string output;
};

// 'a.hie'; 'a.hie' and 'b.hie'; 'a.hie', 'b.hie' and 'c.hie'.
std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

// The last line of the human report, cargo style.
std::string summary_line(const syntax::DiagnosticList& diagnostics, std::size_t file_count,
                         const std::vector<std::string>& failed_files, bool color) {
  std::size_t warnings = diagnostics.warning_count();
  std::string warnings_note = warnings > 0 ? "; " + plural(warnings, "warning") + " emitted" : "";
  if (failed_files.empty()) {
    std::string label = color ? std::string(kGreen) + "Finished" + std::string(kReset) : "Finished";
    return label + " validating " + plural(file_count, "file") + ": no errors" + warnings_note + "\n";
  }
  std::string message = "could not validate " + quoted_list(failed_files) + " due to " +
                        plural(diagnostics.error_count(), "previous error") + warnings_note;
  if (!color) return "error: " + message + "\n";
  return std::string(kRed) + "error" + std::string(kReset) + std::string(kBold) + ": " + message + std::string(kReset) +
         "\n";
}

int run_validate(const ValidateOptions& options, const GlobalOptions& globals) {
  if (options.files.empty()) {
    print_error(globals, "no spec files to validate",
                "name the .hie files on the command line, e.g. 'hie validate architecture.hie'");
    return kExitInvalid;
  }
  // A file named twice is validated once (its diagnostics would otherwise be reported twice).
  std::vector<std::string> paths;
  std::set<std::string> seen;
  for (const auto& file : options.files) {
    if (seen.insert(file).second) paths.push_back(file);
  }
  // Unreadable files are reported before anything else, as they were when validation was syntax only.
  if (!read_spec_files(paths, globals)) return kExitInvalid;

  // Semantics need the libraries, so the workspace and its configuration are found as for `hie check`.
  std::optional<Session> session = open_session(globals, "", paths);
  if (!session) return kExitInvalid;
  if (session->config_diagnostics.has_errors()) {
    write_stderr(render_diagnostics(session->config_diagnostics, {}, globals, use_color(globals, STDERR_FILENO)));
    return kExitInvalid;
  }
  LoadedSpecs loaded = load_specs(paths, session->registry, *session->workspace);
  const std::vector<syntax::SourceFile>* sources = &loaded.sources;
  syntax::DiagnosticList& diagnostics = loaded.diagnostics;
  // Bad [libraries] entries are problems of this validation too (they make it fail), shown before the specs'.
  if (!session->library_diagnostics.empty()) {
    syntax::DiagnosticList all = session->library_diagnostics;
    all.append(diagnostics);
    diagnostics = std::move(all);
  }

  // Every loaded file (imports too) with at least one error, in load order.
  std::vector<std::string> failed_files;
  for (const auto& source : loaded.sources) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const auto& diagnostic : diagnostics.items()) {
      if (diagnostic.file != source.path()) continue;
      if (diagnostic.severity == syntax::Severity::Error) ++errors;
      if (diagnostic.severity == syntax::Severity::Warning) ++warnings;
    }
    print_verbose(globals, 1,
                  "validated '" + source.path() + "': " + plural(errors, "error") + ", " + plural(warnings, "warning"));
    if (errors > 0) failed_files.push_back(source.path());
  }
  // An error in a file that was never read (an import that does not exist) names the importing file.
  if (diagnostics.has_errors() && failed_files.empty()) failed_files = paths;
  int exit_code = diagnostics.has_errors() ? kExitInvalid : kExitOk;

  if (options.format == "json") {
    return write_output(globals, options.output, report::render_diagnostics_json(diagnostics)) ? exit_code
                                                                                               : kExitInvalid;
  }

  // Human: diagnostics and the summary line go to stderr (or to the -o file, without colour).
  bool color = options.output.empty() && use_color(globals, STDERR_FILENO);
  syntax::DiagnosticList shown;
  for (const auto& diagnostic : diagnostics.items()) {
    if (!globals.quiet || diagnostic.severity == syntax::Severity::Error) shown.add(diagnostic);
  }
  std::string text = report::render_human(shown, report::lookup_sources(*sources), report::HumanOptions{color});
  if (!globals.quiet || !failed_files.empty()) text += summary_line(diagnostics, sources->size(), failed_files, color);
  if (!options.output.empty()) {
    return write_output(globals, options.output, text) ? exit_code : kExitInvalid;
  }
  write_stderr(text);
  return exit_code;
}

}  // namespace

Command add_validate_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand("validate", "Find the mistakes in spec files, without running any check");
  auto options = std::make_shared<ValidateOptions>();
  app->add_option("FILE", options->files, "The .hie files to validate")->type_name("");
  app->add_option("-f,--format", options->format, "Output format: human (compiler-style, on stderr) or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"human", "json"}));
  app->add_option("-o,--output", options->output, "Write the report to FILE instead of stdout/stderr")
      ->type_name("FILE");
  app->footer(
      "human: every problem in compiler style (code, file:line:column, the source line with a caret, a hint) on\n"
      "stderr, then a summary line. json: one document on stdout for all the files,\n"
      "{version, status, errors, warnings, summary}, as the older Hielements tool printed it.\n"
      "Exit code 0 when no file has an error (warnings are fine), 2 otherwise.\n"
      "\n"
      "Examples:\n"
      "  hie validate architecture.hie\n"
      "  hie validate --format json specs/*.hie > diagnostics.json");
  return {app, [options, &globals] { return run_validate(*options, globals); }};
}

}  // namespace hie::cli
