// The `hie check --format junit` report: JUnit XML as CI test-report viewers read it (GitLab, Jenkins, ...).
#pragma once

#include <span>
#include <string>

#include "eval/check_record.h"

namespace hie::report {

struct JunitOptions {
  bool fixed_duration = false;  // every time="0.000" (deterministic output for tests)
};

// <testsuites> with one <testsuite name="SPEC FILE"> per spec file (in the order of their first result), one
// <testcase classname="ELEMENT PATH" name="CHECK TEXT" file= line= time=> per check; a failure has
// <failure message= type="fail">, an evaluation error <error message= type="CODE">, a baselined failure
// <skipped message="baselined: ...">, with the message and the evidence as the element's text. Counts and times on
// every suite and on <testsuites>.
std::string render_results_junit(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const JunitOptions& options = {});

}  // namespace hie::report
