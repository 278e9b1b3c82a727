#include "report/check_kind.h"

#include <cctype>

#include "eval/fingerprint.h"

namespace hie::report {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// `a.b(` at the start of `text` (after an optional `not `): "a.b"; else "".
std::string called_function(std::string_view text) {
  auto skip_space = [&](std::size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    return i;
  };
  std::size_t i = skip_space(0);
  if (text.substr(i, 4) == "not " || text.substr(i, 4) == "not(") i = skip_space(i + 3);
  std::size_t start = i;
  bool dotted = false;
  while (i < text.size() && (is_name_char(text[i]) || text[i] == '.')) {
    dotted = dotted || text[i] == '.';
    ++i;
  }
  std::string_view name = text.substr(start, i - start);
  if (!dotted || name.front() == '.' || name.back() == '.') return {};
  if (skip_space(i) >= text.size() || text[skip_space(i)] != '(') return {};
  return std::string(name);
}

}  // namespace

std::string check_kind(const eval::CheckRecord& record) {
  const std::string& origin = record.origin;
  if (origin == "requirement" || origin == "connection" || origin == "baseline") return origin;
  if (origin == "uses") return record.check == "strict_uses" ? "strict_uses" : "uses";
  if (origin.starts_with("language ")) return "language";
  std::string function = called_function(record.check);
  return function.empty() ? "check" : function;
}

std::string_view builtin_kind_description(std::string_view kind) {
  if (kind == "requirement") return "A requirement of a pattern (requires/forbids scope, ref, element, language, check)";
  if (kind == "connection") return "A connection rule: forbids, allows or requires connection to another element";
  if (kind == "uses") return "A declared dependency (`S uses T`) that the code must actually have";
  if (kind == "strict_uses") return "[connections] strict_uses: every dependency on another element is declared";
  if (kind == "language") return "A connection check of a language declaration, judged per parent and child";
  if (kind == "baseline") return "A baseline entry that no longer fails (stale; reported under --strict)";
  if (kind == "check") return "A check expression";
  return {};
}

std::string evidence_key(const library::Evidence& evidence) {
  if (evidence.message.empty()) return evidence.file;
  return evidence.file + ": " + evidence.message;
}

std::string evidence_fingerprint(std::string_view record_fingerprint, const library::Evidence& evidence,
                                 std::size_t occurrence) {
  std::uint64_t hash = eval::fnv1a64(record_fingerprint);
  hash = eval::fnv1a64("\x1f", hash);
  hash = eval::fnv1a64(evidence_key(evidence), hash);
  if (occurrence > 0) {
    hash = eval::fnv1a64("\x1f", hash);
    hash = eval::fnv1a64(std::to_string(occurrence), hash);
  }
  return eval::hex16(hash);
}

}  // namespace hie::report
