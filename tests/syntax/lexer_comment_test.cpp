// Lexer: '#' comments, '##' doc comments and the '###' block-comment and heading rules.
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

TEST(LexerCommentTest, LineCommentAfterAStatementIsIgnored) {
  auto lexed = lex_text("a = 1 # the answer\n# alone\nb\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Equals `=` 1:3-1:4", "Number `1` 1:5-1:6",
                                               "Newline `\\n` 1:19-2:1", "Identifier `b` 3:1-3:2",
                                               "Newline `\\n` 3:2-4:1", "Eof `` 4:1-4:1"));
}

TEST(LexerCommentTest, CommentAtEndOfFileWithoutNewline) {
  auto lexed = lex_text("a # c");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Newline `` 1:6-1:6", "Eof `` 1:6-1:6"));
}

TEST(LexerCommentTest, DocCommentIsATokenWithTrimmedValue) {
  auto lexed = lex_text("## Lexer - tokenizes .hie files\nelement lexer\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("DocComment `## Lexer - tokenizes .hie files` 1:1-1:32", "KwElement `element` 2:1-2:8",
                          "Identifier `lexer` 2:9-2:14", "Newline `\\n` 2:14-3:1", "Eof `` 3:1-3:1"));
  EXPECT_EQ(lexed.tokens[0].value, "Lexer - tokenizes .hie files");
  EXPECT_TRUE(lexed.tokens[0].first_on_line);
}

TEST(LexerCommentTest, DocCommentTrimsHashesAndExactlyOneSpace) {
  EXPECT_EQ(only_value(lex_text("##no space"), TokenKind::DocComment), "no space");
  EXPECT_EQ(only_value(lex_text("##   three spaces "), TokenKind::DocComment), "  three spaces ");
  EXPECT_EQ(only_value(lex_text("##"), TokenKind::DocComment), "");
  EXPECT_EQ(only_value(lex_text("## \n"), TokenKind::DocComment), "");
  EXPECT_EQ(only_value(lex_text("##\ttab"), TokenKind::DocComment), "\ttab");
  EXPECT_EQ(only_value(lex_text("#### Level four"), TokenKind::DocComment), "Level four");
  EXPECT_EQ(only_value(lex_text("## a # b ## c"), TokenKind::DocComment), "a # b ## c");
}

TEST(LexerCommentTest, DocCommentWithCrLfDropsTheCarriageReturn) {
  auto lexed = lex_text("## Title\r\nelement a\r\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("DocComment `## Title` 1:1-1:9", "KwElement `element` 2:1-2:8", "Identifier `a` 2:9-2:10",
                          "Newline `\\r\\n` 2:10-3:1", "Eof `` 3:1-3:1"));
  EXPECT_EQ(lexed.tokens[0].value, "Title");
}

TEST(LexerCommentTest, DocCommentWithLoneCarriageReturnAtEndOfFile) {
  auto lexed = lex_text("## Title\r");
  EXPECT_EQ(only_value(lexed, TokenKind::DocComment), "Title");
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerCommentTest, BannerLinesAreEmptyDocComments) {
  auto lexed = lex_text("##########\n## Section\n##########\n");
  EXPECT_THAT(kinds(lexed),
              ElementsAre(TokenKind::DocComment, TokenKind::DocComment, TokenKind::DocComment, TokenKind::Eof));
  EXPECT_EQ(lexed.tokens[0].value, "");
  EXPECT_EQ(lexed.tokens[1].value, "Section");
}

TEST(LexerCommentTest, IndentedDocCommentKeepsItsLayout) {
  auto lexed = lex_text("element x {\n    ## doc\n    scope a\n}\n");
  const Token& doc = lexed.tokens[4];
  ASSERT_EQ(doc.kind, TokenKind::DocComment);
  EXPECT_EQ(testing::show(doc.span), "2:5-2:11");
  EXPECT_TRUE(doc.first_on_line);
  EXPECT_EQ(doc.indent, 4u);
  // A doc-comment line owes no Newline: the next token is the scope.
  EXPECT_EQ(lexed.tokens[5].kind, TokenKind::KwScope);
  EXPECT_TRUE(lexed.tokens[5].first_on_line);
}

TEST(LexerCommentTest, TrailingDocCommentIsIgnored) {
  auto lexed = lex_text("scope a = f() ## trailing\nb ### trailing heading\n");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::KwScope, TokenKind::Identifier, TokenKind::Equals,
                                        TokenKind::Identifier, TokenKind::LParen, TokenKind::RParen, TokenKind::Newline,
                                        TokenKind::Identifier, TokenKind::Newline, TokenKind::Eof));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerCommentTest, DocCommentAfterOpeningBraceOnTheSameLineIsIgnored) {
  auto lexed = lex_text("element x { ## doc\n}\n");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::KwElement, TokenKind::Identifier, TokenKind::LBrace,
                                        TokenKind::Newline, TokenKind::RBrace, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerCommentTest, DocCommentInsideParenthesesIsIgnored) {
  auto lexed = lex_text("check f(\n  ## not documentation\n  ### nor this\n  a)\n");
  EXPECT_THAT(kinds(lexed), ElementsAre(TokenKind::KwCheck, TokenKind::Identifier, TokenKind::LParen,
                                        TokenKind::Identifier, TokenKind::RParen, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerCommentTest, MultiLineBlockCommentKeepsLineNumbersExact) {
  // The older tool reported an error on line 6 as line 3 after such a block.
  auto lexed = lex_text("###\nCompiler Core\nDemonstrates things.\n###\nelement core {\n  !\n}\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("KwElement `element` 5:1-5:8", "Identifier `core` 5:9-5:13", "LBrace `{` 5:14-5:15",
                          "Newline `\\n` 5:15-6:1", "RBrace `}` 7:1-7:2", "Newline `\\n` 7:2-8:1", "Eof `` 8:1-8:1"));
  EXPECT_THAT(shown_diagnostics(lexed), ElementsAre("E024 6:3-6:4 unexpected character '!'"));
  EXPECT_TRUE(lexed.tokens[0].first_on_line);
}

TEST(LexerCommentTest, BlockCommentBodyMayContainHashesAndCode) {
  auto lexed = lex_text("###\n# not a comment start\n## not a doc\nelement hidden { }\n'unclosed\n###\nx\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `x` 7:1-7:2", "Newline `\\n` 7:2-8:1", "Eof `` 8:1-8:1"));
  EXPECT_TRUE(lexed.diagnostics.empty());
}

TEST(LexerCommentTest, OpenerWithTrailingWhitespaceAndCrLf) {
  auto lexed = lex_text("###  \t\r\nbody\r\n###\r\ny\r\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `y` 4:1-4:2", "Newline `\\r\\n` 4:2-5:1", "Eof `` 5:1-5:1"));
}

TEST(LexerCommentTest, TextAfterTheClosingMarkerIsLexed) {
  auto lexed = lex_text("###\nbody\n   ### scope a\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("KwScope `scope` 3:8-3:13", "Identifier `a` 3:14-3:15",
                                               "Newline `\\n` 3:15-4:1", "Eof `` 4:1-4:1"));
  EXPECT_TRUE(lexed.tokens[0].first_on_line);  // block comments do not count as tokens
  EXPECT_EQ(lexed.tokens[0].indent, 3u);       // the indentation of the closing line
}

TEST(LexerCommentTest, OneLineBlockComment) {
  auto lexed = lex_text("### note ### element a\n### just a note ###\nb ### inline ### c\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("KwElement `element` 1:14-1:21", "Identifier `a` 1:22-1:23",
                                               "Newline `\\n` 1:23-2:1", "Identifier `b` 3:1-3:2",
                                               "Identifier `c` 3:18-3:19", "Newline `\\n` 3:19-4:1", "Eof `` 4:1-4:1"));
  EXPECT_TRUE(lexed.tokens[0].first_on_line);
  EXPECT_FALSE(lexed.tokens[4].first_on_line);
}

TEST(LexerCommentTest, HeadingsNeverSwallowTheCodeBetweenThem) {
  // The older tool lost `element a` here: `### Title ... ###` was one comment.
  auto lexed = lex_text("### Section A\nelement a\n### Section B\nelement b\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("DocComment `### Section A` 1:1-1:14", "KwElement `element` 2:1-2:8",
                                               "Identifier `a` 2:9-2:10", "Newline `\\n` 2:10-3:1",
                                               "DocComment `### Section B` 3:1-3:14", "KwElement `element` 4:1-4:8",
                                               "Identifier `b` 4:9-4:10", "Newline `\\n` 4:10-5:1", "Eof `` 5:1-5:1"));
  EXPECT_EQ(lexed.tokens[0].value, "Section A");
  EXPECT_EQ(lexed.tokens[4].value, "Section B");
}

TEST(LexerCommentTest, BareMarkerWithoutCloserIsAnEmptyDocComment) {
  auto lexed = lex_text("a\n###\nb\n");
  EXPECT_THAT(shown_tokens(lexed),
              ElementsAre("Identifier `a` 1:1-1:2", "Newline `\\n` 1:2-2:1", "DocComment `###` 2:1-2:4",
                          "Identifier `b` 3:1-3:2", "Newline `\\n` 3:2-4:1", "Eof `` 4:1-4:1"));
  EXPECT_EQ(lexed.tokens[2].value, "");
}

TEST(LexerCommentTest, BareMarkerAtEndOfFile) {
  auto lexed = lex_text("a\n###");
  EXPECT_THAT(kinds(lexed),
              ElementsAre(TokenKind::Identifier, TokenKind::Newline, TokenKind::DocComment, TokenKind::Eof));
}

TEST(LexerCommentTest, MarkersPairUpAndAnUnpairedOneIsADocComment) {
  auto lexed = lex_text("###\na\n###   \nb\n");
  // The second marker closes the first one; text after it is empty, so `b` follows.
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `b` 4:1-4:2", "Newline `\\n` 4:2-5:1", "Eof `` 5:1-5:1"));
  auto unclosed = lex_text("x\n###\n###\n###\ny\n");
  // Markers 1 and 2 form a block; marker 3 has no closer and is an empty doc-comment line.
  EXPECT_THAT(kinds(unclosed), ElementsAre(TokenKind::Identifier, TokenKind::Newline, TokenKind::DocComment,
                                           TokenKind::Identifier, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerCommentTest, BlockCommentAfterTokensEndsTheirLine) {
  auto lexed = lex_text("a ###\ncomment\n### b\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("Identifier `a` 1:1-1:2", "Newline `\\n` 1:6-2:1",
                                               "Identifier `b` 3:5-3:6", "Newline `\\n` 3:6-4:1", "Eof `` 4:1-4:1"));
  EXPECT_TRUE(lexed.tokens[2].first_on_line);
}

TEST(LexerCommentTest, BlockCommentInsideParenthesesProducesNoNewline) {
  auto lexed = lex_text("f(a ###\ncomment\n### , b)\n");
  EXPECT_THAT(kinds(lexed),
              ElementsAre(TokenKind::Identifier, TokenKind::LParen, TokenKind::Identifier, TokenKind::Comma,
                          TokenKind::Identifier, TokenKind::RParen, TokenKind::Newline, TokenKind::Eof));
}

TEST(LexerCommentTest, ClosingMarkerIsTheFirstThreeHashesOfALongerRun) {
  // The rest of the run is lexed normally: "##### trailing" is a doc-comment line, first on its line.
  auto lexed = lex_text("###\nbody\n######## trailing\nz\n");
  EXPECT_THAT(shown_tokens(lexed), ElementsAre("DocComment `##### trailing` 3:4-3:18", "Identifier `z` 4:1-4:2",
                                               "Newline `\\n` 4:2-5:1", "Eof `` 5:1-5:1"));
  EXPECT_EQ(lexed.tokens[0].value, "trailing");
}

}  // namespace
}  // namespace hie::syntax
