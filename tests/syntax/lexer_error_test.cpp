// Lexer: invalid UTF-8 (E020), unexpected characters (E024), and robustness on arbitrary bytes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <utility>

#include "lexer_test_helpers.h"

namespace hie::syntax {
namespace {

using ::testing::ElementsAre;
using testing::kinds;
using testing::lex_text;
using testing::only_value;
using testing::shown_diagnostics;
using testing::shown_tokens;

TEST(LexerErrorTest, NotEqualsIsOneUnexpectedCharacterThenEquals) {
  // The older tool silently turned `a != b` into `a = b`.
  auto lexed = lex_text("a != b\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Equals `=` 1:4-1:5", "Identifier `b` 1:6-1:7",
                                               "Newline `\\n` 1:7-2:1", "Eof `` 2:1-2:1"));
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:3-1:4 unexpected character '!'"));
}

TEST(LexerErrorTest, OneDiagnosticPerRunOfUnexpectedCharacters) {
  auto lexed = lex_text("a @@@ b ;; $c ?\n");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E024 1:3-1:6 unexpected character '@'", "E024 1:9-1:11 unexpected character ';'",
                          "E024 1:12-1:13 unexpected character '$'", "E024 1:15-1:16 unexpected character '?'"));
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Identifier, TokenKind::Identifier, TokenKind::Identifier,
                                        TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerErrorTest, RunStopsAtAMinusThatStartsANumber) {
  auto lexed = lex_text("+-1");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:1-1:2 unexpected character '+'"));
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Number `-1` 1:2-1:4", "Newline `` 1:4-1:4", "Eof `` 1:4-1:4"));
  auto minus_run = lex_text("--1");
  EXPECT_THAT(shown_diagnostics(minus_run), ElementsAre("E024 1:1-1:2 unexpected character '-'"));
}

TEST(LexerErrorTest, NonAsciiLetterOutsideAStringEndsTheIdentifier) {
  auto lexed = lex_text("element café\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("KwElement `element` 1:1-1:8", "Identifier `caf` 1:9-1:12",
                                               "Newline `\\n` 1:13-2:1", "Eof `` 2:1-2:1"));
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:12-1:13 unexpected character 'é'"));
}

TEST(LexerErrorTest, RunOfNonAsciiCharactersIsOneDiagnostic) {
  auto lexed = lex_text("日本語 x");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:1-1:4 unexpected character '日'"));
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `x` 1:5-1:6", "Newline `` 1:6-1:6", "Eof `` 1:6-1:6"));
}

TEST(LexerErrorTest, InvisibleCharactersAreShownAsCodePoints) {
  auto lexed = lex_text(std::string("a\0b", 3) + " c\x01 d\xE2\x80\x8B e\xC2\xA0 f\x7F");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E024 1:2-1:3 unexpected character U+0000", "E024 1:6-1:7 unexpected character U+0001",
                          "E024 1:9-1:10 unexpected character U+200B", "E024 1:12-1:13 unexpected character U+00A0",
                          "E024 1:15-1:16 unexpected character U+007F"));
  EXPECT_THAT(kinds(lexed),
              ElementsAre(TokenKind::Identifier, TokenKind::Identifier, TokenKind::Identifier, TokenKind::Identifier,
                          TokenKind::Identifier, TokenKind::Identifier, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerErrorTest, BackslashOutsideAString) {
  auto lexed = lex_text("a \\\nb");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 1:3-1:4 unexpected character '\\'"));
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::Identifier, TokenKind::Newline, TokenKind::Identifier,
                                        TokenKind::Newline, TokenKind::Eof));
}

// One case per kind of invalid UTF-8: the diagnostic points at the first bad byte and lexing goes on.
TEST(LexerErrorTest, InvalidUtf8KindsAreE020AtTheFirstBadByte) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* span;  // of the bad run; `x` follows it
  };
  const Case cases[] = {
      {"bad lead byte", "\xFF", "1:3-1:4"},
      {"stray continuation byte", "\x80", "1:3-1:4"},
      {"truncated two-byte sequence", "\xC3", "1:3-1:4"},
      {"truncated three-byte sequence", "\xE2\x82", "1:3-1:5"},
      {"overlong two-byte", "\xC0\xAF", "1:3-1:5"},
      {"overlong three-byte", "\xE0\x80\xAF", "1:3-1:6"},
      {"surrogate", "\xED\xA0\x80", "1:3-1:6"},
      {"above U+10FFFF", "\xF4\x90\x80\x80", "1:3-1:7"},
      {"F5 lead byte", "\xF5\x80\x80\x80", "1:3-1:7"},
  };
  for (const Case& c : cases) {
    auto lexed = lex_text("a " + c.bytes + "x\n");
    EXPECT_THAT(shown_diagnostics(lexed), ElementsAre(std::string("E020 ") + c.span + " invalid UTF-8")) << c.name;
    ASSERT_EQ(lexed.tokens.size(), 4u) << c.name;
    EXPECT_EQ(lexed.tokens[1].text, "x") << c.name;
    // Each bad byte is one column, so `x` sits right after the run.
    EXPECT_EQ(lexed.tokens[1].span.start.column, lexed.diagnostics.items()[0].span.end.column) << c.name;
    EXPECT_EQ(lexed.diagnostics.items()[0].span.start.offset, 2u) << c.name;
  }
}

TEST(LexerErrorTest, InvalidUtf8AtEndOfFileAndBetweenValidCharacters) {
  auto lexed = lex_text("é\xC3");
  EXPECT_THAT(shown_diagnostics(lexed),
              ElementsAre("E024 1:1-1:2 unexpected character 'é'", "E020 1:2-1:3 invalid UTF-8"));
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Eof `` 1:3-1:3"));
}

TEST(LexerErrorTest, InvalidUtf8InsideAStringBecomesReplacementCharacters) {
  auto lexed = lex_text(
      "'a\xFF\xFE"
      "b' c");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E020 1:3-1:5 invalid UTF-8"));
  EXPECT_EQ(only_value(lexed, TokenKind::String),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(lexed.tokens[0].text,
            "'a\xFF\xFE"
            "b'");
  EXPECT_EQ(testing::show(lexed.tokens[1].span), "1:8-1:9");
}

TEST(LexerErrorTest, InvalidUtf8AfterABackslashIsOnlyE020) {
  auto lexed = lex_text("'\\\xFF'");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E020 1:3-1:4 invalid UTF-8"));
  EXPECT_EQ(only_value(lexed, TokenKind::String), "\\\xEF\xBF\xBD");
}

TEST(LexerErrorTest, InvalidUtf8InCommentsIsReported) {
  auto lexed = lex_text("# a\xFF\n## b\xFE\n###\n\xC0\n###\n### c \x80 ###\n");
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E020 1:4-1:5 invalid UTF-8", "E020 2:5-2:6 invalid UTF-8",
                                                    "E020 4:1-4:2 invalid UTF-8", "E020 6:7-6:8 invalid UTF-8"));
  EXPECT_EQ(only_value(lexed, TokenKind::DocComment), "b\xEF\xBF\xBD");
}

TEST(LexerErrorTest, DiagnosticsCarryTheFilePathAndErrorSeverity) {
  auto lexed = lex_text("!");
  ASSERT_EQ(lexed.diagnostics.size(), 1u);
  EXPECT_EQ(lexed.diagnostics.items()[0].file, "test.hie");
  EXPECT_EQ(lexed.diagnostics.items()[0].severity, Severity::Error);
}

// Invariants on arbitrary input: exactly one Eof, last; spans in order and inside the text; every position equal
// to SourceFile::position_at (the lexer tracks positions incrementally); no Newline right after a Newline.
void expect_invariants(const std::string& text) {
  auto lexed = lex_text(text);
  const SourceFile& source = *lexed.source;
  ASSERT_FALSE(lexed.tokens.empty());
  ASSERT_EQ(lexed.tokens.back().kind, TokenKind::Eof);
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < lexed.tokens.size(); ++i) {
    const Token& token = lexed.tokens[i];
    if (i + 1 < lexed.tokens.size()) {
      ASSERT_NE(token.kind, TokenKind::Eof);
    }
    ASSERT_LE(previous_end, token.span.start.offset);
    ASSERT_LE(token.span.start.offset, token.span.end.offset);
    ASSERT_LE(token.span.end.offset, text.size());
    ASSERT_EQ(token.span.start, source.position_at(token.span.start.offset));
    ASSERT_EQ(token.span.end, source.position_at(token.span.end.offset));
    ASSERT_EQ(token.text, text.substr(token.span.start.offset, token.span.end.offset - token.span.start.offset));
    if (token.kind == TokenKind::Newline) {
      ASSERT_TRUE(i > 0 && lexed.tokens[i - 1].kind != TokenKind::Newline);
      ASSERT_FALSE(token.first_on_line);
    }
    previous_end = token.span.end.offset;
  }
  for (const Diagnostic& diagnostic : lexed.diagnostics.items()) {
    ASSERT_EQ(diagnostic.span.start, source.position_at(diagnostic.span.start.offset));
    ASSERT_EQ(diagnostic.span.end, source.position_at(diagnostic.span.end.offset));
    ASSERT_LT(diagnostic.span.start.offset, diagnostic.span.end.offset);
    ASSERT_FALSE(diagnostic.message.empty());
  }
}

TEST(LexerErrorTest, InvariantsHoldOnRandomFragments) {
  const std::vector<std::string> fragments = {"element",
                                              " ",
                                              "\t",
                                              "\n",
                                              "\r\n",
                                              "\r",
                                              "#",
                                              "##",
                                              "###",
                                              "'",
                                              "\"",
                                              "\\",
                                              "(",
                                              ")",
                                              "[",
                                              "]",
                                              "{",
                                              "}",
                                              "-",
                                              "1",
                                              ".",
                                              "5",
                                              "x",
                                              "é",
                                              "日",
                                              "\xFF",
                                              "\xC3",
                                              "\x80",
                                              "\xE2\x82",
                                              "\xF0\x9F\x98\x80",
                                              "\\u{",
                                              "}",
                                              "!",
                                              "=",
                                              ":",
                                              "\0",
                                              "\xEF\xBB\xBF",
                                              "9223372036854775808",
                                              "\\n",
                                              "### t ###"};
  std::mt19937 random(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int pieces = static_cast<int>(random() % 40);
    for (int i = 0; i < pieces; ++i) text += fragments[random() % fragments.size()];
    SCOPED_TRACE(testing::escaped(text));
    expect_invariants(text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(LexerErrorTest, InvariantsHoldOnRandomBytes) {
  std::mt19937 random(54321);
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 64, '\0');
    for (char& c : text) c = static_cast<char>(random() % 256);
    SCOPED_TRACE(testing::escaped(text));
    expect_invariants(text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// Inputs that would make a naive lexer quadratic: positions counted from the start of the line for every
// token, an unclosed quote searched to the end of the file again for every stray quote, the end of the line
// searched again for every comment on it. Linear lexing takes milliseconds; the quadratic versions take
// seconds to minutes. Timing means nothing in sanitizer and unoptimized builds, so the test runs in optimized
// builds only (the default RelWithDebInfo included).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(NDEBUG)
constexpr bool kTimingIsMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kTimingIsMeaningful = false;
#else
constexpr bool kTimingIsMeaningful = true;
#endif
#else
constexpr bool kTimingIsMeaningful = true;
#endif

TEST(LexerErrorTest, PathologicalInputsStayLinear) {
  if (!kTimingIsMeaningful) GTEST_SKIP() << "timing is only meaningful in optimized builds without sanitizers";
  const struct {
    const char* name;
    const char* unit;
    int repeat;
  } inputs[] = {
      {"one long line of tokens", "a.b ", 50000},
      {"stray quotes whose closers are all escaped", "\\'\n", 50000},
      {"block comments on one long line", "### c ### x ", 100000},
  };
  for (const auto& input : inputs) {
    std::string text;
    for (int i = 0; i < input.repeat; ++i) text += input.unit;
    const auto begin = std::chrono::steady_clock::now();
    auto lexed = lex_text(text);
    const auto elapsed = std::chrono::steady_clock::now() - begin;
    EXPECT_EQ(lexed.tokens.back().kind, TokenKind::Eof);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000) << input.name;
  }
}

}  // namespace
}  // namespace hie::syntax
