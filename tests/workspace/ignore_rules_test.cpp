#include "workspace/ignore_rules.h"

#include <gtest/gtest.h>

namespace hie::workspace {
namespace {

using Verdict = IgnoreFile::Verdict;

IgnoreFile parse(std::string_view text, std::string base = "") {
  std::vector<std::string> problems;
  IgnoreFile file = IgnoreFile::parse(std::move(base), text, ".gitignore", &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  return file;
}

TEST(IgnoreRules, CommentsAndBlankLinesAreNotRules) {
  EXPECT_EQ(parse("# comment\n\n   \n*.o\n").size(), 1u);  // "   " is empty once trailing spaces are dropped
  EXPECT_EQ(parse("# only a comment\n\n").size(), 0u);
}

TEST(IgnoreRules, NamesWithoutSlashMatchAtAnyDepth) {
  const IgnoreFile file = parse("*.o\nnode_modules\n");
  EXPECT_EQ(file.match("a.o", false), Verdict::Ignore);
  EXPECT_EQ(file.match("src/deep/a.o", false), Verdict::Ignore);
  EXPECT_EQ(file.match("web/node_modules", true), Verdict::Ignore);
  EXPECT_EQ(file.match("src/a.c", false), Verdict::None);
}

TEST(IgnoreRules, SlashesAnchorToTheIgnoreFilesDirectory) {
  const IgnoreFile file = parse("/build\ndoc/*.txt\n");
  EXPECT_EQ(file.match("build", true), Verdict::Ignore);
  EXPECT_EQ(file.match("src/build", true), Verdict::None);
  EXPECT_EQ(file.match("doc/a.txt", false), Verdict::Ignore);
  EXPECT_EQ(file.match("x/doc/a.txt", false), Verdict::None);
  EXPECT_EQ(file.match("doc/sub/a.txt", false), Verdict::None);
}

TEST(IgnoreRules, TrailingSlashMatchesDirectoriesOnly) {
  const IgnoreFile file = parse("logs/\n");
  EXPECT_EQ(file.match("logs", true), Verdict::Ignore);
  EXPECT_EQ(file.match("a/logs", true), Verdict::Ignore);
  EXPECT_EQ(file.match("logs", false), Verdict::None);
}

TEST(IgnoreRules, LastMatchingRuleWinsAndNegationReincludes) {
  const IgnoreFile file = parse("*.log\n!keep.log\n");
  EXPECT_EQ(file.match("a.log", false), Verdict::Ignore);
  EXPECT_EQ(file.match("keep.log", false), Verdict::Include);
  const IgnoreFile reversed = parse("!keep.log\n*.log\n");
  EXPECT_EQ(reversed.match("keep.log", false), Verdict::Ignore);
}

TEST(IgnoreRules, DoubleStarForms) {
  const IgnoreFile file = parse("**/foo\na/**/b\nout/**\n");
  EXPECT_EQ(file.match("foo", false), Verdict::Ignore);
  EXPECT_EQ(file.match("x/y/foo", false), Verdict::Ignore);
  EXPECT_EQ(file.match("a/b", false), Verdict::Ignore);
  EXPECT_EQ(file.match("a/x/y/b", false), Verdict::Ignore);
  EXPECT_EQ(file.match("out/x", false), Verdict::Ignore);
  EXPECT_EQ(file.match("out", true), Verdict::None);  // `out/**` is what is inside out, not out itself
}

TEST(IgnoreRules, EscapesAndTrailingSpaces) {
  const IgnoreFile file = parse("\\#notes\n\\!important\ntrailing   \nspace\\ \n");
  EXPECT_EQ(file.match("#notes", false), Verdict::Ignore);
  EXPECT_EQ(file.match("!important", false), Verdict::Ignore);
  EXPECT_EQ(file.match("trailing", false), Verdict::Ignore);
  EXPECT_EQ(file.match("space ", false), Verdict::Ignore);
  EXPECT_EQ(file.match("space", false), Verdict::None);
}

TEST(IgnoreRules, CarriageReturnsAreNotPartOfPatterns) {
  const IgnoreFile file = parse("*.tmp\r\n/out\r\n");
  EXPECT_EQ(file.match("a.tmp", false), Verdict::Ignore);
  EXPECT_EQ(file.match("out", true), Verdict::Ignore);
}

TEST(IgnoreRules, RulesApplyBelowTheirBaseOnly) {
  const IgnoreFile file = parse("*.gen\n/local\n", "sub");
  EXPECT_EQ(file.match("sub/a.gen", false), Verdict::Ignore);
  EXPECT_EQ(file.match("sub/x/a.gen", false), Verdict::Ignore);
  EXPECT_EQ(file.match("a.gen", false), Verdict::None);
  EXPECT_EQ(file.match("subway/a.gen", false), Verdict::None);
  EXPECT_EQ(file.match("sub/local", true), Verdict::Ignore);
  EXPECT_EQ(file.match("sub/x/local", true), Verdict::None);
}

TEST(IgnoreRules, InvalidLinesAreReportedWithFileAndLine) {
  std::vector<std::string> problems;
  const IgnoreFile file = IgnoreFile::parse("", "*.o\n[abc\n", "src/.gitignore", &problems);
  EXPECT_EQ(file.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("src/.gitignore:2: ignoring invalid pattern '[abc': unclosed '['", 0), 0u) << problems[0];
}

TEST(IgnoreRules, DeeperFilesTakePrecedence) {
  const IgnoreFile root = parse("*.log\n");
  const IgnoreFile sub = parse("!debug.log\n", "sub");
  const std::vector<const IgnoreFile*> chain = {&root, &sub};
  EXPECT_TRUE(is_ignored(chain, "a.log", false));
  EXPECT_TRUE(is_ignored(chain, "sub/a.log", false));
  EXPECT_FALSE(is_ignored(chain, "sub/debug.log", false));
  EXPECT_TRUE(is_ignored(chain, "debug.log", false));
  EXPECT_FALSE(is_ignored(chain, "sub/a.txt", false));
}

}  // namespace
}  // namespace hie::workspace
