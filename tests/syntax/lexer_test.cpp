// Lexer: token kinds, layout (Newline, first_on_line, indent, implicit line joining), numbers and positions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "lexer_test_helpers.h"

namespace hie::syntax {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::kinds;
using testing::lex_text;
using testing::shown_diagnostics;
using testing::shown_tokens;

TEST(LexerTest, EmptyFileIsJustEof) {
  auto lexed = lex_text("");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Eof `` 1:1-1:1"));
  EXPECT_TRUE(lexed.diagnostics.empty());
  EXPECT_TRUE(lexed.tokens.back().first_on_line);
  EXPECT_EQ(lexed.tokens.back().indent, 0u);
}

TEST(LexerTest, WhitespaceAndBlankLinesOnlyIsJustEof) {
  auto lexed = lex_text("  \n\t\n\r\n   ");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Eof `` 4:4-4:4"));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerTest, SimpleElementWithExactPositions) {
  auto lexed = lex_text("element shop {\n    scope src = files.folder_selector('src')\n}\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("KwElement `element` 1:1-1:8", "Identifier `shop` 1:9-1:13", "LBrace `{` 1:14-1:15",
                          "Newline `\\n` 1:15-2:1", "KwScope `scope` 2:5-2:10", "Identifier `src` 2:11-2:14",
                          "Equals `=` 2:15-2:16", "Identifier `files` 2:17-2:22", "Dot `.` 2:22-2:23",
                          "Identifier `folder_selector` 2:23-2:38", "LParen `(` 2:38-2:39", "String `'src'` 2:39-2:44",
                          "RParen `)` 2:44-2:45", "Newline `\\n` 2:45-3:1", "RBrace `}` 3:1-3:2",
                          "Newline `\\n` 3:2-4:1", "Eof `` 4:1-4:1"));
  EXPECT_TRUE(lexed.diagnostics.empty());
  EXPECT_EQ(lexed.tokens[0].span.start.offset, 0u);
  EXPECT_EQ(lexed.tokens[4].span.start.offset, 19u);
}

TEST(LexerTest, FileWithoutTrailingNewlineGetsANewlineBeforeEof) {
  auto lexed = lex_text("a");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Newline `` 1:2-1:2", "Eof `` 1:2-1:2"));
}

TEST(LexerTest, EveryKeyword) {
  auto lexed = lex_text(
      "element template pattern implements binds scope connection_point ref uses check import from as true false "
      "requires allows forbids descendant connection to language connection_check");
  EXPECT_THAT(
      kinds(lexed),
      ElementsAre(TokenKind::KwElement, TokenKind::KwTemplate, TokenKind::KwPattern, TokenKind::KwImplements,
                  TokenKind::KwBinds, TokenKind::KwScope, TokenKind::KwConnectionPoint, TokenKind::KwRef,
                  TokenKind::KwUses, TokenKind::KwCheck, TokenKind::KwImport, TokenKind::KwFrom, TokenKind::KwAs,
                  TokenKind::KwTrue, TokenKind::KwFalse, TokenKind::KwRequires, TokenKind::KwAllows,
                  TokenKind::KwForbids, TokenKind::KwDescendant, TokenKind::KwConnection, TokenKind::KwTo,
                  TokenKind::KwLanguage, TokenKind::KwConnectionCheck, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, IdentifiersThatMerelyResembleKeywords) {
  auto lexed = lex_text("elements element_x Element _ _x x9 connection_checks to2 ref_");
  EXPECT_THAT(
      shown_tokens(lexed),
      ElementsAre("Identifier `elements` 1:1-1:9", "Identifier `element_x` 1:10-1:19", "Identifier `Element` 1:20-1:27",
                  "Identifier `_` 1:28-1:29", "Identifier `_x` 1:30-1:32", "Identifier `x9` 1:33-1:35",
                  "Identifier `connection_checks` 1:36-1:53", "Identifier `to2` 1:54-1:57",
                  "Identifier `ref_` 1:58-1:62", "Newline `` 1:62-1:62", "Eof `` 1:62-1:62"));
}

TEST(LexerTest, EveryPunctuation) {
  auto lexed = lex_text(":=.,()[]{}<>*\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Colon `:` 1:1-1:2", "Equals `=` 1:2-1:3", "Dot `.` 1:3-1:4", "Comma `,` 1:4-1:5",
                          "LParen `(` 1:5-1:6", "RParen `)` 1:6-1:7", "LBracket `[` 1:7-1:8", "RBracket `]` 1:8-1:9",
                          "LBrace `{` 1:9-1:10", "RBrace `}` 1:10-1:11", "LAngle `<` 1:11-1:12", "RAngle `>` 1:12-1:13",
                          "Star `*` 1:13-1:14", "Newline `\\n` 1:14-2:1", "Eof `` 2:1-2:1"));
}

TEST(LexerTest, ScopeWithTypeAngleBrackets) {
  auto lexed = lex_text("scope m<rust>");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::KwScope, TokenKind::Identifier, TokenKind::LAngle,
                                        TokenKind::Identifier, TokenKind::RAngle, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, BlankAndCommentOnlyLinesProduceNoNewline) {
  auto lexed = lex_text("a\n\n   \n# comment\n    # indented comment\n\t\nb\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Newline `\\n` 1:2-2:1",
                                               "Identifier `b` 7:1-7:2", "Newline `\\n` 7:2-8:1", "Eof `` 8:1-8:1"));
}

TEST(LexerTest, CrLfLineEnds) {
  auto lexed = lex_text("a\r\n\r\n  b c\r\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Identifier `a` 1:1-1:2", "Newline `\\r\\n` 1:2-2:1", "Identifier `b` 3:3-3:4",
                          "Identifier `c` 3:5-3:6", "Newline `\\r\\n` 3:6-4:1", "Eof `` 4:1-4:1"));
  EXPECT_TRUE(lexed.diagnostics.empty());
  EXPECT_EQ(lexed.tokens[2].indent, 2u);
}

TEST(LexerTest, LoneCarriageReturnIsAnUnexpectedCharacter) {
  auto lexed = lex_text("a\rb\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Identifier `b` 1:3-1:4",
                                               "Newline `\\n` 1:4-2:1", "Eof `` 2:1-2:1"));
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:2-1:3 unexpected character U+000D"));
}

TEST(LexerTest, FirstOnLineAndIndent) {
  auto lexed = lex_text("element a {\n  scope b = c\n}\n");
  // element a { NL scope b = c NL } NL Eof
  ASSERT_EQ(lexed.tokens.size(), 12u);
  const auto& t = lexed.tokens;
  EXPECT_TRUE(t[0].first_on_line);
  EXPECT_EQ(t[0].indent, 0u);
  EXPECT_FALSE(t[1].first_on_line);
  EXPECT_FALSE(t[2].first_on_line);
  EXPECT_FALSE(t[3].first_on_line);  // Newline
  EXPECT_TRUE(t[4].first_on_line);   // scope
  EXPECT_EQ(t[4].indent, 2u);
  EXPECT_FALSE(t[5].first_on_line);
  EXPECT_EQ(t[5].indent, 2u);  // every token carries its line's indentation
  EXPECT_EQ(t[8].kind, TokenKind::Newline);
  EXPECT_EQ(t[8].indent, 2u);
  EXPECT_TRUE(t[9].first_on_line);  // }
  EXPECT_EQ(t[9].indent, 0u);
  EXPECT_TRUE(t[11].first_on_line);  // Eof closes every indentation block
  EXPECT_EQ(t[11].indent, 0u);
}

TEST(LexerTest, TabsCountFourColumnsOfIndentation) {
  auto lexed = lex_text("element a:\n\tscope b\n\t\tscope c\n \tscope d\n\t  scope e\n");
  std::vector<std::pair<std::string, std::uint32_t>> scopes;
  for (const Token& token : lexed.tokens) {
    if (token.kind == TokenKind::KwScope) scopes.emplace_back(testing::show(token.span), token.indent);
  }
  EXPECT_THAT(scopes, ElementsAre(std::pair<std::string, std::uint32_t>{"2:2-2:7", 4},
                                  std::pair<std::string, std::uint32_t>{"3:3-3:8", 8},
                                  std::pair<std::string, std::uint32_t>{"4:3-4:8", 5},
                                  std::pair<std::string, std::uint32_t>{"5:4-5:9", 6}));
}

TEST(LexerTest, NewlinesInsideParenthesesAndBracketsAreJoined) {
  auto lexed = lex_text("check f(a,\n    [1,\n\n  2],\n  b)\nc\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("KwCheck `check` 1:1-1:6", "Identifier `f` 1:7-1:8", "LParen `(` 1:8-1:9",
                          "Identifier `a` 1:9-1:10", "Comma `,` 1:10-1:11", "LBracket `[` 2:5-2:6",
                          "Number `1` 2:6-2:7", "Comma `,` 2:7-2:8", "Number `2` 4:3-4:4", "RBracket `]` 4:4-4:5",
                          "Comma `,` 4:5-4:6", "Identifier `b` 5:3-5:4", "RParen `)` 5:4-5:5", "Newline `\\n` 5:5-6:1",
                          "Identifier `c` 6:1-6:2", "Newline `\\n` 6:2-7:1", "Eof `` 7:1-7:1"));
  // Joined lines keep their own layout facts.
  EXPECT_TRUE(lexed.tokens[5].first_on_line);
  EXPECT_EQ(lexed.tokens[5].indent, 4u);
}

TEST(LexerTest, NewlinesInsideBracesAreEmitted) {
  auto lexed = lex_text("element x { scope a = f()\n  scope b = g() }\n");
  EXPECT_THAT(kinds(lexed),
              ElementsAre(TokenKind::KwElement, TokenKind::Identifier, TokenKind::LBrace, TokenKind::KwScope,
                          TokenKind::Identifier, TokenKind::Equals, TokenKind::Identifier, TokenKind::LParen,
                          TokenKind::RParen, TokenKind::Newline, TokenKind::KwScope, TokenKind::Identifier,
                          TokenKind::Equals, TokenKind::Identifier, TokenKind::LParen, TokenKind::RParen,
                          TokenKind::RBrace, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, BraceResetsAnUnclosedParenthesis) {
  auto lexed = lex_text("scope a = f(\nelement x {\n  b\n}\n");
  EXPECT_THAT(
      kinds(lexed),
      ElementsAre(TokenKind::KwScope, TokenKind::Identifier, TokenKind::Equals, TokenKind::Identifier,
                  TokenKind::LParen, TokenKind::KwElement, TokenKind::Identifier, TokenKind::LBrace, TokenKind::Newline,
                  TokenKind::Identifier, TokenKind::Newline, TokenKind::RBrace, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, ClosingBraceAlsoResetsTheDepth) {
  auto lexed = lex_text("{ f(\n}\na\n");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::LBrace, TokenKind::Identifier, TokenKind::LParen, TokenKind::RBrace,
                                        TokenKind::Newline, TokenKind::Identifier, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, UnmatchedClosersDoNotMakeTheDepthNegative) {
  auto lexed = lex_text(")]\na\n");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::RParen, TokenKind::RBracket, TokenKind::Newline,
                                        TokenKind::Identifier, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerTest, UnclosedParenthesisAtEndOfFileHasNoNewline) {
  auto lexed = lex_text("f(a\nb");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Identifier, TokenKind::LParen, TokenKind::Identifier,
                                        TokenKind::Identifier, TokenKind::Eof));
}

TEST(LexerTest, IntegerAndDecimalNumbers) {
  auto lexed = lex_text("0 42 007 3.14 -7 -0.5 12.50");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Number `0` 1:1-1:2", "Number `42` 1:3-1:5", "Number `007` 1:6-1:9",
                          "Number `3.14` 1:10-1:14", "Number `-7` 1:15-1:17", "Number `-0.5` 1:18-1:22",
                          "Number `12.50` 1:23-1:28", "Newline `` 1:28-1:28", "Eof `` 1:28-1:28"));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerTest, NumberFollowedByDotAndNonDigitIsNumberThenDot) {
  auto lexed = lex_text("1. 2.x 3..4 5.6.7");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Number `1` 1:1-1:2", "Dot `.` 1:2-1:3", "Number `2` 1:4-1:5", "Dot `.` 1:5-1:6",
                          "Identifier `x` 1:6-1:7", "Number `3` 1:8-1:9", "Dot `.` 1:9-1:10", "Dot `.` 1:10-1:11",
                          "Number `4` 1:11-1:12", "Number `5.6` 1:13-1:16", "Dot `.` 1:16-1:17", "Number `7` 1:17-1:18",
                          "Newline `` 1:18-1:18", "Eof `` 1:18-1:18"));
}

TEST(LexerTest, MinusBelongsToTheNumberOnlyWhenADigitFollows) {
  auto lexed = lex_text("a-1 - 2 -x");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Number `-1` 1:2-1:4", "Number `2` 1:7-1:8",
                                               "Identifier `x` 1:10-1:11", "Newline `` 1:11-1:11", "Eof `` 1:11-1:11"));
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E024 1:5-1:6 unexpected character '-'", "E024 1:9-1:10 unexpected character '-'"));
}

TEST(LexerTest, Int64Limits) {
  auto lexed = lex_text("9223372036854775807 -9223372036854775808");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Number, TokenKind::Number, TokenKind::Newline, TokenKind::Eof));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerTest, IntegerOutOfRangeIsE023AndStillANumber) {
  auto lexed = lex_text("a = 9223372036854775808\nb = -9223372036854775809\nc = 99999999999999999999999999\n");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E023 1:5-1:24 integer literal out of range", "E023 2:5-2:25 integer literal out of range",
                          "E023 3:5-3:31 integer literal out of range"));
  EXPECT_EQ(lexed.tokens[2].kind, TokenKind::Number);
  EXPECT_EQ(lexed.tokens[2].text, "9223372036854775808");
  ASSERT_TRUE(lexed.diagnostics.items()[0].help.has_value());
}

TEST(LexerTest, LongDecimalsAreNotRangeChecked) {
  auto lexed = lex_text("99999999999999999999999999.5");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Number, TokenKind::Newline, TokenKind::Eof));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerTest, DigitsFollowedByLettersAreTwoTokens) {
  auto lexed = lex_text("12ab");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Number `12` 1:1-1:3", "Identifier `ab` 1:3-1:5", "Newline `` 1:5-1:5", "Eof `` 1:5-1:5"));
}

TEST(LexerTest, ColumnsCountCodePoints) {
  auto lexed = lex_text("'héllo' x\n'日本' y\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("String `'héllo'` 1:1-1:8", "Identifier `x` 1:9-1:10",
                                               "Newline `\\n` 1:10-2:1", "String `'日本'` 2:1-2:5",
                                               "Identifier `y` 2:6-2:7", "Newline `\\n` 2:7-3:1", "Eof `` 3:1-3:1"));
  EXPECT_EQ(lexed.tokens[1].span.start.offset, 9u);
}

TEST(LexerTest, LeadingByteOrderMarkIsSkipped) {
  auto lexed = lex_text(
      "\xEF\xBB\xBF"
      "element a\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("KwElement `element` 1:1-1:8", "Identifier `a` 1:9-1:10",
                                               "Newline `\\n` 1:10-2:1", "Eof `` 2:1-2:1"));
  EXPECT_TRUE(lexed.diagnostics.empty());
  EXPECT_EQ(lexed.tokens[0].span.start.offset, 3u);
  EXPECT_TRUE(lexed.tokens[0].first_on_line);
  EXPECT_EQ(lexed.tokens[0].indent, 0u);
}

TEST(LexerTest, ByteOrderMarkElsewhereIsUnexpected) {
  auto lexed = lex_text("a \xEF\xBB\xBF");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:3-1:4 unexpected character U+FEFF"));
}

TEST(LexerTest, ExactlyOneEofAlways) {
  for (const char* text : {"", "\n", "a", "a\n", "f(", "'x", "###", "## d", "\xFF", "{"}) {
    auto lexed = lex_text(text);
    ASSERT_FALSE(lexed.tokens.empty()) << text;
    EXPECT_EQ(lexed.tokens.back().kind, TokenKind::Eof) << text;
    EXPECT_EQ(std::count_if(lexed.tokens.begin(), lexed.tokens.end(),
                            [](const Token& t) { return t.kind == TokenKind::Eof; }),
              1)
        << text;
    EXPECT_EQ(lexed.tokens.back().span.start.offset, lexed.source->text().size()) << text;
  }
}

}  // namespace
}  // namespace hie::syntax
