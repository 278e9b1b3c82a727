// Parser: brace and indentation blocks, their mixing and nesting, and the layout errors E025-E030.
#include <gtest/gtest.h>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::parse_text;
using testing::summarize;

TEST(ParserBlocks, BraceBlockWithIndentationIgnored) {
  const auto parsed = parse_text(
      "element shop {\n"
      "scope a = f()\n"
      "        scope b = g()\n"
      "   check h(a)\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  const ElementDecl& shop = parsed.file.elements[0];
  EXPECT_TRUE(shop.has_body);
  EXPECT_TRUE(shop.brace_block);
  EXPECT_EQ(shop.body.scopes.size(), 2u);
  EXPECT_EQ(shop.body.checks.size(), 1u);
  EXPECT_EQ(shop.span.start.line, 1u);
  EXPECT_EQ(shop.span.end.line, 5u);
  EXPECT_EQ(shop.span.end.column, 2u);
}

TEST(ParserBlocks, OneLineBraceBodies) {
  const auto parsed = parse_text(
      "element x { scope a = f() }\n"
      "element y {}\n"
      "element z { }\n"
      "element w { element v { check g(1) } }\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 4u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes[0].value_text, "f()");
  EXPECT_TRUE(parsed.file.elements[1].has_body);
  EXPECT_TRUE(parsed.file.elements[1].body.scopes.empty());
  EXPECT_TRUE(parsed.file.elements[2].has_body);
  ASSERT_EQ(parsed.file.elements[3].body.elements.size(), 1u);
  EXPECT_EQ(parsed.file.elements[3].body.elements[0].body.checks.size(), 1u);
  EXPECT_EQ(parsed.file.elements[3].span.end.column, 39u);
}

TEST(ParserBlocks, TwoStatementsOnOneLineNeedANewline) {
  const auto parsed = parse_text("element x { scope a = f() scope b = g() }\nelement y {}\n");
  EXPECT_EQ(codes(parsed), "E008@1:27");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected a newline, found 'scope'");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);  // the first statement is kept
}

TEST(ParserBlocks, IndentationBlocks) {
  const auto parsed = parse_text(
      "element shop:\n"
      "    scope src = files.folder_selector('src')\n"
      "\n"
      "    element api:\n"
      "        scope s = x\n"
      "        check c(s)\n"
      "    check d(src)\n"
      "element other:\n"
      "\tscope t = y\n");
  EXPECT_EQ(codes(parsed), "");
  EXPECT_EQ(summarize(parsed.file),
            "imports:\npatterns:\nlanguages:\nelements:\n"
            "  shop  [scopes 1, refs 0, checks 1, uses 0, bindings 0]\n"
            "    shop.api  [scopes 1, refs 0, checks 1, uses 0, bindings 0]\n"
            "  other  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n");
  const ElementDecl& shop = parsed.file.elements[0];
  EXPECT_FALSE(shop.brace_block);
  EXPECT_TRUE(shop.has_body);
  // The span ends with the last item of the block, not with the following newline.
  EXPECT_EQ(shop.span.end.line, 7u);
  EXPECT_EQ(shop.span.end.column, 17u);
  EXPECT_EQ(shop.body.elements[0].span.end.line, 6u);
}

TEST(ParserBlocks, BraceInsideIndentAndIndentInsideBrace) {
  const auto parsed = parse_text(
      "element outer:\n"
      "    element inner {\n"
      "  scope a = 1\n"  // free layout inside braces, even shallower than the block
      "    }\n"
      "    scope b = 2\n"
      "element top {\n"
      "    element nested:\n"
      "        scope c = 3\n"
      "    scope d = 4\n"  // ends `nested`, belongs to `top`
      "}\n"
      "element same_line { element deep:\n"
      "  scope e = 5 }\n");
  EXPECT_EQ(codes(parsed), "");
  EXPECT_EQ(summarize(parsed.file),
            "imports:\npatterns:\nlanguages:\nelements:\n"
            "  outer  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n"
            "    outer.inner  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n"
            "  top  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n"
            "    top.nested  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n"
            "  same_line  [scopes 0, refs 0, checks 0, uses 0, bindings 0]\n"
            "    same_line.deep  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n");
}

TEST(ParserBlocks, IndentBlockEndsAtEnclosingClosingBrace) {
  const auto parsed = parse_text(
      "element a {\n"
      "    element b:\n"
      "        element c:\n"
      "            scope x = 1 }\n"
      "element d\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.elements[0].body.elements[0].body.scopes.size(), 1u);
}

TEST(ParserBlocks, BodilessElementsAreLeaves) {
  const auto parsed = parse_text("element a\nelement b: Service\nelement c implements p, q\nelement d { element e }\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 4u);
  EXPECT_FALSE(parsed.file.elements[0].has_body);
  EXPECT_EQ(parsed.file.elements[0].span.end.column, 10u);
  ASSERT_TRUE(parsed.file.elements[1].type.has_value());
  EXPECT_EQ(parsed.file.elements[1].type->name, "Service");
  EXPECT_FALSE(parsed.file.elements[1].has_body);
  EXPECT_EQ(parsed.file.elements[2].implements.size(), 2u);
  EXPECT_FALSE(parsed.file.elements[3].body.elements[0].has_body);
}

TEST(ParserBlocks, TypeOrIndentBlockAfterColon) {
  const auto parsed = parse_text(
      "element a: Gateway:\n"
      "    scope s = 1\n"
      "element b: Gateway implements p {\n"
      "}\n"
      "element c:\n"
      "    scope t = 2\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 3u);
  EXPECT_EQ(parsed.file.elements[0].type->name, "Gateway");
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
  EXPECT_EQ(parsed.file.elements[1].type->name, "Gateway");
  EXPECT_TRUE(parsed.file.elements[1].brace_block);
  EXPECT_FALSE(parsed.file.elements[2].type.has_value());
  EXPECT_EQ(parsed.file.elements[2].body.scopes.size(), 1u);
}

TEST(ParserBlocks, DedentToNoOpenLevelIsE025) {
  const auto parsed = parse_text(
      "element a:\n"
      "    scope x = 1\n"
      "  scope y = 2\n"
      "  scope z = 3\n"
      "element b {}\n");
  // One diagnostic for the run of lines with the same wrong indentation; they stay in the block.
  EXPECT_EQ(codes(parsed), "E025@3:3");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "inconsistent indentation: this line is indented by 2 but the items of this block are indented by 4");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 3u);
}

TEST(ParserBlocks, UnexpectedDeeperLineIsE025) {
  const auto parsed = parse_text(
      "element a:\n"
      "    scope x = 1\n"
      "        scope y = 2\n"
      "        scope z = 3\n"
      "    scope w = 4\n"
      "element b {}\n");
  EXPECT_EQ(codes(parsed), "E025@3:9");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 4u);
}

TEST(ParserBlocks, MissingColonBeforeAnIndentedBodyIsOneE007) {
  const auto parsed = parse_text(
      "element b implements p\n"
      "    scope v = 5\n"
      "    element c\n"
      "        scope w = 6\n"
      "pattern q\n"
      "    requires element r\n"
      "        scope x\n"
      "language l\n"
      "    connection_check k(a: scope[]): f(a)\n");
  EXPECT_EQ(codes(parsed), "E007@1:23 E007@3:14 E007@5:10 E007@6:23 E007@8:11");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected ':' at the end of 'element b implements p' to open the indented block below it");
  EXPECT_EQ(parsed.diagnostics.items()[3].message,
            "expected ':' at the end of 'requires element r' to open the indented block below it");
  const ElementDecl& b = parsed.file.elements.at(0);
  EXPECT_TRUE(b.has_body);
  EXPECT_EQ(b.body.scopes.size(), 1u);
  EXPECT_EQ(b.body.elements.at(0).body.scopes.size(), 1u);
  EXPECT_EQ(b.span.end.line, 4u);
  ASSERT_EQ(parsed.file.patterns.at(0).body.requirements.size(), 1u);
  EXPECT_EQ(parsed.file.patterns[0].body.requirements[0].element_body->body.scopes.size(), 1u);
  EXPECT_EQ(parsed.file.languages.at(0).connection_checks.size(), 1u);
}

TEST(ParserBlocks, InsideBracesADeeperLineAfterALeafIsFine) {
  const auto parsed = parse_text("element a {\n  element b\n      scope x = 1\n}\n");
  EXPECT_EQ(codes(parsed), "");
  const ElementDecl& a = parsed.file.elements.at(0);
  EXPECT_FALSE(a.body.elements.at(0).has_body);
  EXPECT_EQ(a.body.scopes.size(), 1u);
}

TEST(ParserBlocks, IndentedTopLevelItemIsE025) {
  const auto parsed = parse_text("  element a {}\nelement b {}\n");
  EXPECT_EQ(codes(parsed), "E025@1:3");
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

TEST(ParserBlocks, TabsCountFourColumns) {
  const auto parsed = parse_text("element a:\n\tscope x = 1\n    scope y = 2\n");
  EXPECT_EQ(codes(parsed), "");
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 2u);
}

TEST(ParserBlocks, DocCommentsNeverAffectIndentation) {
  const auto parsed = parse_text(
      "element a {\n"
      "## doc at column 1\n"
      "    scope x = 1\n"
      "}\n"
      "element b:\n"
      "        ## deeper doc\n"
      "    scope y = 2\n"
      "## shallower doc\n"
      "    scope z = 3\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes[0].doc, "doc at column 1");
  EXPECT_EQ(parsed.file.elements[1].body.scopes.size(), 2u);
  EXPECT_EQ(parsed.file.elements[1].body.scopes[0].doc, "deeper doc");
  EXPECT_EQ(parsed.file.elements[1].body.scopes[1].doc, "shallower doc");
}

TEST(ParserBlocks, BodyOfOnlyDocCommentsIsEmpty) {
  const auto parsed = parse_text(
      "element notes:\n"
      "    ## just prose\n"
      "    ## more prose\n"
      "\n"
      "## Next element\n"
      "element next:\n"
      "    ## trailing prose at the end of the file\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_TRUE(parsed.file.elements[0].has_body);
  EXPECT_EQ(parsed.file.elements[1].doc, "Next element");
}

TEST(ParserBlocks, ColonWithoutIndentedBlockIsE030) {
  const auto parsed = parse_text("element a:\nelement b:\n    scope x = 1\nelement c:\n");
  EXPECT_EQ(codes(parsed), "E030@2:1 E030@5:1");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected an indented block after ':' on line 1, found 'element'");
  EXPECT_EQ(parsed.diagnostics.items()[1].message,
            "expected an indented block after ':' on line 4, found the end of the file");
  ASSERT_EQ(parsed.file.elements.size(), 3u);
  EXPECT_EQ(parsed.file.elements[1].body.scopes.size(), 1u);
}

TEST(ParserBlocks, ColonFollowedByCodeOnTheSameLineIsE007) {
  const auto parsed = parse_text("element a: { scope x = 1 }\nelement b {}\n");
  EXPECT_EQ(codes(parsed), "E007@1:12");
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  EXPECT_EQ(parsed.file.elements[0].name.name, "b");
}

TEST(ParserBlocks, UnclosedBraceIsE026AtTheBrace) {
  const auto parsed = parse_text(
      "element api {\n"
      "    scope s = 1\n"
      "\n"
      "element later {\n"
      "    element inner:\n"
      "        scope t = 2\n");
  // Only the outermost unclosed brace is reported; what follows it was read as its children.
  EXPECT_EQ(codes(parsed), "E026@1:13");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "unclosed '{' of element 'api'");
  EXPECT_EQ(parsed.diagnostics.items()[0].span.end.column, 14u);
  EXPECT_EQ(summarize(parsed.file),
            "imports:\npatterns:\nlanguages:\nelements:\n"
            "  api  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n"
            "    api.later  [scopes 0, refs 0, checks 0, uses 0, bindings 0]\n"
            "      api.later.inner  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n");
  EXPECT_EQ(parsed.file.elements[0].span.end.line, 6u);
}

TEST(ParserBlocks, UnclosedPatternAndLanguageBraces) {
  EXPECT_EQ(codes(parse_text("pattern p {\n  check f()\n")), "E026@1:11");
  EXPECT_EQ(parse_text("pattern p {\n").diagnostics.items()[0].message, "unclosed '{' of pattern 'p'");
  EXPECT_EQ(parse_text("template t {\n").diagnostics.items()[0].message, "unclosed '{' of template 't'");
  EXPECT_EQ(parse_text("language l {\n").diagnostics.items()[0].message, "unclosed '{' of language 'l'");
}

TEST(ParserBlocks, UnmatchedClosingBraceIsE028) {
  const auto parsed = parse_text(
      "element a:\n"
      "    scope x = 1\n"
      "    }\n"
      "}\n"
      "element b {}\n");
  EXPECT_EQ(codes(parsed), "E028@3:5 E028@4:1");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "unmatched '}'");
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

TEST(ParserBlocks, PatternsAndLanguagesTakeBothForms) {
  const auto parsed = parse_text(
      "pattern p:\n"
      "    check f()\n"
      "template t { check g() }\n"
      "language l:\n"
      "    connection_check c(a: scope[]): x.y(a)\n"
      "language m { connection_check d(a: scope[]): x.z(a) }\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.patterns.size(), 2u);
  EXPECT_FALSE(parsed.file.patterns[0].brace_block);
  EXPECT_TRUE(parsed.file.patterns[1].brace_block);
  EXPECT_TRUE(parsed.file.patterns[1].legacy_template_keyword);
  ASSERT_EQ(parsed.file.languages.size(), 2u);
  EXPECT_EQ(parsed.file.languages[0].connection_checks.size(), 1u);
  EXPECT_EQ(parsed.file.languages[1].connection_checks.size(), 1u);
}

TEST(ParserBlocks, PatternNeedsABody) {
  const auto parsed = parse_text("pattern p\nelement e {}\n");
  EXPECT_EQ(codes(parsed), "E007@1:10");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected '{' or ':' to open the body of pattern 'p', found a newline");
  EXPECT_EQ(parsed.file.elements.size(), 1u);
}

TEST(ParserBlocks, BraceOnTheNextLineIsNotABlock) {
  const auto parsed = parse_text("element a\n{\n  scope x = 1\n}\nelement b {}\n");
  // `element a` is a leaf; the brace line is one top-level mistake, skipped with its contents.
  EXPECT_EQ(codes(parsed), "E001@2:1");
  ASSERT_TRUE(parsed.diagnostics.items()[0].help.has_value());
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

}  // namespace
}  // namespace hie::syntax
