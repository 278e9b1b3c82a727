// The lexer: UTF-8 source text to tokens, with exact positions and lexical diagnostics (E020-E024).
#pragma once

#include <vector>

#include "syntax/diagnostic.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace hie::syntax {

// Tokenizes the whole file. Always ends with an Eof token. Never throws; every problem is a diagnostic
// and lexing continues after it.
std::vector<Token> lex(const SourceFile& source, DiagnosticList& diagnostics);

}  // namespace hie::syntax
