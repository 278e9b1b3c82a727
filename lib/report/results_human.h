// Human-readable check results: one line per check, the failure details, and the summary line.
#pragma once

#include <span>
#include <string>

#include "eval/check_record.h"

namespace hie::report {

struct ResultsHumanOptions {
  bool color = false;           // green PASS, red FAIL/ERROR, yellow BASELINED
  bool fixed_duration = false;  // print "0.00 s" instead of the measured time (deterministic output for tests)
};

// `PASS  shop.api :: files.exists(src, 'x')` per record; a failure or error is followed by `    --> message` and
// one `    at file:line` per piece of evidence; then an empty line and
// `Summary: N total, P passed, F failed, E errors[, S skipped][, B baselined] in T s`.
std::string render_results_human(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const ResultsHumanOptions& options = {});

// The summary line alone (without a newline).
std::string render_summary_line(const eval::RunSummary& summary, const ResultsHumanOptions& options = {});

}  // namespace hie::report
