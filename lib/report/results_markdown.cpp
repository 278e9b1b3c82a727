#include "report/results_markdown.h"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "report/diagnostics_human.h"
#include "report/results_json.h"

namespace hie::report {
namespace {

std::string_view status_cell(eval::CheckStatus status) {
  switch (status) {
    case eval::CheckStatus::Pass: return "✅ pass";
    case eval::CheckStatus::Fail: return "❌ fail";
    case eval::CheckStatus::Error: return "⚠️ error";
    case eval::CheckStatus::Baselined: return "☑️ baselined";
  }
  return "error";
}

std::string position(const eval::CheckRecord& record) {
  return record.line > 0 ? record.file + ":" + std::to_string(record.line) : record.file;
}

bool failing(const eval::CheckRecord& record) {
  return record.status == eval::CheckStatus::Fail || record.status == eval::CheckStatus::Error;
}

std::string summary_line(const eval::RunSummary& summary, const MarkdownOptions& options) {
  std::string line = fmt::format("**{}**: {} total, {} passed, {} failed, {} errors", run_status(summary),
                                 summary.total, summary.passed, summary.failed, summary.errors);
  if (summary.skipped > 0) line += fmt::format(", {} skipped", summary.skipped);
  if (summary.baselined > 0) line += fmt::format(", {} baselined", summary.baselined);
  return line + fmt::format(" in {:.2f} s", options.fixed_duration ? 0.0 : summary.duration_ms / 1000.0);
}

}  // namespace

std::string markdown_text(std::string_view text) {
  std::string safe = printable_text(text);
  std::string out;
  for (char c : safe) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~':
      case '#': case '!': case '&':
        out += '\\';
        out += c;
        break;
      case '\n': out += "<br>"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  std::string safe;
  for (char c : printable_text(text)) {
    if (c == '|') {
      safe += "\\|";  // GitHub tables split cells at '|' even inside code spans
    } else {
      safe += c == '\n' ? ' ' : c;
    }
  }
  // A code span is delimited by a run of backticks longer than any run inside it, padded when it touches one.
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : safe) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !safe.empty() && (safe.front() == '`' || safe.back() == '`');
  return fence + (pad ? " " : "") + safe + (pad ? " " : "") + fence;
}

std::string render_results_table(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const MarkdownOptions& options) {
  std::string out = summary_line(summary, options) + "\n\n";
  if (records.empty()) return out;
  out += "| status | element | check | where | message |\n|---|---|---|---|---|\n";
  for (const auto& record : records) {
    out += "| " + std::string(status_cell(record.status)) + " | " + markdown_code(record.element) + " | " +
           markdown_code(record.check) + " | " + markdown_text(position(record)) + " | " +
           markdown_text(record.message.value_or("")) + " |\n";
  }
  return out + "\n";
}

std::string render_results_markdown(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                    const MarkdownOptions& options) {
  std::string out = "# hie check\n\n" + render_results_table(records, summary, options);
  std::vector<std::string> elements;  // with failures, in result order
  for (const auto& record : records) {
    if (failing(record) && std::find(elements.begin(), elements.end(), record.element) == elements.end()) {
      elements.push_back(record.element);
    }
  }
  if (elements.empty()) return out;
  out += "## Failures\n";
  for (const auto& element : elements) {
    out += "\n### " + markdown_code(element) + "\n\n";
    for (const auto& record : records) {
      if (record.element != element || !failing(record)) continue;
      out += "- **" + std::string(record.status == eval::CheckStatus::Fail ? "FAIL" : "ERROR") + "** " +
             markdown_code(record.check) + " (" + markdown_text(position(record)) + ")";
      if (record.code) out += " " + markdown_code(*record.code);
      out += "\n";
      if (record.message) out += "  - " + markdown_text(*record.message) + "\n";
      for (const auto& evidence : record.evidence) {
        std::string where = evidence.file + (evidence.line > 0 ? ":" + std::to_string(evidence.line) : "");
        out += "  - at " + markdown_code(where);
        if (!evidence.message.empty()) out += ": " + markdown_text(evidence.message);
        out += "\n";
      }
    }
  }
  return out;
}

}  // namespace hie::report
