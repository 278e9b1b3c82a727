// Helpers shared by the lexer tests: lex a string and render tokens and diagnostics as comparable lines.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "syntax/diagnostic.h"
#include "syntax/lexer.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace hie::syntax::testing {

struct Lexed {
  std::unique_ptr<SourceFile> source;
  DiagnosticList diagnostics;
  std::vector<Token> tokens;
};

inline Lexed lex_text(std::string text) {
  Lexed lexed;
  lexed.source = std::make_unique<SourceFile>("test.hie", std::move(text));
  lexed.tokens = lex(*lexed.source, lexed.diagnostics);
  return lexed;
}

inline const char* kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::KwElement: return "KwElement";
    case TokenKind::KwTemplate: return "KwTemplate";
    case TokenKind::KwPattern: return "KwPattern";
    case TokenKind::KwImplements: return "KwImplements";
    case TokenKind::KwBinds: return "KwBinds";
    case TokenKind::KwScope: return "KwScope";
    case TokenKind::KwConnectionPoint: return "KwConnectionPoint";
    case TokenKind::KwRef: return "KwRef";
    case TokenKind::KwUses: return "KwUses";
    case TokenKind::KwCheck: return "KwCheck";
    case TokenKind::KwImport: return "KwImport";
    case TokenKind::KwFrom: return "KwFrom";
    case TokenKind::KwAs: return "KwAs";
    case TokenKind::KwTrue: return "KwTrue";
    case TokenKind::KwFalse: return "KwFalse";
    case TokenKind::KwRequires: return "KwRequires";
    case TokenKind::KwAllows: return "KwAllows";
    case TokenKind::KwForbids: return "KwForbids";
    case TokenKind::KwDescendant: return "KwDescendant";
    case TokenKind::KwConnection: return "KwConnection";
    case TokenKind::KwTo: return "KwTo";
    case TokenKind::KwLanguage: return "KwLanguage";
    case TokenKind::KwConnectionCheck: return "KwConnectionCheck";
    case TokenKind::Colon: return "Colon";
    case TokenKind::Equals: return "Equals";
    case TokenKind::Dot: return "Dot";
    case TokenKind::Comma: return "Comma";
    case TokenKind::LParen: return "LParen";
    case TokenKind::RParen: return "RParen";
    case TokenKind::LBracket: return "LBracket";
    case TokenKind::RBracket: return "RBracket";
    case TokenKind::LBrace: return "LBrace";
    case TokenKind::RBrace: return "RBrace";
    case TokenKind::LAngle: return "LAngle";
    case TokenKind::RAngle: return "RAngle";
    case TokenKind::Star: return "Star";
    case TokenKind::Identifier: return "Identifier";
    case TokenKind::String: return "String";
    case TokenKind::Number: return "Number";
    case TokenKind::DocComment: return "DocComment";
    case TokenKind::Newline: return "Newline";
    case TokenKind::Eof: return "Eof";
  }
  return "?";
}

// Control characters and bytes >= 0x80 that are not part of the visible text are escaped.
inline std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string show(const Span& span) {
  return std::to_string(span.start.line) + ":" + std::to_string(span.start.column) + "-" +
         std::to_string(span.end.line) + ":" + std::to_string(span.end.column);
}

// "Identifier `foo` 1:1-1:4"
inline std::string show(const Token& token) {
  return std::string(kind_name(token.kind)) + " `" + escaped(token.text) + "` " + show(token.span);
}

inline std::vector<std::string> shown_tokens(const Lexed& lexed) {
  std::vector<std::string> out;
  for (const Token& token : lexed.tokens) out.push_back(show(token));
  return out;
}

inline std::vector<TokenKind> kinds(const Lexed& lexed) {
  std::vector<TokenKind> out;
  for (const Token& token : lexed.tokens) out.push_back(token.kind);
  return out;
}

// "E024 1:3-1:4 unexpected character '!'"
inline std::vector<std::string> shown_diagnostics(const Lexed& lexed) {
  std::vector<std::string> out;
  for (const Diagnostic& diagnostic : lexed.diagnostics.items()) {
    out.push_back(diagnostic.code + " " + show(diagnostic.span) + " " + diagnostic.message);
  }
  return out;
}

// The value of the only token of `kind` (fails the test when there is not exactly one).
inline std::string only_value(const Lexed& lexed, TokenKind kind) {
  std::vector<std::string> values;
  for (const Token& token : lexed.tokens) {
    if (token.kind == kind) values.push_back(token.value);
  }
  return values.size() == 1 ? values.front() : "<" + std::to_string(values.size()) + " tokens>";
}

}  // namespace hie::syntax::testing
