// Tokens produced by the lexer and their user-facing names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/span.h"

namespace hie::syntax {

enum class TokenKind {
  // Keywords (reserved as statement starters; most may also be used as names, see is_name_keyword).
  KwElement, KwTemplate, KwPattern, KwImplements, KwBinds, KwScope, KwConnectionPoint, KwRef, KwUses, KwCheck,
  KwImport, KwFrom, KwAs, KwTrue, KwFalse, KwRequires, KwAllows, KwForbids, KwDescendant, KwConnection, KwTo,
  KwLanguage, KwConnectionCheck,
  // Punctuation.
  Colon, Equals, Dot, Comma, LParen, RParen, LBracket, RBracket, LBrace, RBrace, LAngle, RAngle, Star,
  // Literals and names.
  Identifier,
  String,      // `value` holds the unescaped contents
  Number,      // `text` holds the literal as written, including a leading '-'
  DocComment,  // `value` holds the doc text: leading '#'s and one space trimmed
  // Layout.
  Newline,  // end of a logical line (never produced inside ( ) or [ ], nor for blank or comment-only lines)
  Eof,
};

struct Token {
  TokenKind kind = TokenKind::Eof;
  Span span;
  std::string text;   // the raw source slice
  std::string value;  // String: unescaped value; DocComment: the doc text
  // Layout facts the parser uses for indentation blocks (the lexer never emits INDENT/DEDENT: in brace
  // blocks indentation is free, so only the parser knows whether it matters).
  bool first_on_line = false;  // first token of its physical line (ignoring whitespace)
  std::uint32_t indent = 0;    // indentation width of its line: space = 1, tab = 4
};

// User-facing description used in messages: "'element'", "'}'", "a newline", "an identifier",
// "a string", "a number", "a doc comment", "the end of the file".
std::string describe(TokenKind kind);
// Like describe(kind) but quotes the actual text for names and literals: "'foo'", "'\"x\"'".
std::string describe(const Token& token);

// The keyword spelling of a keyword kind ("element"), or "" for non-keywords.
std::string_view keyword_spelling(TokenKind kind);
bool is_keyword(TokenKind kind);
// Keywords that may be used as names of elements, scopes, refs and as path segments
// (every keyword except import, from, as, true, false).
bool is_name_keyword(TokenKind kind);

}  // namespace hie::syntax
