// A tokenizer for Rust source: identifiers, lifetimes, literals, punctuation and doc comments, so that nothing
// inside a comment or a string literal is ever mistaken for code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hie::stdlib::rust {

enum class TokenKind {
  Ident,     // `fn`, `parse`, `r#type` (text keeps the `r#`; use ident_name for the name)
  Lifetime,  // `'a`, `'static`
  Literal,   // strings (all forms), chars, bytes, numbers; `text` is the literal as written
  Punct,     // one character, except the joined `::`, `->`, `=>`
  OuterDoc,  // `/// x`, `/** x */`: documents the item that follows
  InnerDoc,  // `//! x`, `/*! x */`: documents the enclosing module or crate
};

struct Token {
  TokenKind kind = TokenKind::Punct;
  std::string_view text;   // a view into the tokenized source
  std::uint32_t line = 0;  // 1-based line where the token starts

  bool is_punct(std::string_view p) const { return kind == TokenKind::Punct && text == p; }
  bool is_ident(std::string_view name) const { return kind == TokenKind::Ident && text == name; }
};

struct Tokenized {
  std::vector<Token> tokens;  // comments (other than doc comments) and whitespace are dropped
  // Problems with line numbers ("3: unterminated block comment"); tokenizing always finishes.
  std::vector<std::string> warnings;
};

// Tokenizes `source`. The returned tokens view `source`, which must outlive them.
Tokenized tokenize(std::string_view source);

// The identifier an Ident token names: `r#type` -> `type`.
std::string_view ident_name(const Token& token);

}  // namespace hie::stdlib::rust
