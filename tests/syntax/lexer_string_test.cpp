// Lexer: string literals, escapes (E021), unterminated strings (E022) and positions after multi-line strings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lexer_test_helpers.h"

namespace hie::syntax {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::kinds;
using testing::lex_text;
using testing::only_value;
using testing::shown_diagnostics;
using testing::shown_tokens;

TEST(LexerStringTest, SingleAndDoubleQuotes) {
  auto lexed = lex_text("'src' \"it's\" 'say \"hi\"' ''");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("String `'src'` 1:1-1:6", "String `\"it's\"` 1:7-1:13", "String `'say \"hi\"'` 1:14-1:24",
                          "String `''` 1:25-1:27", "Newline `` 1:27-1:27", "Eof `` 1:27-1:27"));
  EXPECT_EQ(lexed.tokens[0].value, "src");
  EXPECT_EQ(lexed.tokens[1].value, "it's");
  EXPECT_EQ(lexed.tokens[2].value, "say \"hi\"");
  EXPECT_EQ(lexed.tokens[3].value, "");
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerStringTest, SimpleEscapes) {
  auto lexed = lex_text(R"('a\nb\tc\rd\\e\'f\"g\0h')");
  EXPECT_EQ(only_value(lexed, TokenKind::String), std::string("a\nb\tc\rd\\e'f\"g\0h", 15));
  EXPECT_TRUE(lexed.diagnostics.empty());
  auto doubled = lex_text(R"("\"quoted\" \\")");
  EXPECT_EQ(only_value(doubled, TokenKind::String), "\"quoted\" \\");
}

TEST(LexerStringTest, UnicodeEscapes) {
  auto lexed = lex_text(R"('\u{41}\u{e9}\u{00E9}\u{1F600}\u{10FFFF}\u{0}')");
  EXPECT_EQ(only_value(lexed, TokenKind::String),
            std::string("A\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\0", 14));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerStringTest, NonAsciiTextIsKept) {
  auto lexed = lex_text("'café 日本 😀'");
  EXPECT_EQ(only_value(lexed, TokenKind::String), "café 日本 😀");
  EXPECT_EQ(testing::show(lexed.tokens[0].span), "1:1-1:12");
}

TEST(LexerStringTest, InvalidEscapeIsE021AtTheBackslashAndKeptVerbatim) {
  auto lexed = lex_text("x = 'a\\qb'\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E021 1:7-1:9 invalid escape sequence '\\q'"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), "a\\qb");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Identifier, TokenKind::Equals, TokenKind::String, TokenKind::Newline,
                                        TokenKind::Eof));
  ASSERT_TRUE(lexed.diagnostics.items()[0].help.has_value());
}

TEST(LexerStringTest, EveryInvalidEscapeIsReported) {
  auto lexed = lex_text(R"('\x41 \a \é \1')");
  EXPECT_THAT(
      shown_diagnostics(lexed),
      ElementsAre("E021 1:2-1:4 invalid escape sequence '\\x'", "E021 1:7-1:9 invalid escape sequence '\\a'",
                  "E021 1:10-1:12 invalid escape sequence '\\é'", "E021 1:13-1:15 invalid escape sequence '\\1'"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), R"(\x41 \a \é \1)");
}

TEST(LexerStringTest, InvisibleCharacterAfterBackslashIsNamed) {
  auto lexed = lex_text("'\\\t'");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E021 1:2-1:4 invalid escape sequence '\\' followed by U+0009"));
}

TEST(LexerStringTest, BackslashAtEndOfLineInAMultiLineString) {
  auto lexed = lex_text("'a\\\nb'\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E021 1:3-1:4 invalid escape sequence '\\' at the end of a line"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), "a\\\nb");
  auto crlf = lex_text("'a\\\r\nb'\r\n");
  EXPECT_THAT(shown_diagnostics(crlf), ElementsAre("E021 1:3-1:4 invalid escape sequence '\\' at the end of a line"));
  EXPECT_EQ(only_value(crlf, TokenKind::String), "a\\\nb");
}

TEST(LexerStringTest, MalformedUnicodeEscapes) {
  auto lexed = lex_text(R"('\u41 \u{} \u{110000} \u{D800} \u{1234567} \u{12 \u{zz}')");
  EXPECT_THAT(
      shown_diagnostics(lexed),
      ElementsAre("E021 1:2-1:4 invalid escape sequence '\\u'", "E021 1:7-1:11 invalid escape sequence '\\u{}'",
                  "E021 1:12-1:22 invalid escape sequence '\\u{110000}'",
                  "E021 1:23-1:31 invalid escape sequence '\\u{D800}'",
                  "E021 1:32-1:43 invalid escape sequence '\\u{1234567}'",
                  "E021 1:44-1:49 invalid escape sequence '\\u{12'", "E021 1:50-1:53 invalid escape sequence '\\u{'"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), R"(\u41 \u{} \u{110000} \u{D800} \u{1234567} \u{12 \u{zz})");
}

TEST(LexerStringTest, VeryLongUnicodeEscapeIsShortenedInTheMessage) {
  auto lexed = lex_text("'\\u{" + std::string(100, '0') + "}'");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E021 1:2-1:106 invalid escape sequence '\\u{0000000000000...'"));
}

TEST(LexerStringTest, UnicodeEscapeUnclosedAtTheClosingQuote) {
  auto lexed = lex_text(R"('\u{41')");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E021 1:2-1:7 invalid escape sequence '\\u{41'"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), "\\u{41");
}

TEST(LexerStringTest, MultiLineStringKeepsLaterPositionsExact) {
  auto lexed = lex_text("x = 'line one\nline two\nline three' y\nz !\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `x` 1:1-1:2", "Equals `=` 1:3-1:4",
                                               "String `'line one\\nline two\\nline three'` 1:5-3:12",
                                               "Identifier `y` 3:13-3:14", "Newline `\\n` 3:14-4:1",
                                               "Identifier `z` 4:1-4:2", "Newline `\\n` 4:4-5:1", "Eof `` 5:1-5:1"));
  EXPECT_EQ(lexed.tokens[2].value, "line one\nline two\nline three");
  EXPECT_FALSE(lexed.tokens[3].first_on_line);  // the string ends on y's line
  EXPECT_TRUE(lexed.tokens[5].first_on_line);
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 4:3-4:4 unexpected character '!'"));
}

TEST(LexerStringTest, CrLfInsideAStringIsANewlineInTheValue) {
  auto lexed = lex_text("'a\r\nb'\r\n");
  EXPECT_EQ(only_value(lexed, TokenKind::String), "a\nb");
  EXPECT_EQ(lexed.tokens[0].text, "'a\r\nb'");
  EXPECT_EQ(testing::show(lexed.tokens[0].span), "1:1-2:3");
}

TEST(LexerStringTest, LoneCarriageReturnInsideAStringIsKept) {
  auto lexed = lex_text("'a\rb'");
  EXPECT_EQ(only_value(lexed, TokenKind::String), "a\rb");
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerStringTest, UnterminatedStringEndsAtTheEndOfItsLine) {
  auto lexed = lex_text("scope a = 'abc\nscope b = 1\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E022 1:11-1:12 unterminated string"));
  EXPECT_THAT(
      shown_tokens(lexed),
      ElementsAre("KwScope `scope` 1:1-1:6", "Identifier `a` 1:7-1:8", "Equals `=` 1:9-1:10", "String `'abc` 1:11-1:15",
                  "Newline `\\n` 1:15-2:1", "KwScope `scope` 2:1-2:6", "Identifier `b` 2:7-2:8", "Equals `=` 2:9-2:10",
                  "Number `1` 2:11-2:12", "Newline `\\n` 2:12-3:1", "Eof `` 3:1-3:1"));
  EXPECT_EQ(lexed.tokens[3].value, "abc");
  ASSERT_TRUE(lexed.diagnostics.items()[0].help.has_value());
  EXPECT_EQ(*lexed.diagnostics.items()[0].help, "add the closing ' (strings may span lines)");
}

TEST(LexerStringTest, UnterminatedStringInsideACall) {
  // The older tool could accept `f('abc)` as `f(abc)`. Here the string swallows the ')' of its line, and the
  // '(' left open joins the next line until the parser reports the missing ')'.
  auto lexed = lex_text("scope a = f('abc)\nscope b = 1\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E022 1:13-1:14 unterminated string"));
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("KwScope `scope` 1:1-1:6", "Identifier `a` 1:7-1:8", "Equals `=` 1:9-1:10",
                          "Identifier `f` 1:11-1:12", "LParen `(` 1:12-1:13", "String `'abc)` 1:13-1:18",
                          "KwScope `scope` 2:1-2:6", "Identifier `b` 2:7-2:8", "Equals `=` 2:9-2:10",
                          "Number `1` 2:11-2:12", "Eof `` 3:1-3:1"));
  EXPECT_EQ(lexed.tokens[5].value, "abc)");
}

TEST(LexerStringTest, UnterminatedStringAtEndOfFileWithCrLfAndEscapes) {
  auto lexed = lex_text("a = \"x\\q\r\nb\r\n");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E022 1:5-1:6 unterminated string", "E021 1:7-1:9 invalid escape sequence '\\q'"));
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Equals `=` 1:3-1:4",
                                               "String `\"x\\q` 1:5-1:9", "Newline `\\r\\n` 1:9-2:1",
                                               "Identifier `b` 2:1-2:2", "Newline `\\r\\n` 2:2-3:1", "Eof `` 3:1-3:1"));
}

TEST(LexerStringTest, UnterminatedStringWithoutNewlineAndTrailingBackslash) {
  auto lexed = lex_text("'abc\\");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E022 1:1-1:2 unterminated string"));
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("String `'abc\\` 1:1-1:6", "Newline `` 1:6-1:6", "Eof `` 1:6-1:6"));
  EXPECT_EQ(lexed.tokens[0].value, "abc\\");
}

TEST(LexerStringTest, EscapedQuoteDoesNotCloseTheString) {
  auto lexed = lex_text(R"('it\'s' x)");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("String `'it\\'s'` 1:1-1:8", "Identifier `x` 1:9-1:10",
                                               "Newline `` 1:10-1:10", "Eof `` 1:10-1:10"));
  auto unclosed = lex_text(R"('it\')");
  EXPECT_THAT(shown_diagnostics(unclosed), ElementsAre("E022 1:1-1:2 unterminated string"));
}

TEST(LexerStringTest, OtherQuoteKindDoesNotCloseTheString) {
  auto lexed = lex_text("'abc\"\nx \"y\"\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E022 1:1-1:2 unterminated string"));
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::String, TokenKind::Newline, TokenKind::Identifier, TokenKind::String,
                                        TokenKind::Newline, TokenKind::Eof));
  EXPECT_EQ(lexed.tokens[3].value, "y");
}

TEST(LexerStringTest, QuotesOnDifferentLinesPairUp) {
  auto lexed = lex_text("a '\nb '\nc \"\n");
  // Line 1's quote pairs with line 2's (strings may span lines); line 3's has no partner.
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E022 3:3-3:4 unterminated string"));
}

TEST(LexerStringTest, QuotesWhoseClosersAreAllEscaped) {
  // Every later quote is escaped from the first one's point of view, so each one is unterminated; the scan
  // to the end of the file happens once (see find_closing_quote), and the positions stay exact.
  auto lexed = lex_text("\\'\n\\'\n\\'\n");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E024 1:1-1:2 unexpected character '\\'", "E022 1:2-1:3 unterminated string",
                          "E024 2:1-2:2 unexpected character '\\'", "E022 2:2-2:3 unterminated string",
                          "E024 3:1-3:2 unexpected character '\\'", "E022 3:2-3:3 unterminated string"));
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::String, TokenKind::Newline, TokenKind::String, TokenKind::Newline,
                                        TokenKind::String, TokenKind::Newline, TokenKind::Eof));
}

}  // namespace
}  // namespace hie::syntax
