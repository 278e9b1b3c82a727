// Parser: error recovery (one mistake gives one diagnostic and the rest of the file still parses), positions
// after multi-line tokens, lexical errors surfacing through parse(), and hostile input (deep nesting, junk).
#include <gtest/gtest.h>

#include <string>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::parse_text;
using testing::summarize;

TEST(ParserRecovery, OneMistakeOneDiagnosticAndLaterItemsSurvive) {
  const auto parsed = parse_text(
      "import files\n"
      "element broken {\n"
      "    scope a = files.folder_selector('a'\n"  // unclosed '(' up to the '}' below
      "    scope b = 2\n"
      "}\n"
      "pattern p {\n"
      "    check f()\n"
      "}\n"
      "language l\n"
      "element after {\n"
      "    scope c = 3\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E007@4:5");
  EXPECT_EQ(summarize(parsed.file),
            "imports: files\n"
            "patterns: p (checks 1, requirements 0, elements 0)\n"
            "languages: l (0 connection checks)\n"
            "elements:\n"
            "  broken  [scopes 0, refs 0, checks 0, uses 0, bindings 0]\n"
            "  after  [scopes 1, refs 0, checks 0, uses 0, bindings 0]\n");
}

TEST(ParserRecovery, BrokenStatementsInsideBodiesDoNotLoseSiblings) {
  const auto parsed = parse_text(
      "element e:\n"
      "    scope a = = 1\n"
      "    element bad name:\n"
      "        scope hidden = 1\n"
      "        check hidden_too()\n"
      "    scope b = 2\n"
      "    ref r = 3\n"
      "    check c()\n"
      "element f {\n"
      "    scope x = [1, 2\n"
      "}\n"
      "element g {}\n");
  EXPECT_EQ(codes(parsed), "E003@2:15 E007@3:17 E015@7:5 E027@10:15");
  EXPECT_EQ(summarize(parsed.file),
            "imports:\npatterns:\nlanguages:\nelements:\n"
            "  e  [scopes 1, refs 0, checks 1, uses 0, bindings 0]\n"
            "  f  [scopes 0, refs 0, checks 0, uses 0, bindings 0]\n"
            "  g  [scopes 0, refs 0, checks 0, uses 0, bindings 0]\n");
}

TEST(ParserRecovery, BrokenHeaderSkipsItsBraceBody) {
  const auto parsed = parse_text(
      "element a {\n"
      "    element 1bad {\n"
      "        scope x = 1\n"
      "        element deeper { scope y = 2 }\n"
      "    }\n"
      "    scope kept = 1\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E004@2:13");
  EXPECT_EQ(parsed.diagnostics.items()[0].help, "names start with a letter or '_'");
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
  EXPECT_TRUE(parsed.file.elements[0].body.elements.empty());
}

TEST(ParserRecovery, LexicalErrorsAreReportedByParseWithoutFollowUps) {
  // `x != y` lexes as `x = y` after E024; the syntax error that follows from it is not reported again.
  auto parsed = parse_text(
      "element a {\n"
      "  check f(x != y)\n"
      "  scope z = @\n"
      "  scope ok = 1\n"
      "  scope bad = = 2\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E024@2:13 E024@3:13 E003@5:15");
  EXPECT_EQ(parsed.file.elements.at(0).body.scopes.size(), 1u);

  parsed = parse_text("element a {\n  scope x = f(\n    'unterminated)\n}\nelement b {}\n");
  EXPECT_EQ(codes(parsed), "E022@3:5");
  EXPECT_EQ(parsed.file.elements.size(), 2u);

  // A mistake of its own after the statement with the lexical error is still reported.
  EXPECT_EQ(codes(parse_text("element a {\n  scope x = 'abc")), "E022@2:13 E026@1:11");
}

TEST(ParserRecovery, PositionsStayCorrectAfterMultiLineTokens) {
  const auto parsed = parse_text(
      "###\n"
      "A block comment\n"
      "over several lines\n"
      "###\n"
      "element a {\n"
      "    scope s = f('line one\n"
      "line two\n"
      "line three')\n"
      "    scope t = = 1\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E003@9:15");
  const ElementDecl& a = parsed.file.elements.at(0);
  EXPECT_EQ(a.span.start.line, 5u);
  EXPECT_EQ(a.body.scopes.at(0).value_text, "f('line one\nline two\nline three')");
  EXPECT_EQ(a.body.scopes.at(0).span.end.line, 8u);
  EXPECT_EQ(a.body.scopes.at(0).span.end.column, 13u);
}

TEST(ParserRecovery, ColumnsCountCodePoints) {
  const auto parsed = parse_text("element a {\n  scope s = f('héllo') x\n}\n");
  EXPECT_EQ(codes(parsed), "E008@2:24");
}

TEST(ParserRecovery, DeepBlockNestingIsCappedWithE031) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "element e {\n";
  text += "scope x = 1\n";
  for (int i = 0; i < 2000; ++i) text += "}\n";
  text += "element after {}\n";
  const auto parsed = parse_text(text);
  EXPECT_EQ(codes(parsed), "E031@257:11");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "blocks nested too deeply (more than 256 levels)");
  ASSERT_EQ(parsed.file.elements.size(), 2u);
  EXPECT_EQ(parsed.file.elements[1].name.name, "after");
}

TEST(ParserRecovery, DeepIndentationNestingIsCapped) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "element e:\n";
  text += std::string(1000, ' ') + "scope x = 1\nelement after {}\n";
  const auto parsed = parse_text(text);
  EXPECT_EQ(codes(parsed), "E031@257:266");
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

TEST(ParserRecovery, HostileInputTerminates) {
  const std::string inputs[] = {
      std::string(100000, '{'),
      std::string(100000, '}'),
      std::string(100000, '('),
      std::string(100000, ')'),
      std::string(50000, ':') + "\n",
      "element a {" + std::string(100000, '[') + "\n",
      "element " + std::string(100000, '.'),
      std::string(20000, '\n') + "element",
      "element a:\n" + std::string(10000, '\t') + "scope",
      "pattern p { requires element x { requires element y {\n",
      "language l:\n  connection_check c(:\n",
  };
  for (const auto& input : inputs) {
    const auto parsed = parse_text(input);
    EXPECT_TRUE(parsed.diagnostics.has_errors()) << input.substr(0, 40);
    EXPECT_LE(parsed.diagnostics.size(), 3u) << input.substr(0, 40);
  }
}

}  // namespace
}  // namespace hie::syntax
