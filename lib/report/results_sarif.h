// The `hie check --format sarif` document: SARIF 2.1.0 (OASIS), one run, one rule per kind of check.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "eval/check_record.h"
#include "report/report_paths.h"
#include "syntax/diagnostic.h"

namespace hie::report {

struct SarifOptions {
  std::string tool_version;     // tool.driver.version
  std::string information_uri;  // tool.driver.informationUri; omitted when empty
  // The documentation of a library function ("files.exists"), for the rule's description; empty or unset: a
  // generic text naming the function and its library.
  std::function<std::string(std::string_view function)> describe_function;
  // Spec paths and evidence are written relative to `paths.root` with uriBaseId "WORKSPACE"; the run's
  // originalUriBaseIds maps WORKSPACE to the root's file URI (omitted when `paths.root` is empty).
  ReportPaths paths;
  // A baseline was applied: every result gets a baselineState ("new", or "unchanged" for baselined ones).
  bool baseline_applied = false;
};

// Failing and erroring checks are results (level "error"); a failure with evidence (a connection violation, the
// files a check found) gives one result per piece of evidence, located first at the offending file and line and
// then at the check in the spec, with a per-evidence fingerprint. Baselined checks are results with an external
// suppression. Passing checks are not results (they appear in the run's properties.summary). Diagnostics become
// the invocation's toolExecutionNotifications. Pretty-printed, final newline.
std::string render_results_sarif(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const syntax::DiagnosticList& diagnostics, const SarifOptions& options);

}  // namespace hie::report
