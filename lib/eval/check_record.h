// One evaluated check as reported to users (human, JSON, SARIF, JUnit, ...), and the summary of a run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "library/check_outcome.h"

namespace hie::eval {

enum class CheckStatus { Pass, Fail, Error, Baselined };

const char* status_name(CheckStatus status);  // "pass", "fail", "error", "baselined"

struct CheckRecord {
  std::string element;  // element path, e.g. "shop.api"
  std::string check;    // the check's source text exactly as written (requirements: the requirement text)
  CheckStatus status = CheckStatus::Pass;
  std::optional<std::string> message;
  std::optional<std::string> code;    // library or runtime error code
  std::string origin;                 // "element", "pattern P", "requirement", "connection", "uses", "language L"
  std::string file;                   // spec file as shown to the user
  std::uint32_t line = 0;             // position of the check/requirement in the spec
  std::uint32_t column = 0;
  std::vector<library::Evidence> evidence;
  std::string fingerprint;            // stable identity (never line numbers)
  double duration_ms = 0;
};

struct RunSummary {
  std::size_t total = 0;
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
  std::size_t baselined = 0;
  double duration_ms = 0;
};

}  // namespace hie::eval
