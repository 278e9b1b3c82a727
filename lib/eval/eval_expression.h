// `hie eval EXPR`: evaluate one selector or check expression in the workspace, outside any spec.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "library/check_outcome.h"
#include "library/registry.h"
#include "library/value.h"
#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::eval {

struct ExpressionResult {
  enum class Kind {
    Invalid,  // the expression did not parse or validate: see `diagnostics`
    Value,    // a value (selector call or literal): `value`
    Check,    // a check call: `outcome`
    Error,    // evaluating the value failed (a library error): `error_code`, `error_message`
  };
  Kind kind = Kind::Invalid;
  library::Value value;
  library::CheckOutcome outcome;
  std::string error_code;
  std::string error_message;
  syntax::DiagnosticList diagnostics;  // problems of the expression (file "<expression>"), warnings included
};

// Every registered library is usable without an import. `as_check` forces how a top-level call is made
// (nullopt: a check when the library describes that function only as a check, otherwise a selector).
ExpressionResult evaluate_expression(std::string_view text, library::LibraryRegistry& registry,
                                     const workspace::Workspace& workspace,
                                     std::optional<bool> as_check = std::nullopt);

}  // namespace hie::eval
