#include "syntax/token.h"

#include "syntax/utf8.h"

namespace hie::syntax {
namespace {

// Longest token text quoted in a message; longer texts (and anything after a line break) are cut with "...".
constexpr std::size_t kMaxQuotedCharacters = 40;

std::string_view punctuation_spelling(TokenKind kind) {
  switch (kind) {
    case TokenKind::Colon: return ":";
    case TokenKind::Equals: return "=";
    case TokenKind::Dot: return ".";
    case TokenKind::Comma: return ",";
    case TokenKind::LParen: return "(";
    case TokenKind::RParen: return ")";
    case TokenKind::LBracket: return "[";
    case TokenKind::RBracket: return "]";
    case TokenKind::LBrace: return "{";
    case TokenKind::RBrace: return "}";
    case TokenKind::LAngle: return "<";
    case TokenKind::RAngle: return ">";
    case TokenKind::Star: return "*";
    default: return "";
  }
}

// Token text fit for a one-line message: first line only, at most kMaxQuotedCharacters characters, and bytes
// that are not UTF-8 shown as U+FFFD (multi-line strings and bad bytes must not break the message).
std::string message_safe(std::string_view text) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\n' || text[i] == '\r' || characters == kMaxQuotedCharacters) {
      out += "...";
      break;
    }
    const DecodedChar decoded = decode_utf8(text, i);
    if (decoded.length == 0) {
      append_utf8(out, kReplacementCharacter);
      ++i;
    } else {
      out.append(text.substr(i, decoded.length));
      i += decoded.length;
    }
    ++characters;
  }
  return out;
}

}  // namespace

std::string_view keyword_spelling(TokenKind kind) {
  switch (kind) {
    case TokenKind::KwElement: return "element";
    case TokenKind::KwTemplate: return "template";
    case TokenKind::KwPattern: return "pattern";
    case TokenKind::KwImplements: return "implements";
    case TokenKind::KwBinds: return "binds";
    case TokenKind::KwScope: return "scope";
    case TokenKind::KwConnectionPoint: return "connection_point";
    case TokenKind::KwRef: return "ref";
    case TokenKind::KwUses: return "uses";
    case TokenKind::KwCheck: return "check";
    case TokenKind::KwImport: return "import";
    case TokenKind::KwFrom: return "from";
    case TokenKind::KwAs: return "as";
    case TokenKind::KwTrue: return "true";
    case TokenKind::KwFalse: return "false";
    case TokenKind::KwRequires: return "requires";
    case TokenKind::KwAllows: return "allows";
    case TokenKind::KwForbids: return "forbids";
    case TokenKind::KwDescendant: return "descendant";
    case TokenKind::KwConnection: return "connection";
    case TokenKind::KwTo: return "to";
    case TokenKind::KwLanguage: return "language";
    case TokenKind::KwConnectionCheck: return "connection_check";
    default: return "";
  }
}

bool is_keyword(TokenKind kind) { return !keyword_spelling(kind).empty(); }

bool is_name_keyword(TokenKind kind) {
  switch (kind) {
    case TokenKind::KwImport:
    case TokenKind::KwFrom:
    case TokenKind::KwAs:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: return false;
    default: return is_keyword(kind);
  }
}

std::string describe(TokenKind kind) {
  if (std::string_view spelling = keyword_spelling(kind); !spelling.empty()) {
    return "'" + std::string(spelling) + "'";
  }
  if (std::string_view spelling = punctuation_spelling(kind); !spelling.empty()) {
    return "'" + std::string(spelling) + "'";
  }
  switch (kind) {
    case TokenKind::Identifier: return "an identifier";
    case TokenKind::String: return "a string";
    case TokenKind::Number: return "a number";
    case TokenKind::DocComment: return "a doc comment";
    case TokenKind::Newline: return "a newline";
    case TokenKind::Eof: return "the end of the file";
    default: return "a token";  // unreachable: every kind is named above
  }
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::Identifier:
    case TokenKind::String:
    case TokenKind::Number: return "'" + message_safe(token.text) + "'";
    default: return describe(token.kind);
  }
}

}  // namespace hie::syntax
