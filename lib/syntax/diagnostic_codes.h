// The catalogue of diagnostic codes: one line of meaning each, shown by `hie explain` and in docs/diagnostics.md.
#pragma once

#include <span>
#include <string_view>

namespace hie::syntax {

struct DiagnosticCodeInfo {
  std::string_view code;     // "E026"
  std::string_view summary;  // one line
  std::string_view explanation;  // a short paragraph with an example of the mistake and its fix
};

std::span<const DiagnosticCodeInfo> diagnostic_codes();
// nullptr when the code is unknown. Case-insensitive ("e026" works).
const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code);

}  // namespace hie::syntax
