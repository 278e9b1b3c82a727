// A tokenizer for Python 3 source: names, numbers, strings (every prefix, triple quotes, f-strings with nested
// expressions), operators, and the NEWLINE / INDENT / DEDENT structure of logical lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hie::stdlib::python {

enum class TokenKind {
  Name,  // identifiers and keywords
  Number,
  String,   // one literal, prefix and quotes included (an f-string is one token; see fstring_tokens)
  Op,       // operators and delimiters
  Newline,  // end of a logical line
  Indent,
  Dedent,
  EndOfFile,
};

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  std::string_view text;   // a view into the source ("" for Newline/Indent/Dedent/EndOfFile)
  std::uint32_t line = 0;  // 1-based line where the token starts
};

struct TokenizedSource {
  // The file's tokens. Comments, blank lines, line continuations and the newlines inside brackets produce nothing.
  std::vector<Token> tokens;
  // The tokens of the expressions inside f-string replacement fields, in source order, each field followed by a
  // Newline token. Kept apart so that statement structure is read from `tokens` alone, while code inside f-strings
  // (calls, for instance) can still be found.
  std::vector<Token> fstring_tokens;
  // Problems met, "line N: ..." (unterminated string, inconsistent dedent, unbalanced bracket). Tokenizing always
  // completes: after a problem it resynchronizes as CPython's tokenizer would, as far as that is possible.
  std::vector<std::string> warnings;
};

// Tokenizes `source`. The result's token texts point into `source`, which must outlive them.
TokenizedSource tokenize(std::string_view source);

// True for Python's hard keywords (`def`, `import`, `if`, ...), which are never names of calls or declarations.
bool is_keyword(std::string_view name);

// The string prefix of a String token ("", "r", "Rb", "f", ...) and whether it makes an f-string or a bytes literal.
std::string_view string_prefix(std::string_view literal);
// The contents of a String token without prefix and quotes (escapes left as written).
std::string_view string_body(std::string_view literal);

}  // namespace hie::stdlib::python
