// Parsing one expression on its own (for `hie eval EXPR`): the same expression grammar as in spec files.
#pragma once

#include "syntax/ast.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"

namespace hie::syntax {

// Parses `source` as exactly one expression (newlines are allowed only inside brackets, like in a statement).
// Returns null after a diagnostic (E003 expected an expression, E008 text after the expression, E027 unclosed
// bracket, lexical errors E020-E024).
ExprPtr parse_expression(const SourceFile& source, DiagnosticList& diagnostics);

}  // namespace hie::syntax
