// Baselines (CLI.md "Baseline"): the known failures of a code base, so that `hie` can be adopted before they are
// fixed. A JSON file `{version, schema, entries[]}`, one entry per fingerprint, sorted, without line numbers.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/check_record.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"

namespace hie::report {

inline constexpr std::string_view kBaselineSchema = "hie.baseline/1";
inline constexpr std::string_view kDefaultBaselineFile = "hie-baseline.json";

struct BaselineEntry {
  std::string fingerprint;
  std::string element;
  std::string check;
  std::string origin;
  std::string message;
  // The failure's evidence as line-free keys (report::evidence_key), sorted: a rule that breaks in a new place
  // is a new failure even though the rule itself is in the baseline.
  std::vector<std::string> evidence;
  syntax::Position position;  // where the entry starts in the file it was read from (for diagnostics)
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by element, check, fingerprint; fingerprints unique
};

// The failures among `records` (never errors: a check that could not be judged is not a known failure).
Baseline baseline_from_records(std::span<const eval::CheckRecord> records);

// `--update-baseline` after a run that executed only some checks (--filter, --limit): entries of `previous`
// whose check did not run this time are kept; the others are replaced by `current`.
Baseline merge_baselines(const Baseline& previous, const Baseline& current, std::span<const eval::CheckRecord> records);

// The file's text: pretty-printed JSON, deterministic, final newline.
std::string render_baseline(const Baseline& baseline);

// Reads a baseline file's text. A malformed file (not JSON, wrong schema, an entry without a fingerprint, ...) adds
// an E080 error at the offending position to `diagnostics` and returns nullopt.
std::optional<Baseline> parse_baseline(const syntax::SourceFile& file, syntax::DiagnosticList& diagnostics);

struct BaselineOutcome {
  std::vector<BaselineEntry> stale;  // entries whose check ran and no longer fails (or no longer exists)
};

// Turns every failure that the baseline knows into BASELINED (a failure with evidence only when all of its
// evidence is known; otherwise it stays a failure and its message says how much is new), updating the summary.
// `complete` says that every check ran (no --filter/--limit): entries whose fingerprint no record has are then
// stale too (their check was removed or renamed).
BaselineOutcome apply_baseline(const Baseline& baseline, std::vector<eval::CheckRecord>& records,
                               eval::RunSummary& summary, bool complete);

// One W080 warning per stale entry, at the entry's position in `file`.
syntax::DiagnosticList stale_diagnostics(std::span<const BaselineEntry> stale, const std::string& file);

// --strict: each stale entry as a failing record (origin "baseline") at its position in `file`, added to the
// records and the summary.
void add_stale_failures(std::span<const BaselineEntry> stale, const std::string& file,
                        std::vector<eval::CheckRecord>& records, eval::RunSummary& summary);

}  // namespace hie::report
