// The `hie check --format markdown` report, and the table of all results that the github format appends to the
// job's step summary.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "eval/check_record.h"

namespace hie::report {

struct MarkdownOptions {
  bool fixed_duration = false;  // "0.00 s" instead of the measured time
};

// `text` for a table cell or a list item: markdown punctuation backslash-escaped, newlines as `<br>`, control
// characters and invalid UTF-8 as U+FFFD.
std::string markdown_text(std::string_view text);
// `text` as an inline code span that survives inside a table cell (backticks and pipes handled).
std::string markdown_code(std::string_view text);

// A one-line summary and a table with one row per result: status, element, check, spec position, message.
std::string render_results_table(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const MarkdownOptions& options = {});

// A title, the table, then `## Failures` with a section per element that has failing or erroring checks: each
// check with its position, message and evidence.
std::string render_results_markdown(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                    const MarkdownOptions& options = {});

}  // namespace hie::report
