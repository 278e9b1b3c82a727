#include "report/results_json.h"

namespace hie::report {
namespace {

Json optional_string(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

const char* run_status(const eval::RunSummary& summary) {
  if (summary.errors > 0) return "error";
  if (summary.failed > 0) return "failed";
  return "ok";
}

Json record_to_json(const eval::CheckRecord& record, const ResultsJsonOptions& options) {
  Json out = Json::object();
  out["element"] = record.element;
  out["check"] = record.check;
  out["status"] = eval::status_name(record.status);
  out["message"] = optional_string(record.message);
  out["code"] = optional_string(record.code);
  out["origin"] = record.origin;
  out["file"] = record.file;
  out["line"] = record.line;
  out["column"] = record.column;
  Json evidence = Json::array();
  for (const auto& item : record.evidence) {
    Json entry = Json::object();
    entry["file"] = item.file;
    entry["line"] = item.line;
    if (!item.message.empty()) entry["message"] = item.message;
    evidence.push_back(std::move(entry));
  }
  out["evidence"] = std::move(evidence);
  out["fingerprint"] = record.fingerprint;
  out["duration_ms"] = options.fixed_duration ? Json(0) : Json(record.duration_ms);
  return out;
}

std::string render_results_json(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                const syntax::DiagnosticList& diagnostics, const ResultsJsonOptions& options) {
  Json doc = Json::object();
  doc["version"] = "1.0";
  doc["schema"] = "hie.check/1";
  doc["status"] = run_status(summary);
  Json sum = Json::object();
  sum["total"] = summary.total;
  sum["passed"] = summary.passed;
  sum["failed"] = summary.failed;
  sum["errors"] = summary.errors;
  sum["skipped"] = summary.skipped;
  sum["baselined"] = summary.baselined;
  sum["duration_ms"] = options.fixed_duration ? Json(0) : Json(summary.duration_ms);
  doc["summary"] = std::move(sum);
  Json results = Json::array();
  for (const auto& record : records) results.push_back(record_to_json(record, options));
  doc["results"] = std::move(results);
  Json diags = Json::array();
  for (const auto& diagnostic : diagnostics.items()) {
    Json entry = Json::object();
    entry["severity"] = syntax::severity_name(diagnostic.severity);
    entry["code"] = diagnostic.code;
    entry["message"] = diagnostic.message;
    entry["file"] = diagnostic.file;
    entry["line"] = diagnostic.span.start.line;
    entry["column"] = diagnostic.span.start.column;
    diags.push_back(std::move(entry));
  }
  doc["diagnostics"] = std::move(diags);
  return dump_json(doc);
}

}  // namespace hie::report
