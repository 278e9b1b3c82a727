#include "report/results_sarif.h"

#include <map>

#include "report/check_kind.h"
#include "report/json_common.h"

namespace hie::report {
namespace {

constexpr const char* kBaseId = "WORKSPACE";
constexpr const char* kFingerprintKey = "hie/v1";

Json text_message(const std::string& text) {
  Json message = Json::object();
  message["text"] = text;
  return message;
}

// A physicalLocation (with a region when the line is known) in a `location` object.
Json location(const std::string& path, std::uint32_t line, std::uint32_t column, const SarifOptions& options) {
  Json artifact = Json::object();
  artifact["uri"] = uri_encode_path(path);
  if (!options.paths.root.empty() && !path.starts_with('/')) artifact["uriBaseId"] = kBaseId;
  Json physical = Json::object();
  physical["artifactLocation"] = std::move(artifact);
  if (line > 0) {
    Json region = Json::object();
    region["startLine"] = line;
    if (column > 0) region["startColumn"] = column;
    physical["region"] = std::move(region);
  }
  Json out = Json::object();
  out["physicalLocation"] = std::move(physical);
  return out;
}

Json spec_location(const eval::CheckRecord& record, const SarifOptions& options) {
  Json out = location(options.paths.spec_from_root(record.file), record.line, record.column, options);
  Json logical = Json::object();
  logical["fullyQualifiedName"] = record.element;
  logical["kind"] = "module";
  out["logicalLocations"] = Json::array({std::move(logical)});
  return out;
}

Json rule(const std::string& kind, const SarifOptions& options) {
  std::string description(builtin_kind_description(kind));
  std::string help;
  if (description.empty()) {
    std::string library = kind.substr(0, kind.find('.'));
    if (options.describe_function) description = options.describe_function(kind);
    if (description.empty()) description = "The check " + kind + " of the " + library + " library";
    help = "A check written in a .hie spec as `check " + kind + "(...)`. `hie doc --library " + library +
           "` documents its parameters; the result's message says what was found.";
  } else {
    help = description + ". The result's message says what was found; `hie check -v` shows every check that ran.";
  }
  Json out = Json::object();
  out["id"] = kind;
  out["shortDescription"] = text_message(description);
  out["help"] = text_message(help);
  Json configuration = Json::object();
  configuration["level"] = "error";
  out["defaultConfiguration"] = std::move(configuration);
  return out;
}

std::string headline(const eval::CheckRecord& record) {
  std::string text = record.element + " :: " + record.check;
  if (record.status == eval::CheckStatus::Error) {
    text += ": could not be evaluated";
    if (record.code) text += " [" + *record.code + "]";
  }
  if (record.message) text += ": " + *record.message;
  return text;
}

Json properties(const eval::CheckRecord& record) {
  Json out = Json::object();
  out["element"] = record.element;
  out["check"] = record.check;
  out["origin"] = record.origin;
  out["status"] = eval::status_name(record.status);
  if (record.code) out["code"] = *record.code;
  out["fingerprint"] = record.fingerprint;
  return out;
}

struct ResultBuilder {
  const SarifOptions& options;
  const std::map<std::string, std::size_t>& rule_index;

  Json base(const std::string& kind) const {
    Json out = Json::object();
    out["ruleId"] = kind;
    out["ruleIndex"] = rule_index.at(kind);
    out["kind"] = "fail";
    out["level"] = "error";
    return out;
  }

  void finish(Json& out, const eval::CheckRecord& record, const std::string& fingerprint) const {
    Json prints = Json::object();
    prints[kFingerprintKey] = fingerprint;
    out["partialFingerprints"] = std::move(prints);
    if (options.baseline_applied) {
      out["baselineState"] = record.status == eval::CheckStatus::Baselined ? "unchanged" : "new";
    }
    if (record.status == eval::CheckStatus::Baselined) {
      Json suppression = Json::object();
      suppression["kind"] = "external";
      suppression["justification"] = "a known failure listed in the baseline file";
      out["suppressions"] = Json::array({std::move(suppression)});
    }
    out["properties"] = properties(record);
  }

  void add(const eval::CheckRecord& record, Json& results) const {
    std::string kind = check_kind(record);
    if (record.evidence.empty() || record.status == eval::CheckStatus::Error) {
      Json out = base(kind);
      out["message"] = text_message(headline(record));
      out["locations"] = Json::array({spec_location(record, options)});
      finish(out, record, record.fingerprint);
      results.push_back(std::move(out));
      return;
    }
    std::map<std::string, std::size_t> seen;  // evidence key -> occurrences so far
    for (const auto& evidence : record.evidence) {
      std::size_t occurrence = seen[evidence_key(evidence)]++;
      Json out = base(kind);
      std::string where = evidence.file + (evidence.line > 0 ? ":" + std::to_string(evidence.line) : "");
      std::string text = record.element + " :: " + record.check + " fails at " + where;
      text += evidence.message.empty() ? (record.message ? ": " + *record.message : "") : ": " + evidence.message;
      out["message"] = text_message(text);
      out["locations"] = Json::array({location(evidence.file, evidence.line, 0, options), spec_location(record, options)});
      finish(out, record, evidence_fingerprint(record.fingerprint, evidence, occurrence));
      results.push_back(std::move(out));
    }
  }
};

const char* notification_level(syntax::Severity severity) {
  switch (severity) {
    case syntax::Severity::Error: return "error";
    case syntax::Severity::Warning: return "warning";
    case syntax::Severity::Info:
    case syntax::Severity::Hint: break;
  }
  return "note";
}

Json notifications(const syntax::DiagnosticList& diagnostics, const SarifOptions& options) {
  Json out = Json::array();
  for (const auto& diagnostic : diagnostics.items()) {
    Json item = Json::object();
    item["level"] = notification_level(diagnostic.severity);
    item["message"] = text_message(diagnostic.message);
    if (!diagnostic.file.empty()) {
      item["locations"] = Json::array({location(options.paths.spec_from_root(diagnostic.file),
                                                diagnostic.span.start.line, diagnostic.span.start.column, options)});
    }
    Json descriptor = Json::object();
    descriptor["id"] = diagnostic.code;
    item["descriptor"] = std::move(descriptor);
    out.push_back(std::move(item));
  }
  return out;
}

std::string file_uri(const std::filesystem::path& directory) {
  std::string path = directory.lexically_normal().generic_string();
  if (!path.ends_with('/')) path += '/';
  return "file://" + uri_encode_path(path);
}

}  // namespace

std::string render_results_sarif(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                 const syntax::DiagnosticList& diagnostics, const SarifOptions& options) {
  // Rules: every kind of check that ran, sorted by id (the order is part of the output, so it is deterministic).
  std::map<std::string, std::size_t> rule_index;
  for (const auto& record : records) rule_index.emplace(check_kind(record), 0);
  Json rules = Json::array();
  for (auto& [kind, index] : rule_index) {
    index = rules.size();
    rules.push_back(rule(kind, options));
  }

  Json driver = Json::object();
  driver["name"] = "hie";
  driver["version"] = options.tool_version;
  if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
  driver["rules"] = std::move(rules);
  Json tool = Json::object();
  tool["driver"] = std::move(driver);

  Json run = Json::object();
  run["tool"] = std::move(tool);
  if (!options.paths.root.empty()) {
    Json base = Json::object();
    base["uri"] = file_uri(options.paths.root);
    Json ids = Json::object();
    ids[kBaseId] = std::move(base);
    run["originalUriBaseIds"] = std::move(ids);
  }
  Json invocation = Json::object();
  invocation["executionSuccessful"] = summary.errors == 0;
  invocation["toolExecutionNotifications"] = notifications(diagnostics, options);
  run["invocations"] = Json::array({std::move(invocation)});

  ResultBuilder builder{options, rule_index};
  Json results = Json::array();
  for (const auto& record : records) {
    if (record.status != eval::CheckStatus::Pass) builder.add(record, results);
  }
  run["results"] = std::move(results);

  Json counts = Json::object();
  counts["total"] = summary.total;
  counts["passed"] = summary.passed;
  counts["failed"] = summary.failed;
  counts["errors"] = summary.errors;
  counts["skipped"] = summary.skipped;
  counts["baselined"] = summary.baselined;
  Json props = Json::object();
  props["summary"] = std::move(counts);
  run["properties"] = std::move(props);

  Json doc = Json::object();
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = Json::array({std::move(run)});
  return dump_json(doc);
}

}  // namespace hie::report
