#include "report/results_junit.h"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "report/xml_text.h"

namespace hie::report {
namespace {

struct Suite {
  std::string file;
  std::vector<const eval::CheckRecord*> records;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
  double duration_ms = 0;
};

std::string seconds(double milliseconds, const JunitOptions& options) {
  return fmt::format("{:.3f}", options.fixed_duration ? 0.0 : milliseconds / 1000.0);
}

std::string attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escape(value, true) + "\"";
}

// The message, then one `at file:line: detail` line per piece of evidence.
std::string details(const eval::CheckRecord& record) {
  std::string text = record.message.value_or("");
  for (const auto& evidence : record.evidence) {
    text += "\nat " + evidence.file;
    if (evidence.line > 0) text += ":" + std::to_string(evidence.line);
    if (!evidence.message.empty()) text += ": " + evidence.message;
  }
  return text;
}

std::string testcase(const eval::CheckRecord& record, const JunitOptions& options) {
  std::string out = "    <testcase" + attribute("classname", record.element) + attribute("name", record.check) +
                    attribute("file", record.file) + attribute("line", std::to_string(record.line)) +
                    attribute("time", seconds(record.duration_ms, options));
  std::string message = record.message.value_or("");
  switch (record.status) {
    case eval::CheckStatus::Pass: return out + "/>\n";
    case eval::CheckStatus::Fail:
      out += ">\n      <failure" + attribute("message", message) + attribute("type", "fail") + ">" +
             xml_escape(details(record)) + "</failure>\n";
      break;
    case eval::CheckStatus::Error:
      out += ">\n      <error" + attribute("message", message) + attribute("type", record.code.value_or("error")) +
             ">" + xml_escape(details(record)) + "</error>\n";
      break;
    case eval::CheckStatus::Baselined:
      out += ">\n      <skipped" + attribute("message", "baselined: " + message) + "/>\n";
      break;
  }
  return out + "    </testcase>\n";
}

}  // namespace

std::string render_results_junit(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const JunitOptions& options) {
  std::vector<Suite> suites;
  for (const auto& record : records) {
    auto it = std::find_if(suites.begin(), suites.end(), [&](const Suite& s) { return s.file == record.file; });
    if (it == suites.end()) {
      suites.push_back(Suite{record.file, {}, 0, 0, 0, 0});
      it = suites.end() - 1;
    }
    it->records.push_back(&record);
    it->duration_ms += record.duration_ms;
    if (record.status == eval::CheckStatus::Fail) ++it->failures;
    if (record.status == eval::CheckStatus::Error) ++it->errors;
    if (record.status == eval::CheckStatus::Baselined) ++it->skipped;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attribute("name", "hie check") + attribute("tests", std::to_string(records.size())) +
         attribute("failures", std::to_string(summary.failed)) + attribute("errors", std::to_string(summary.errors)) +
         attribute("skipped", std::to_string(summary.baselined)) + attribute("time", seconds(summary.duration_ms, options)) +
         ">\n";
  for (const auto& suite : suites) {
    out += "  <testsuite" + attribute("name", suite.file) + attribute("tests", std::to_string(suite.records.size())) +
           attribute("failures", std::to_string(suite.failures)) + attribute("errors", std::to_string(suite.errors)) +
           attribute("skipped", std::to_string(suite.skipped)) + attribute("time", seconds(suite.duration_ms, options)) +
           ">\n";
    for (const auto* record : suite.records) out += testcase(*record, options);
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

}  // namespace hie::report
