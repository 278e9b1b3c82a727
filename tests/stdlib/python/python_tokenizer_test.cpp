// The Python tokenizer: strings of every form, f-strings, comments, continuations, brackets and indentation.
#include "stdlib/python/python_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hie::stdlib::python {
namespace {

// The tokens as "kind:text" strings (Newline "NL", Indent "IN", Dedent "DE"; EndOfFile omitted).
std::vector<std::string> shown(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::Name: out.push_back("N:" + std::string(t.text)); break;
      case TokenKind::Number: out.push_back("#:" + std::string(t.text)); break;
      case TokenKind::String: out.push_back("S:" + std::string(t.text)); break;
      case TokenKind::Op: out.push_back(std::string(t.text)); break;
      case TokenKind::Newline: out.push_back("NL"); break;
      case TokenKind::Indent: out.push_back("IN"); break;
      case TokenKind::Dedent: out.push_back("DE"); break;
      case TokenKind::EndOfFile: break;
    }
  }
  return out;
}

std::vector<std::string> toks(std::string_view source) { return shown(tokenize(source).tokens); }
using V = std::vector<std::string>;

TEST(PythonTokenizer, NamesNumbersOperators) {
  EXPECT_EQ(toks("x = a.b(1, 2.5e-3) -> y := 0x1F ** 2\n"),
            (V{"N:x", "=", "N:a", ".", "N:b", "(", "#:1", ",", "#:2.5e-3", ")", "->", "N:y", ":=", "#:0x1F", "**",
               "#:2", "NL"}));
  EXPECT_EQ(toks("a...b"), (V{"N:a", "...", "N:b", "NL"}));
  EXPECT_EQ(toks("x = 1_000.5j + .5"), (V{"N:x", "=", "#:1_000.5j", "+", "#:.5", "NL"}));
}

TEST(PythonTokenizer, CommentsProduceNothing) {
  EXPECT_EQ(toks("# import os\nx = 1  # def f(): import sys\n"), (V{"N:x", "=", "#:1", "NL"}));
}

TEST(PythonTokenizer, StringPrefixesInAnyCase) {
  for (std::string prefix :
       {"", "r", "R", "b", "B", "u", "U", "f", "F", "rb", "Rb", "bR", "BR", "br", "fr", "Rf", "rF", "FR", "t", "tr"}) {
    const std::string literal = prefix + "'import os'";
    EXPECT_EQ(toks("x = " + literal), (V{"N:x", "=", "S:" + literal, "NL"})) << prefix;
  }
  // Not prefixes: a name followed by a string is two tokens.
  EXPECT_EQ(toks("ab'x'"), (V{"N:ab", "S:'x'", "NL"}));
}

TEST(PythonTokenizer, EscapesAndRawStrings) {
  EXPECT_EQ(toks(R"(s = "a\"b" + 'c\'d')"), (V{"N:s", "=", R"(S:"a\"b")", "+", R"(S:'c\'d')", "NL"}));
  // In a raw string a backslash still keeps the quote from closing it.
  EXPECT_EQ(toks(R"(s = r"\"" ; t)"), (V{"N:s", "=", R"(S:r"\"")", ";", "N:t", "NL"}));
  EXPECT_EQ(toks(R"(s = r'\\' ; t)"), (V{"N:s", "=", R"(S:r'\\')", ";", "N:t", "NL"}));
}

TEST(PythonTokenizer, TripleQuotedStringsSpanLines) {
  const auto result = tokenize("x = '''\nimport os\n'''\ny = \"\"\"a \"\" b\"\"\"\n");
  EXPECT_EQ(shown(result.tokens),
            (V{"N:x", "=", "S:'''\nimport os\n'''", "NL", "N:y", "=", "S:\"\"\"a \"\" b\"\"\"", "NL"}));
  EXPECT_EQ(result.tokens[4].line, 4u);  // lines counted inside the string
  EXPECT_TRUE(result.warnings.empty());
}

TEST(PythonTokenizer, StringContinuationLine) {
  const auto result = tokenize("x = 'a\\\nb'\ny = 1\n");
  EXPECT_EQ(shown(result.tokens), (V{"N:x", "=", "S:'a\\\nb'", "NL", "N:y", "=", "#:1", "NL"}));
  EXPECT_EQ(result.tokens[4].line, 3u);
}

TEST(PythonTokenizer, UnterminatedStringsWarnAndRecover) {
  auto result = tokenize("x = 'abc\ny = 2\n");
  EXPECT_EQ(shown(result.tokens), (V{"N:x", "=", "S:'abc", "NL", "N:y", "=", "#:2", "NL"}));
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "line 1: unterminated string literal");
  result = tokenize("x = '''abc\n");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "line 1: unterminated triple-quoted string literal");
}

TEST(PythonTokenizer, FStringsKeepTheirExpressionsApart) {
  const auto result = tokenize("s = f'{a(1)} and {b.c!r:>{width}} {{literal}}'\n");
  EXPECT_EQ(shown(result.tokens), (V{"N:s", "=", "S:f'{a(1)} and {b.c!r:>{width}} {{literal}}'", "NL"}));
  EXPECT_EQ(shown(result.fstring_tokens), (V{"N:a", "(", "#:1", ")", "NL", "N:b", ".", "N:c", "NL", "N:width", "NL"}));
  EXPECT_TRUE(result.warnings.empty());
}

TEST(PythonTokenizer, FStringsWithNestedQuotes312) {
  // PEP 701: the same quote inside a replacement field starts a nested string.
  auto result = tokenize("s = f\"{x[\"a\"]} {\", \".join(y)}\"\nz = 1\n");
  EXPECT_EQ(shown(result.tokens), (V{"N:s", "=", "S:f\"{x[\"a\"]} {\", \".join(y)}\"", "NL", "N:z", "=", "#:1", "NL"}));
  EXPECT_EQ(shown(result.fstring_tokens),
            (V{"N:x", "[", "S:\"a\"", "]", "NL", "S:\", \"", ".", "N:join", "(", "N:y", ")", "NL"}));
  EXPECT_TRUE(result.warnings.empty());
  // Older style: other quotes inside, a nested f-string, and a dict with a format spec.
  result = tokenize("s = f'{d[\"k\"]:{w}} {f\"{g()}\"}' + F'''{\n  h(1)\n}'''\n");
  EXPECT_EQ(shown(result.tokens).size(), 6u);
  EXPECT_EQ(shown(result.fstring_tokens), (V{"N:d", "[", "S:\"k\"", "]", "NL", "N:w", "NL", "N:g", "(", ")", "NL",
                                             "S:f\"{g()}\"", "NL", "N:h", "(", "#:1", ")", "NL"}));
}

TEST(PythonTokenizer, FStringBracesAndEscapes) {
  // `!=` is an operator, not a conversion; \N{...} is an escape, not a field; `=` debug specifier.
  const auto result = tokenize("s = f'{a != b} \\N{BULLET} {x=}' ; rf'\\{y}'\n");
  EXPECT_EQ(shown(result.fstring_tokens), (V{"N:a", "!=", "N:b", "NL", "N:x", "=", "NL", "N:y", "NL"}));
  EXPECT_TRUE(result.warnings.empty());
}

TEST(PythonTokenizer, ContinuationLinesAndBracketsJoinLines) {
  EXPECT_EQ(toks("x = 1 + \\\n    2\ny = (3,\n\n  # c\n     4)\n"),
            (V{"N:x", "=", "#:1", "+", "#:2", "NL", "N:y", "=", "(", "#:3", ",", "#:4", ")", "NL"}));
}

TEST(PythonTokenizer, IndentAndDedent) {
  EXPECT_EQ(toks("def f():\n    if x:\n        y\n\n    # comment at another level\n  \n    z\nw\n"),
            (V{"N:def", "N:f", "(",   ")",  ":",  "NL",  "IN", "N:if", "N:x", ":",
               "NL",    "IN",  "N:y", "NL", "DE", "N:z", "NL", "DE",   "N:w", "NL"}));
  // Tabs count to the next multiple of 8; indentation at end of file is closed.
  EXPECT_EQ(toks("if a:\n\tb\n        c"), (V{"N:if", "N:a", ":", "NL", "IN", "N:b", "NL", "N:c", "NL", "DE"}));
}

TEST(PythonTokenizer, InconsistentDedentWarns) {
  const auto result = tokenize("if a:\n    b\n  c\n");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "line 3: unindent does not match any outer indentation level");
}

TEST(PythonTokenizer, UnbalancedBracketsWarn) {
  EXPECT_EQ(tokenize("x = )\n").warnings, (std::vector<std::string>{"line 1: unmatched ')'"}));
  EXPECT_EQ(tokenize("x = (\n").warnings, (std::vector<std::string>{"line 2: unclosed bracket at end of file"}));
}

TEST(PythonTokenizer, CrLfAndBom) {
  const auto result = tokenize("\xEF\xBB\xBFimport a\r\nif b:\r\n    c\r\n");
  EXPECT_EQ(shown(result.tokens), (V{"N:import", "N:a", "NL", "N:if", "N:b", ":", "NL", "IN", "N:c", "NL", "DE"}));
  EXPECT_EQ(result.tokens[8].line, 3u);
}

TEST(PythonTokenizer, StringPrefixAndBody) {
  EXPECT_EQ(string_prefix("rb'x'"), "rb");
  EXPECT_EQ(string_body("rb'x'"), "x");
  EXPECT_EQ(string_body("'''a'b'''"), "a'b");
  EXPECT_EQ(string_body("''"), "");
  EXPECT_EQ(string_body("'abc"), "abc");
  EXPECT_TRUE(is_keyword("def"));
  EXPECT_FALSE(is_keyword("match"));
}

}  // namespace
}  // namespace hie::stdlib::python
