// What kind of check a result comes from (`files.exists`, `requirement`, `connection`, ...): the rule of a SARIF
// report and the grouping of the other reports; and the line-free keys that identify a result's evidence.
#pragma once

#include <string>
#include <string_view>

#include "eval/check_record.h"
#include "library/check_outcome.h"

namespace hie::report {

// The called function for checks written as `library.function(...)` (element and pattern checks, also behind a
// leading `not`); `requirement`, `connection`, `uses`, `strict_uses`, `language` or `baseline` after the origin;
// `check` for a check expression that is not a call.
std::string check_kind(const eval::CheckRecord& record);

// A one-line description of a kind that is not a library function (empty for library functions).
std::string_view builtin_kind_description(std::string_view kind);

// `file: message` (or just `file`): what a piece of evidence says without its line number, so that it survives
// edits elsewhere in the file. Baselines store these keys; SARIF derives per-evidence fingerprints from them.
std::string evidence_key(const library::Evidence& evidence);

// 16 hex digits identifying one piece of evidence of a result: FNV-1a over the result's fingerprint, the evidence
// key and `occurrence` (how many earlier pieces of the same result had the same key, so that two imports of one
// module in one file stay distinct). Never line numbers.
std::string evidence_fingerprint(std::string_view record_fingerprint, const library::Evidence& evidence,
                                 std::size_t occurrence);

}  // namespace hie::report
