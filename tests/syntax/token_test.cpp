// Token kinds: keyword spellings, name keywords and the user-facing descriptions used in messages.
#include "syntax/token.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "lexer_test_helpers.h"

namespace hie::syntax {
namespace {

constexpr TokenKind kAllKinds[] = {
    TokenKind::KwElement,
    TokenKind::KwTemplate,
    TokenKind::KwPattern,
    TokenKind::KwImplements,
    TokenKind::KwBinds,
    TokenKind::KwScope,
    TokenKind::KwConnectionPoint,
    TokenKind::KwRef,
    TokenKind::KwUses,
    TokenKind::KwCheck,
    TokenKind::KwImport,
    TokenKind::KwFrom,
    TokenKind::KwAs,
    TokenKind::KwTrue,
    TokenKind::KwFalse,
    TokenKind::KwRequires,
    TokenKind::KwAllows,
    TokenKind::KwForbids,
    TokenKind::KwDescendant,
    TokenKind::KwConnection,
    TokenKind::KwTo,
    TokenKind::KwLanguage,
    TokenKind::KwConnectionCheck,
    TokenKind::Colon,
    TokenKind::Equals,
    TokenKind::Dot,
    TokenKind::Comma,
    TokenKind::LParen,
    TokenKind::RParen,
    TokenKind::LBracket,
    TokenKind::RBracket,
    TokenKind::LBrace,
    TokenKind::RBrace,
    TokenKind::LAngle,
    TokenKind::RAngle,
    TokenKind::Star,
    TokenKind::Identifier,
    TokenKind::String,
    TokenKind::Number,
    TokenKind::DocComment,
    TokenKind::Newline,
    TokenKind::Eof,
};

TEST(TokenTest, KeywordSpellingsAreTheTwentyThreeKeywords) {
  std::vector<std::string> spellings;
  for (TokenKind kind : kAllKinds) {
    if (is_keyword(kind)) spellings.emplace_back(keyword_spelling(kind));
  }
  EXPECT_THAT(spellings, ::testing::ElementsAre("element", "template", "pattern", "implements", "binds", "scope",
                                                "connection_point", "ref", "uses", "check", "import", "from", "as",
                                                "true", "false", "requires", "allows", "forbids", "descendant",
                                                "connection", "to", "language", "connection_check"));
}

TEST(TokenTest, KeywordSpellingLexesBackToItsKind) {
  for (TokenKind kind : kAllKinds) {
    if (!is_keyword(kind)) continue;
    auto lexed = testing::lex_text(std::string(keyword_spelling(kind)));
    EXPECT_EQ(lexed.tokens[0].kind, kind) << keyword_spelling(kind);
  }
}

TEST(TokenTest, NonKeywordsHaveNoSpelling) {
  EXPECT_EQ(keyword_spelling(TokenKind::Identifier), "");
  EXPECT_EQ(keyword_spelling(TokenKind::Colon), "");
  EXPECT_EQ(keyword_spelling(TokenKind::Eof), "");
  EXPECT_FALSE(is_keyword(TokenKind::Identifier));
  EXPECT_FALSE(is_keyword(TokenKind::Star));
  EXPECT_FALSE(is_keyword(TokenKind::Newline));
}

TEST(TokenTest, NameKeywordsAreAllKeywordsExceptImportFromAsTrueFalse) {
  std::vector<std::string> not_names;
  for (TokenKind kind : kAllKinds) {
    if (is_keyword(kind) && !is_name_keyword(kind)) not_names.emplace_back(keyword_spelling(kind));
    if (!is_keyword(kind)) {
      EXPECT_FALSE(is_name_keyword(kind));
    }
  }
  EXPECT_THAT(not_names, ::testing::ElementsAre("import", "from", "as", "true", "false"));
  EXPECT_TRUE(is_name_keyword(TokenKind::KwElement));
  EXPECT_TRUE(is_name_keyword(TokenKind::KwConnectionCheck));
  EXPECT_FALSE(is_name_keyword(TokenKind::Identifier));  // identifiers are names, but not keywords
}

TEST(TokenTest, DescribeKinds) {
  EXPECT_EQ(describe(TokenKind::KwElement), "'element'");
  EXPECT_EQ(describe(TokenKind::KwConnectionCheck), "'connection_check'");
  EXPECT_EQ(describe(TokenKind::RBrace), "'}'");
  EXPECT_EQ(describe(TokenKind::Colon), "':'");
  EXPECT_EQ(describe(TokenKind::LAngle), "'<'");
  EXPECT_EQ(describe(TokenKind::Star), "'*'");
  EXPECT_EQ(describe(TokenKind::Identifier), "an identifier");
  EXPECT_EQ(describe(TokenKind::String), "a string");
  EXPECT_EQ(describe(TokenKind::Number), "a number");
  EXPECT_EQ(describe(TokenKind::DocComment), "a doc comment");
  EXPECT_EQ(describe(TokenKind::Newline), "a newline");
  EXPECT_EQ(describe(TokenKind::Eof), "the end of the file");
}

TEST(TokenTest, EveryKindHasADistinctDescription) {
  std::set<std::string> seen;
  for (TokenKind kind : kAllKinds) {
    const std::string description = describe(kind);
    EXPECT_TRUE(seen.insert(description).second) << description;
    EXPECT_NE(description, "a token");
  }
}

TEST(TokenTest, DescribeTokenQuotesNamesAndLiterals) {
  auto lexed = testing::lex_text("foo \"x\" 'y' -42 element { ## doc\n");
  // foo "x" 'y' -42 element { Newline Eof (the doc comment is trailing, so ignored)
  ASSERT_EQ(lexed.tokens.size(), 8u);
  EXPECT_EQ(describe(lexed.tokens[0]), "'foo'");
  EXPECT_EQ(describe(lexed.tokens[1]), "'\"x\"'");
  EXPECT_EQ(describe(lexed.tokens[2]), "''y''");
  EXPECT_EQ(describe(lexed.tokens[3]), "'-42'");
  EXPECT_EQ(describe(lexed.tokens[4]), "'element'");
  EXPECT_EQ(describe(lexed.tokens[5]), "'{'");
  EXPECT_EQ(describe(lexed.tokens[6]), "a newline");
  EXPECT_EQ(describe(lexed.tokens[7]), "the end of the file");
  auto doc = testing::lex_text("## some documentation");
  EXPECT_EQ(describe(doc.tokens[0]), "a doc comment");
}

TEST(TokenTest, DescribeTokenKeepsMessagesOnOneShortLine) {
  Token multi_line{TokenKind::String, {}, "'first line\nsecond line'", "", false, 0};
  EXPECT_EQ(describe(multi_line), "''first line...'");
  Token crlf{TokenKind::String, {}, "'a\r\nb'", "", false, 0};
  EXPECT_EQ(describe(crlf), "''a...'");
  Token long_name{TokenKind::Identifier, {}, std::string(50, 'n'), "", false, 0};
  EXPECT_EQ(describe(long_name), "'" + std::string(40, 'n') + "...'");
  Token exactly_forty{TokenKind::Identifier, {}, std::string(40, 'n'), "", false, 0};
  EXPECT_EQ(describe(exactly_forty), "'" + std::string(40, 'n') + "'");
  Token bad_bytes{TokenKind::String, {}, "'a\xFF'", "", false, 0};
  EXPECT_EQ(describe(bad_bytes), "''a\xEF\xBF\xBD''");
  Token wide{TokenKind::String, {}, "'日本語'", "", false, 0};
  EXPECT_EQ(describe(wide), "''日本語''");
}

}  // namespace
}  // namespace hie::syntax
