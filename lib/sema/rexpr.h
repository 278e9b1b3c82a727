// A resolved expression: every name already bound to a slot, an element footprint, a parameter or a library.
#pragma once

#include <string>
#include <vector>

#include "library/value.h"
#include "syntax/span.h"

namespace hie::sema {

// What a name in an expression denotes once resolved. Resolution is static (validate time), so the evaluator
// never looks names up: it follows these indices into the Model.
struct RExpr {
  enum class Kind {
    Literal,    // `literal` (string, number, boolean)
    List,       // `args` are the items
    Call,       // library call `library.function(args)`; selectors unless `is_check`
    Slot,       // the value of a scope or ref (of an element or of a pattern instance): `slot`
    Footprint,  // an element used as a value: the union of its scopes' paths (`element` or `instance`+`node`)
    Param,      // a connection_check parameter: `param`
    Invalid,    // could not be resolved; `message`/`code` say why (only evaluated with --keep-going)
  };

  Kind kind = Kind::Invalid;
  syntax::Span span;
  library::Value literal;
  std::vector<RExpr> args;
  std::string library;   // Call: the registry name (imports and aliases already applied)
  std::string function;  // Call
  bool is_check = false; // Call: the top-level call of a check (calls Library::check, else Library::call)
  int slot = -1;         // Slot
  int element = -1;      // Footprint of a real element
  int instance = -1;     // Footprint of a pattern-instance node
  int node = -1;         //   (pattern node index)
  int param = -1;        // Param
  std::string code;      // Invalid
  std::string message;   // Invalid

  static RExpr invalid(std::string code, std::string message, syntax::Span span) {
    RExpr e;
    e.kind = Kind::Invalid;
    e.code = std::move(code);
    e.message = std::move(message);
    e.span = span;
    return e;
  }
  bool valid() const;  // false when this or a sub-expression is Invalid
  const RExpr* first_invalid() const;
};

}  // namespace hie::sema
