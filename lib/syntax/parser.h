// The parser: tokens to a syntax tree, with statement-level error recovery (one mistake, one diagnostic).
#pragma once

#include "syntax/ast.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"

namespace hie::syntax {

// Lexes and parses `source`. Always returns a File (possibly partial); problems go to `diagnostics`.
File parse(const SourceFile& source, DiagnosticList& diagnostics);

}  // namespace hie::syntax
