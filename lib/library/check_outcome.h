// The outcome of a library check: pass, fail or error, with a message and optional evidence in the code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hie::library {

// A place in the workspace that explains a failure (a file and line that breaks a rule).
struct Evidence {
  std::string file;  // workspace-relative
  std::uint32_t line = 0;  // 1-based; 0 = the whole file
  std::string message;     // optional detail
};

struct CheckOutcome {
  enum class Status { Pass, Fail, Error };
  Status status = Status::Pass;
  std::string message;  // empty for a pass
  std::string code;     // library error code for errors, when there is one
  std::vector<Evidence> evidence;

  static CheckOutcome pass() { return {}; }
  static CheckOutcome fail(std::string message, std::vector<Evidence> evidence = {}) {
    return {Status::Fail, std::move(message), {}, std::move(evidence)};
  }
  static CheckOutcome error(std::string code, std::string message) {
    return {Status::Error, std::move(message), std::move(code), {}};
  }
};

}  // namespace hie::library
