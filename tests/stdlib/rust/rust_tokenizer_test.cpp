// Tests of the Rust tokenizer: comments, doc comments, every string form, chars vs lifetimes, attributes.
#include "stdlib/rust/rust_tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hie::stdlib::rust {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "kind:text" per token, for compact expectations.
std::vector<std::string> kinds(std::string_view source) {
  std::vector<std::string> out;
  for (const auto& token : tokenize(source).tokens) {
    const char* kind = "";
    switch (token.kind) {
      case TokenKind::Ident: kind = "id"; break;
      case TokenKind::Lifetime: kind = "lt"; break;
      case TokenKind::Literal: kind = "lit"; break;
      case TokenKind::Punct: kind = "p"; break;
      case TokenKind::OuterDoc: kind = "doc"; break;
      case TokenKind::InnerDoc: kind = "idoc"; break;
    }
    out.push_back(std::string(kind) + ":" + std::string(token.text));
  }
  return out;
}

std::vector<std::string> idents(std::string_view source) {
  std::vector<std::string> out;
  for (const auto& token : tokenize(source).tokens) {
    if (token.kind == TokenKind::Ident) out.emplace_back(token.text);
  }
  return out;
}

TEST(RustTokenizer, LineCommentsHideCode) {
  EXPECT_THAT(idents("a // fn hidden()\nb"), ElementsAre("a", "b"));
}

TEST(RustTokenizer, NestedBlockCommentsHideCode) {
  EXPECT_THAT(idents("a /* outer /* inner fn x */ still comment fn y */ b"), ElementsAre("a", "b"));
}

TEST(RustTokenizer, DocCommentsAreMarkers) {
  EXPECT_THAT(kinds("/// outer\n//! inner\n/** block */\n/*! iblock */\n"),
              ElementsAre("doc:/// outer", "idoc://! inner", "doc:/** block */", "idoc:/*! iblock */"));
}

TEST(RustTokenizer, FourSlashesAndEmptyBlockAreNotDocs) {
  EXPECT_THAT(kinds("//// not doc\n/**/ /*** not doc */ x"), ElementsAre("id:x"));
}

TEST(RustTokenizer, StringsWithEscapesHideCode) {
  EXPECT_THAT(kinds(R"(let s = "fn a() \" fn b";)"),
              ElementsAre("id:let", "id:s", "p:=", R"(lit:"fn a() \" fn b")", "p:;"));
  EXPECT_THAT(kinds(R"("\\" x)"), ElementsAre(R"(lit:"\\")", "id:x"));
}

TEST(RustTokenizer, RawStringsWithAnyNumberOfHashes) {
  EXPECT_THAT(kinds(R"x(r"a\" x)x"), ElementsAre(R"x(lit:r"a\")x", "id:x"));
  EXPECT_THAT(kinds(R"x(r#"has "quote" fn f"# y)x"), ElementsAre(R"x(lit:r#"has "quote" fn f"#)x", "id:y"));
  EXPECT_THAT(kinds(R"x(r##"a "# still"## z)x"), ElementsAre(R"x(lit:r##"a "# still"##)x", "id:z"));
}

TEST(RustTokenizer, ByteAndCStrings) {
  EXPECT_THAT(kinds(R"x(b"by\"te" br"raw" br#"r"#  c"cs" cr#"c"# b'x' b'\'')x"),
              ElementsAre(R"x(lit:b"by\"te")x", R"x(lit:br"raw")x", R"x(lit:br#"r"#)x", R"x(lit:c"cs")x",
                          R"x(lit:cr#"c"#)x", "lit:b'x'", R"x(lit:b'\'')x"));
}

TEST(RustTokenizer, RawIdentifiersAreIdentifiers) {
  Tokenized t = tokenize("r#type r#fn");
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(ident_name(t.tokens[0]), "type");
  EXPECT_EQ(ident_name(t.tokens[1]), "fn");
}

TEST(RustTokenizer, CharLiteralsVersusLifetimes) {
  EXPECT_THAT(kinds("'a' 'a '\\n' '\\'' 'static '\\u{1F600}' 'é'"),
              ElementsAre("lit:'a'", "lt:'a", "lit:'\\n'", "lit:'\\''", "lt:'static", "lit:'\\u{1F600}'",
                          "lit:'é'"));
  EXPECT_THAT(kinds("fn f<'a>(x: &'a str) -> char { '{' }"),
              ElementsAre("id:fn", "id:f", "p:<", "lt:'a", "p:>", "p:(", "id:x", "p::", "p:&", "lt:'a", "id:str",
                          "p:)", "p:->", "id:char", "p:{", "lit:'{'", "p:}"));
}

TEST(RustTokenizer, AttributesAreTokens) {
  EXPECT_THAT(kinds("#[derive(Debug)] #![doc = \"x]\"]"),
              ElementsAre("p:#", "p:[", "id:derive", "p:(", "id:Debug", "p:)", "p:]", "p:#", "p:!", "p:[", "id:doc",
                          "p:=", "lit:\"x]\"", "p:]"));
}

TEST(RustTokenizer, JoinedPunctuationAndNumbers) {
  EXPECT_THAT(kinds("a::b => 1..2 1.5e-3 0x1F_u8 x.0"),
              ElementsAre("id:a", "p:::", "id:b", "p:=>", "lit:1", "p:.", "p:.", "lit:2", "lit:1.5e-3", "lit:0x1F_u8",
                          "id:x", "p:.", "lit:0"));
}

TEST(RustTokenizer, LinesCountAcrossMultilineTokens) {
  Tokenized t = tokenize("a\n\"x\ny\"\n/* c\n */ b\nr#\"\n\"# c");
  ASSERT_EQ(t.tokens.size(), 5u);
  EXPECT_EQ(t.tokens[0].line, 1u);
  EXPECT_EQ(t.tokens[1].line, 2u);
  EXPECT_EQ(t.tokens[2].line, 5u);  // b
  EXPECT_EQ(t.tokens[3].line, 6u);  // the raw string
  EXPECT_EQ(t.tokens[4].line, 7u);  // c
}

TEST(RustTokenizer, UnterminatedConstructsWarnAndFinish) {
  EXPECT_THAT(tokenize("/* never closed").warnings, ElementsAre("1: unterminated block comment"));
  EXPECT_THAT(tokenize("x\n\"open").warnings, ElementsAre("2: unterminated string literal"));
  EXPECT_THAT(tokenize("r#\"open\"").warnings, ElementsAre("1: unterminated raw string literal"));
  EXPECT_THAT(tokenize("fn ok() {}").warnings, IsEmpty());
}

TEST(RustTokenizer, ShebangAndByteOrderMarkAreSkipped) {
  EXPECT_THAT(idents("\xEF\xBB\xBF#!/usr/bin/env run-cargo-script\nfn main"), ElementsAre("fn", "main"));
  EXPECT_THAT(kinds("#![allow(x)]").front(), "p:#");
}

}  // namespace
}  // namespace hie::stdlib::rust
