#include "report/baseline.h"

#include <algorithm>
#include <map>
#include <set>

#include "report/check_kind.h"
#include "report/json_common.h"

namespace hie::report {
namespace {

bool entry_less(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.element, a.check, a.fingerprint) < std::tie(b.element, b.check, b.fingerprint);
}

void sort_unique(Baseline& baseline) {
  std::sort(baseline.entries.begin(), baseline.entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return a.fingerprint < b.fingerprint; });
  baseline.entries.erase(std::unique(baseline.entries.begin(), baseline.entries.end(),
                                     [](const BaselineEntry& a, const BaselineEntry& b) {
                                       return a.fingerprint == b.fingerprint;
                                     }),
                         baseline.entries.end());
  std::sort(baseline.entries.begin(), baseline.entries.end(), entry_less);
}

std::vector<std::string> evidence_keys(const eval::CheckRecord& record) {
  std::set<std::string> keys;
  for (const auto& evidence : record.evidence) keys.insert(evidence_key(evidence));
  return {keys.begin(), keys.end()};
}

// Byte offsets where the elements of the top-level "entries" array start, in order. The text is valid JSON (it
// was parsed before), so a small scanner suffices: nlohmann::json does not keep positions.
std::vector<std::size_t> entry_offsets(std::string_view text) {
  std::vector<std::size_t> out;
  int depth = 0;
  int array_depth = -1;  // depth inside the entries array, while in it
  bool expecting = false;
  std::string pending_key;
  std::string last_string;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (depth == array_depth && expecting && c != ']') {
      out.push_back(i);
      expecting = false;
    }
    if (c == '"') {
      std::size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      last_string = std::string(text.substr(start, i - start));
      continue;
    }
    if (c == ':' && depth == 1) pending_key = last_string;
    if (c == ',' && depth == 1) pending_key.clear();
    if (c == ',' && depth == array_depth) expecting = true;
    if (c == '{' || c == '[') {
      ++depth;
      if (c == '[' && depth == 2 && pending_key == "entries" && array_depth < 0) {
        array_depth = depth;
        expecting = true;
      }
    }
    if (c == '}' || c == ']') {
      if (depth == array_depth) array_depth = -2;  // the entries array is over
      --depth;
    }
  }
  return out;
}

struct Reader {
  const syntax::SourceFile& file;
  syntax::DiagnosticList& diagnostics;
  bool ok = true;

  void error(const std::string& message, std::size_t offset) {
    syntax::Position at = file.position_at(static_cast<std::uint32_t>(std::min(offset, file.text().size())));
    diagnostics.error("E080", "malformed baseline file: " + message, file.path(), syntax::Span{at, at},
                      "regenerate it with 'hie check --update-baseline'");
    ok = false;
  }

  std::string string_field(const Json& entry, const char* key, bool required, std::size_t offset) {
    if (!ok) return {};  // one problem per file is enough to point at
    auto it = entry.find(key);
    if (it == entry.end() || it->is_null()) {
      if (required) error(std::string("entry without \"") + key + "\"", offset);
      return {};
    }
    if (!it->is_string()) {
      error(std::string("\"") + key + "\" of an entry is not a string", offset);
      return {};
    }
    return it->get<std::string>();
  }
};

bool is_fingerprint(const std::string& text) {
  return text.size() == 16 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

Baseline baseline_from_records(std::span<const eval::CheckRecord> records) {
  Baseline out;
  for (const auto& record : records) {
    if (record.status != eval::CheckStatus::Fail && record.status != eval::CheckStatus::Baselined) continue;
    BaselineEntry entry;
    entry.fingerprint = record.fingerprint;
    entry.element = record.element;
    entry.check = record.check;
    entry.origin = record.origin;
    entry.message = record.message.value_or("");
    entry.evidence = evidence_keys(record);
    out.entries.push_back(std::move(entry));
  }
  sort_unique(out);
  return out;
}

Baseline merge_baselines(const Baseline& previous, const Baseline& current,
                         std::span<const eval::CheckRecord> records) {
  std::set<std::string> ran;
  for (const auto& record : records) ran.insert(record.fingerprint);
  Baseline out = current;
  for (const auto& entry : previous.entries) {
    if (!ran.contains(entry.fingerprint)) out.entries.push_back(entry);
  }
  sort_unique(out);
  return out;
}

std::string render_baseline(const Baseline& baseline) {
  Json doc = Json::object();
  doc["version"] = "1.0";
  doc["schema"] = kBaselineSchema;
  doc["comment"] = "Known failures for 'hie check --baseline'; regenerate with 'hie check --update-baseline'.";
  Json entries = Json::array();
  for (const auto& entry : baseline.entries) {
    Json item = Json::object();
    item["fingerprint"] = entry.fingerprint;
    item["element"] = entry.element;
    item["check"] = entry.check;
    item["origin"] = entry.origin;
    item["message"] = entry.message;
    if (!entry.evidence.empty()) item["evidence"] = entry.evidence;
    entries.push_back(std::move(item));
  }
  doc["entries"] = std::move(entries);
  return dump_json(doc);
}

std::optional<Baseline> parse_baseline(const syntax::SourceFile& file, syntax::DiagnosticList& diagnostics) {
  Reader reader{file, diagnostics};
  Json doc;
  try {
    doc = Json::parse(file.text());
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> after the position.
    auto colon = what.find(": ", what.find("parse error"));
    reader.error("not valid JSON" + (colon == std::string::npos ? std::string() : what.substr(colon)),
                 e.byte > 0 ? e.byte - 1 : 0);
    return std::nullopt;
  }
  if (!doc.is_object()) {
    reader.error("the document is not a JSON object", 0);
    return std::nullopt;
  }
  auto schema = doc.find("schema");
  if (schema == doc.end() || !schema->is_string() || *schema != kBaselineSchema) {
    reader.error("\"schema\" is not \"" + std::string(kBaselineSchema) + "\"", 0);
    return std::nullopt;
  }
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_string() || !version->get<std::string>().starts_with("1.")) {
    reader.error("\"version\" is not \"1.x\" (a baseline from a newer hie?)", 0);
    return std::nullopt;
  }
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_array()) {
    reader.error("\"entries\" is missing or not an array", 0);
    return std::nullopt;
  }
  std::vector<std::size_t> offsets = entry_offsets(file.text());
  Baseline out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entries->size() && reader.ok; ++i) {
    const Json& item = (*entries)[i];
    std::size_t offset = i < offsets.size() ? offsets[i] : 0;
    if (!item.is_object()) {
      reader.error("entry " + std::to_string(i + 1) + " is not an object", offset);
      break;
    }
    BaselineEntry entry;
    entry.fingerprint = reader.string_field(item, "fingerprint", true, offset);
    entry.element = reader.string_field(item, "element", true, offset);
    entry.check = reader.string_field(item, "check", true, offset);
    entry.origin = reader.string_field(item, "origin", false, offset);
    entry.message = reader.string_field(item, "message", false, offset);
    if (!reader.ok) break;
    if (!is_fingerprint(entry.fingerprint)) {
      reader.error("\"" + entry.fingerprint + "\" is not a fingerprint (16 lowercase hex digits)", offset);
      break;
    }
    if (!seen.insert(entry.fingerprint).second) {
      reader.error("fingerprint " + entry.fingerprint + " is listed twice", offset);
      break;
    }
    auto evidence = item.find("evidence");
    if (evidence != item.end()) {
      bool strings = evidence->is_array() &&
                     std::all_of(evidence->begin(), evidence->end(), [](const Json& v) { return v.is_string(); });
      if (!strings) {
        reader.error("\"evidence\" of an entry is not a list of strings", offset);
        break;
      }
      for (const auto& key : *evidence) entry.evidence.push_back(key.get<std::string>());
      std::sort(entry.evidence.begin(), entry.evidence.end());
    }
    entry.position = file.position_at(static_cast<std::uint32_t>(offset));
    out.entries.push_back(std::move(entry));
  }
  if (!reader.ok) return std::nullopt;
  return out;
}

BaselineOutcome apply_baseline(const Baseline& baseline, std::vector<eval::CheckRecord>& records,
                               eval::RunSummary& summary, bool complete) {
  std::map<std::string, const BaselineEntry*> known;
  for (const auto& entry : baseline.entries) known.emplace(entry.fingerprint, &entry);
  std::set<std::string> still_failing;  // fingerprints whose check failed or could not be judged
  std::set<std::string> ran;
  for (auto& record : records) {
    ran.insert(record.fingerprint);
    if (record.status == eval::CheckStatus::Error) still_failing.insert(record.fingerprint);
    if (record.status != eval::CheckStatus::Fail) continue;
    auto it = known.find(record.fingerprint);
    if (it == known.end()) continue;
    still_failing.insert(record.fingerprint);
    const std::vector<std::string>& keys = it->second->evidence;
    std::vector<library::Evidence> fresh;
    for (const auto& evidence : record.evidence) {
      if (!std::binary_search(keys.begin(), keys.end(), evidence_key(evidence))) fresh.push_back(evidence);
    }
    if (fresh.empty()) {
      record.status = eval::CheckStatus::Baselined;
      --summary.failed;
      ++summary.baselined;
      continue;
    }
    // The rule is known to fail, but not here: only the new places are reported.
    std::size_t known_count = record.evidence.size() - fresh.size();
    record.message = record.message.value_or("") + " [" + std::to_string(fresh.size()) + " new since the baseline" +
                     (known_count > 0 ? ", " + std::to_string(known_count) + " known ones not shown" : "") + "]";
    record.evidence = std::move(fresh);
  }
  BaselineOutcome out;
  for (const auto& entry : baseline.entries) {
    if (still_failing.contains(entry.fingerprint)) continue;
    if (ran.contains(entry.fingerprint) || complete) out.stale.push_back(entry);
  }
  return out;
}

syntax::DiagnosticList stale_diagnostics(std::span<const BaselineEntry> stale, const std::string& file) {
  syntax::DiagnosticList out;
  for (const auto& entry : stale) {
    out.warning("W080", "stale baseline entry: '" + entry.element + " :: " + entry.check + "' no longer fails",
                file, syntax::Span{entry.position, entry.position},
                "remove it with 'hie check --update-baseline' (--strict makes stale entries failures)");
  }
  return out;
}

void add_stale_failures(std::span<const BaselineEntry> stale, const std::string& file,
                        std::vector<eval::CheckRecord>& records, eval::RunSummary& summary) {
  for (const auto& entry : stale) {
    eval::CheckRecord record;
    record.element = entry.element;
    record.check = entry.check;
    record.status = eval::CheckStatus::Fail;
    record.message = "stale baseline entry: this check no longer fails; remove the entry with --update-baseline";
    record.code = "W080";
    record.origin = "baseline";
    record.file = file;
    record.line = entry.position.line;
    record.column = entry.position.column;
    record.fingerprint = entry.fingerprint;
    records.push_back(std::move(record));
    ++summary.total;
    ++summary.failed;
  }
}

}  // namespace hie::report
