// The reports of `hie check`: every output format from one run (-f, -o, repeatable --report FORMAT=FILE), the
// GitHub step summary, and the baseline (--baseline, --update-baseline).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.h"
#include "eval/check_record.h"
#include "report/baseline.h"
#include "report/report_paths.h"
#include "session.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"

namespace hie::cli {

// Every value -f/--format and --report accept.
const std::vector<std::string>& report_formats();

struct ReportRequest {
  std::string format;
  std::string path;
};

// `FORMAT=FILE` of --report; nullopt (with `error` set) when it is not of that form or the format is unknown.
std::optional<ReportRequest> parse_report_request(std::string_view text, std::string& error);

struct ReportContext {
  std::span<const eval::CheckRecord> records;
  const eval::RunSummary* summary = nullptr;
  const syntax::DiagnosticList* diagnostics = nullptr;  // everything reported during the run (json, sarif)
  bool fixed_duration = false;
  bool quiet = false;               // -q: the human report lists only what went wrong
  bool baseline_applied = false;
  report::ReportPaths paths;
  Session* session = nullptr;       // for the libraries' documentation in SARIF rules; may be null
};

std::string render_report(std::string_view format, const ReportContext& context, bool color);

// Appends the markdown table of all results to the file named by $GITHUB_STEP_SUMMARY, when it is set (GitHub
// Actions); a failure to write is a warning on stderr, never a failed run.
void append_github_step_summary(const ReportContext& context);

// The baseline of a run, loaded before anything is evaluated.
struct BaselineFile {
  std::string path;             // as shown to the user
  std::optional<report::Baseline> baseline;  // what the file holds (empty when it does not exist yet)
  std::optional<syntax::SourceFile> source;  // its text, for diagnostics that show the line
};

// --baseline FILE (read now) and --update-baseline (reads the previous file only when `partial`, for merging).
// On a problem prints the diagnostic (E080 with the position, E081) and returns nullopt: exit 2.
std::optional<BaselineFile> load_baseline_file(const std::string& option, bool update, bool partial,
                                               const Session& session, bool color);

// After the run: --update-baseline writes the file (then applies it, so the run shows what it recorded);
// --baseline applies it and reports stale entries (W080 diagnostics into `diagnostics`; failing records under
// --strict), printing the warnings on stderr unless -q. Returns false when the file could not be written.
bool finish_baseline(const BaselineFile& file, bool update, bool partial, bool strict,
                     std::vector<eval::CheckRecord>& records, eval::RunSummary& summary,
                     syntax::DiagnosticList& diagnostics, const GlobalOptions& globals, bool color);

}  // namespace hie::cli
