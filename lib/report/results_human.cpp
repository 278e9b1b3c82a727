#include "report/results_human.h"

#include <fmt/core.h>

#include "report/diagnostics_human.h"

namespace hie::report {
namespace {

constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view status_label(eval::CheckStatus status) {
  switch (status) {
    case eval::CheckStatus::Pass: return "PASS";
    case eval::CheckStatus::Fail: return "FAIL";
    case eval::CheckStatus::Error: return "ERROR";
    case eval::CheckStatus::Baselined: return "BASELINED";
  }
  return "ERROR";
}

std::string_view status_color(eval::CheckStatus status) {
  switch (status) {
    case eval::CheckStatus::Pass: return kGreen;
    case eval::CheckStatus::Baselined: return kYellow;
    case eval::CheckStatus::Fail:
    case eval::CheckStatus::Error: break;
  }
  return kRed;
}

}  // namespace

std::string render_summary_line(const eval::RunSummary& summary, const ResultsHumanOptions& options) {
  std::string line = fmt::format("Summary: {} total, {} passed, {} failed, {} errors", summary.total, summary.passed,
                                 summary.failed, summary.errors);
  if (summary.skipped > 0) line += fmt::format(", {} skipped", summary.skipped);
  if (summary.baselined > 0) line += fmt::format(", {} baselined", summary.baselined);
  double seconds = options.fixed_duration ? 0.0 : summary.duration_ms / 1000.0;
  line += fmt::format(" in {:.2f} s", seconds);
  return line;
}

std::string render_results_human(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const ResultsHumanOptions& options) {
  std::string out;
  for (const auto& record : records) {
    std::string_view label = status_label(record.status);
    if (options.color) {
      out.append(status_color(record.status)).append(label).append(kReset);
    } else {
      out.append(label);
    }
    // Labels padded to one width so that the element paths line up.
    out.append(std::string(10 - label.size(), ' '));
    out += printable_text(record.element) + " :: " + printable_text(record.check) + "\n";
    if (record.status == eval::CheckStatus::Fail || record.status == eval::CheckStatus::Error) {
      if (record.message) out += "    --> " + printable_text(*record.message) + "\n";
      for (const auto& evidence : record.evidence) {
        out += "    at " + printable_text(evidence.file);
        if (evidence.line > 0) out += ":" + std::to_string(evidence.line);
        if (!evidence.message.empty()) out += ": " + printable_text(evidence.message);
        out += "\n";
      }
    }
  }
  if (!records.empty()) out += "\n";
  out += render_summary_line(summary, options) + "\n";
  return out;
}

}  // namespace hie::report
