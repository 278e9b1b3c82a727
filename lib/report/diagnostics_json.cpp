#include "report/diagnostics_json.h"

namespace hie::report {

Json diagnostic_to_json(const syntax::Diagnostic& diagnostic) {
  Json json = Json::object();
  json["severity"] = syntax::severity_name(diagnostic.severity);
  json["code"] = diagnostic.code;
  json["message"] = diagnostic.message;
  json["file"] = diagnostic.file;
  json["span"] = span_to_json(diagnostic.span);
  if (diagnostic.help) json["help"] = *diagnostic.help;
  return json;
}

Json diagnostics_document(const syntax::DiagnosticList& diagnostics) {
  Json errors = Json::array();
  Json warnings = Json::array();
  for (const auto& diagnostic : diagnostics.items()) {
    if (diagnostic.severity == syntax::Severity::Error) {
      errors.push_back(diagnostic_to_json(diagnostic));
    } else {
      warnings.push_back(diagnostic_to_json(diagnostic));
    }
  }
  Json summary = Json::object();
  summary["total_errors"] = errors.size();
  summary["total_warnings"] = warnings.size();

  Json document = Json::object();
  document["version"] = "1.0";
  document["status"] = errors.empty() ? "ok" : "error";
  document["errors"] = std::move(errors);
  document["warnings"] = std::move(warnings);
  document["summary"] = std::move(summary);
  return document;
}

std::string render_diagnostics_json(const syntax::DiagnosticList& diagnostics) {
  return dump_json(diagnostics_document(diagnostics));
}

}  // namespace hie::report
