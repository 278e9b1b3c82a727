// The `hie check --format json` document (CLI.md "Output formats"): version, schema, status, summary, results,
// diagnostics, in that order.
#pragma once

#include <span>
#include <string>

#include "eval/check_record.h"
#include "report/json_common.h"
#include "syntax/diagnostic.h"

namespace hie::report {

struct ResultsJsonOptions {
  bool fixed_duration = false;  // every duration_ms is 0 (deterministic output for tests)
};

// "ok" when nothing failed or errored, "error" when at least one result is an error, else "failed".
const char* run_status(const eval::RunSummary& summary);

Json record_to_json(const eval::CheckRecord& record, const ResultsJsonOptions& options = {});

// The whole document, pretty-printed with a final newline. `diagnostics` are the run's warnings (and, with
// --keep-going, the validation errors), each as {severity, code, message, file, line, column}.
std::string render_results_json(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                const syntax::DiagnosticList& diagnostics, const ResultsJsonOptions& options = {});

}  // namespace hie::report
