// The lexer: UTF-8 source text to tokens, with exact positions and lexical diagnostics (E020-E024).
#pragma once

#include <vector>

#include "syntax/diagnostic.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace hie::syntax {

// Tokenizes the whole file. Always ends with exactly one Eof token. Never throws; every problem is a diagnostic
// and lexing continues after it.
// Layout: a Newline ends each physical line that has a non-comment token, except inside ( ) and [ ] ('{' and
// '}' reset that nesting); there are no INDENT/DEDENT tokens (see Token::first_on_line and Token::indent).
// The decisions LANGUAGE.md leaves open are listed at the top of lexer.cpp, lexer_comments.cpp and
// lexer_strings.cpp.
std::vector<Token> lex(const SourceFile& source, DiagnosticList& diagnostics);

}  // namespace hie::syntax
