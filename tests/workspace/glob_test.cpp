#include "workspace/glob.h"

#include <gtest/gtest.h>

namespace hie::workspace {
namespace {

bool matches(std::string_view pattern, std::string_view path, GlobSyntax syntax = GlobSyntax::Workspace) {
  std::string error;
  auto glob = GlobPattern::compile(pattern, &error, syntax);
  EXPECT_TRUE(glob.has_value()) << pattern << ": " << error;
  return glob && glob->matches(path);
}

std::string error_of(std::string_view pattern) {
  auto error = glob_error(pattern);
  EXPECT_TRUE(error.has_value()) << pattern << " should be invalid";
  return error.value_or("");
}

TEST(Glob, LiteralPathsMatchExactly) {
  EXPECT_TRUE(matches("src/main.rs", "src/main.rs"));
  EXPECT_FALSE(matches("src/main.rs", "src/main.rs.bak"));
  EXPECT_FALSE(matches("src/main.rs", "x/src/main.rs"));
  EXPECT_FALSE(matches("main.rs", "src/main.rs"));
  EXPECT_FALSE(matches("Main.rs", "main.rs"));  // case-sensitive
}

TEST(Glob, StarStaysWithinOneSegment) {
  EXPECT_TRUE(matches("*.rs", "main.rs"));
  EXPECT_TRUE(matches("*.rs", ".rs"));
  EXPECT_FALSE(matches("*.rs", "src/main.rs"));
  EXPECT_TRUE(matches("src/*.rs", "src/lib.rs"));
  EXPECT_FALSE(matches("src/*.rs", "src/a/lib.rs"));
  EXPECT_TRUE(matches("a*b*c", "abc"));
  EXPECT_TRUE(matches("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(matches("a*b*c", "aXbYcZ"));
  EXPECT_TRUE(matches("*", "anything"));
  EXPECT_TRUE(matches("*", ".hidden"));  // a leading dot is matched like any character
  EXPECT_TRUE(matches("*.txt", ".notes.txt"));
}

TEST(Glob, QuestionMarkIsOneCodePoint) {
  EXPECT_TRUE(matches("?.rs", "a.rs"));
  EXPECT_FALSE(matches("?.rs", "ab.rs"));
  EXPECT_TRUE(matches("caf?.txt", "caf\xC3\xA9.txt"));  // é is two bytes, one code point
  EXPECT_FALSE(matches("caf??.txt", "caf\xC3\xA9.txt"));
  EXPECT_FALSE(matches("a?b", "a/b"));
}

TEST(Glob, CharacterClasses) {
  EXPECT_TRUE(matches("[abc].txt", "b.txt"));
  EXPECT_FALSE(matches("[abc].txt", "d.txt"));
  EXPECT_TRUE(matches("file[0-9].txt", "file7.txt"));
  EXPECT_FALSE(matches("file[0-9].txt", "fileA.txt"));
  EXPECT_TRUE(matches("[!a-c]x", "dx"));
  EXPECT_FALSE(matches("[!a-c]x", "bx"));
  EXPECT_TRUE(matches("[^a-c]x", "dx"));
  EXPECT_TRUE(matches("[]a]", "]"));  // ']' first is a member
  EXPECT_TRUE(matches("[!]]", "x"));
  EXPECT_FALSE(matches("[!]]", "]"));
  EXPECT_TRUE(matches("[a-]", "-"));  // '-' last is a member
  EXPECT_TRUE(matches("[[]", "["));
  EXPECT_TRUE(matches("[\xC3\xA9]", "\xC3\xA9"));  // a non-ASCII member
  EXPECT_TRUE(matches("*[0-9]", "v10"));
}

TEST(Glob, BackslashEscapes) {
  EXPECT_TRUE(matches("a\\*b", "a*b"));
  EXPECT_FALSE(matches("a\\*b", "aXb"));
  EXPECT_TRUE(matches("\\[x\\]", "[x]"));
  EXPECT_TRUE(matches("what\\?", "what?"));
}

TEST(Glob, DoubleStarMatchesAnyNumberOfSegments) {
  EXPECT_TRUE(matches("**/*.rs", "main.rs"));
  EXPECT_TRUE(matches("**/*.rs", "src/a/b/main.rs"));
  EXPECT_TRUE(matches("src/**/*.rs", "src/main.rs"));
  EXPECT_TRUE(matches("src/**/*.rs", "src/a/b/main.rs"));
  EXPECT_FALSE(matches("src/**/*.rs", "lib/main.rs"));
  EXPECT_TRUE(matches("a/**/b/**/c", "a/b/c"));
  EXPECT_TRUE(matches("a/**/b/**/c", "a/x/b/y/z/c"));
  EXPECT_FALSE(matches("a/**/b/**/c", "a/x/c"));
  EXPECT_TRUE(matches("**", "a"));
  EXPECT_TRUE(matches("**", "a/b/c"));
  EXPECT_TRUE(matches("**/**/x", "x"));  // repeated ** collapse
}

TEST(Glob, TrailingDoubleStarNeedsAtLeastOneSegment) {
  EXPECT_TRUE(matches("build/**", "build/a.o"));
  EXPECT_TRUE(matches("build/**", "build/x/y/a.o"));
  EXPECT_FALSE(matches("build/**", "build"));
  EXPECT_FALSE(matches("build/**", "builds/a.o"));
}

TEST(Glob, PatternsAreNormalized) {
  EXPECT_TRUE(matches("./src//*.rs", "src/a.rs"));
  EXPECT_TRUE(matches("src/./a.rs", "src/a.rs"));
  EXPECT_TRUE(matches("src/", "src"));
}

TEST(Glob, InvalidPatternsSayWhy) {
  EXPECT_EQ(error_of(""), "the pattern is empty");
  EXPECT_EQ(error_of("./"), "the pattern is empty");
  EXPECT_NE(error_of("/etc/*").find("remove the leading '/'"), std::string::npos);
  EXPECT_NE(error_of("../x/*").find("'..' would leave the workspace"), std::string::npos);
  EXPECT_NE(error_of("src/**.rs").find("'**' must be a whole path segment"), std::string::npos);
  EXPECT_NE(error_of("**b").find("'**' must be a whole path segment"), std::string::npos);
  EXPECT_NE(error_of("a[bc").find("unclosed '['"), std::string::npos);
  EXPECT_NE(error_of("[!]").find("unclosed '['"), std::string::npos);
  EXPECT_NE(error_of("a\\").find("escapes nothing"), std::string::npos);
  EXPECT_EQ(error_of("[z-a]"), "the range 'z-a' in '[...]' is reversed");
  EXPECT_FALSE(glob_error("src/**/*.rs").has_value());
}

TEST(Glob, GitignoreSyntaxIsLenient) {
  EXPECT_TRUE(matches("a**b", "aXYb", GlobSyntax::Gitignore));  // `**` inside a segment is `*`
  EXPECT_FALSE(matches("a**b", "aX/Yb", GlobSyntax::Gitignore));
  std::string error;
  EXPECT_FALSE(GlobPattern::compile("[abc", &error, GlobSyntax::Gitignore).has_value());
  EXPECT_NE(error.find("unclosed"), std::string::npos);
}

TEST(Glob, LiteralPrefixIsTheDirectoryBeforeTheFirstWildcard) {
  EXPECT_EQ(GlobPattern::compile("src/gen/**/*.rs")->literal_prefix(), "src/gen");
  EXPECT_EQ(GlobPattern::compile("**/*.rs")->literal_prefix(), "");
  EXPECT_EQ(GlobPattern::compile("*.rs")->literal_prefix(), "");
  EXPECT_EQ(GlobPattern::compile("src/main.rs")->literal_prefix(), "src");
  EXPECT_EQ(GlobPattern::compile("a/b*/c")->literal_prefix(), "a");
  EXPECT_EQ(GlobPattern::compile("./src/*.rs")->text(), "./src/*.rs");
}

TEST(Glob, MatchesEverythingUnderADirectory) {
  auto build = GlobPattern::compile("build/**");
  EXPECT_TRUE(build->matches_everything_under("build"));
  EXPECT_TRUE(build->matches_everything_under("build/sub"));
  EXPECT_FALSE(build->matches_everything_under("src"));
  EXPECT_FALSE(GlobPattern::compile("build/*.o")->matches_everything_under("build"));
  EXPECT_TRUE(GlobPattern::compile("**/gen/**")->matches_everything_under("a/b/gen"));
  EXPECT_TRUE(GlobPattern::compile("**")->matches_everything_under(""));
}

TEST(Glob, SplitPathDropsEmptySegments) {
  EXPECT_EQ(split_path("a/b/c"), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(split_path("/a//b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(split_path("").empty());
}

}  // namespace
}  // namespace hie::workspace
