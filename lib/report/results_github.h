// The `hie check --format github` report: GitHub Actions workflow commands (annotations) for the failures.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "eval/check_record.h"
#include "report/report_paths.h"

namespace hie::report {

// GitHub's workflow-command escaping (actions/toolkit): a message escapes `%`, CR and LF; a property value also
// escapes `:` and `,`.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// The platform shows at most 10 error annotations per step.
inline constexpr std::size_t kGithubAnnotationLimit = 10;

struct GithubOptions {
  ReportPaths paths;  // evidence paths are made relative to the current directory (where GitHub resolves them)
  bool fixed_duration = false;
};

// `::error file=F,line=L,col=C,title=T::message` per failing or erroring check (a failure with evidence: one per
// piece of evidence, at the offending file and line), at most kGithubAnnotationLimit, then a `::notice::` saying
// how many were left out; then the results in human form for the job log.
std::string render_results_github(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                  const GithubOptions& options);

}  // namespace hie::report
