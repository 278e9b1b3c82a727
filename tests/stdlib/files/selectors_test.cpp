#include <gtest/gtest.h>

#include "tests/stdlib/files/files_test_helpers.h"

namespace hie::stdlib::files {
namespace {

class FilesSelectors : public FilesTest {
 protected:
  void SetUp() override {
    tree_.write("src/main.rs", "fn main() {}\n");
    tree_.write("src/lib.rs", "");
    tree_.write("src/a/mod.rs", "");
    tree_.write("src/a/b/deep.rs", "");
    tree_.write("src/notes.txt", "");
    tree_.write("README.md", "");
    tree_.write("docs/guide.md", "");
    tree_.write(".hidden/x.rs", "");
  }
};

TEST_F(FilesSelectors, FileSelector) {
  const Value main = file("src/main.rs");
  EXPECT_EQ(main.as_scope().kind, "File");
  EXPECT_EQ(main.as_scope().arg, "src/main.rs");
  EXPECT_EQ(main.as_scope().paths, (Paths{"src/main.rs"}));
  EXPECT_TRUE(main.as_scope().resolved);
  EXPECT_FALSE(main.as_scope().language.has_value());
  // Paths are normalized; the argument is kept as written.
  const Value messy = file("./src//a/../main.rs");
  EXPECT_EQ(messy.as_scope().paths, (Paths{"src/main.rs"}));
  EXPECT_EQ(messy.as_scope().arg, "./src//a/../main.rs");
  // A missing file or a directory selects nothing; that is not an error.
  EXPECT_TRUE(file("src/nope.rs").as_scope().paths.empty());
  EXPECT_TRUE(file("src").as_scope().paths.empty());
}

TEST_F(FilesSelectors, FolderSelectorIsRecursiveAndSorted) {
  const Value src = folder("src");
  EXPECT_EQ(src.as_scope().kind, "Folder");
  EXPECT_EQ(src.as_scope().arg, "src");
  EXPECT_EQ(src.as_scope().paths,
            (Paths{"src/a/b/deep.rs", "src/a/mod.rs", "src/lib.rs", "src/main.rs", "src/notes.txt"}));
  EXPECT_EQ(folder("src/a/").as_scope().paths, (Paths{"src/a/b/deep.rs", "src/a/mod.rs"}));
  EXPECT_EQ(folder(".").as_scope().paths.size(), 8u);
  EXPECT_EQ(folder("").as_scope().paths.size(), 8u);
  EXPECT_TRUE(folder("missing").as_scope().paths.empty());
  EXPECT_TRUE(folder("README.md").as_scope().paths.empty());
}

TEST_F(FilesSelectors, PathsOutsideTheWorkspaceAreErrors) {
  for (const char* function : {"file_selector", "folder_selector"}) {
    for (const char* path : {"../x", "/etc/hosts", "src/../../x"}) {
      auto result = call(function, {str(path)});
      ASSERT_FALSE(result.ok()) << function << " " << path;
      EXPECT_EQ(result.error().code, "E104");
      EXPECT_EQ(
          result.error().message.rfind(std::string(function) + ": path '" + path + "' is outside the workspace", 0), 0u)
          << result.error().message;
    }
  }
}

TEST_F(FilesSelectors, GlobSelector) {
  const Value rs = glob("**/*.rs");
  EXPECT_EQ(rs.as_scope().kind, "Glob");
  EXPECT_EQ(rs.as_scope().arg, "**/*.rs");
  EXPECT_EQ(rs.as_scope().paths,
            (Paths{".hidden/x.rs", "src/a/b/deep.rs", "src/a/mod.rs", "src/lib.rs", "src/main.rs"}));
  EXPECT_EQ(glob("src/*.rs").as_scope().paths, (Paths{"src/lib.rs", "src/main.rs"}));
  EXPECT_EQ(glob("*.md").as_scope().paths, (Paths{"README.md"}));
  EXPECT_EQ(glob("src/**").as_scope().paths.size(), 5u);
  EXPECT_EQ(glob("src/[lm]*.rs").as_scope().paths, (Paths{"src/lib.rs", "src/main.rs"}));
  EXPECT_EQ(glob("docs").as_scope().paths, Paths{});  // directories are not selected
  EXPECT_TRUE(glob("**/*.go").as_scope().paths.empty());
}

TEST_F(FilesSelectors, InvalidGlobsAreErrors) {
  auto result = call("glob_selector", {str("src/**.rs")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "E105");
  EXPECT_EQ(result.error().message,
            "Invalid glob pattern: src/**.rs ('**' must be a whole path segment, as in 'src/**/*.rs' (use '*' within "
            "a name))");
  auto unclosed = call("glob_selector", {str("[ab")});
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().code, "E105");
  auto outside = call("glob_selector", {str("../*.rs")});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, "E105");
}

TEST_F(FilesSelectors, Union) {
  const Value u = select("union", {glob("*.md"), folder("docs"), file("README.md")});
  EXPECT_EQ(u.as_scope().kind, "Union");
  EXPECT_EQ(u.as_scope().arg, "");
  EXPECT_EQ(u.as_scope().paths, (Paths{"README.md", "docs/guide.md"}));
  auto one = call("union", {glob("*.md")});
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().code, "E103");
  EXPECT_EQ(one.error().message,
            "wrong arguments: expected files.union(a: scope, b: scope, others: scope...), got files.union(scope)");
}

TEST_F(FilesSelectors, Intersect) {
  const Value both = select("intersect", {glob("**/*.rs"), folder("src/a")});
  EXPECT_EQ(both.as_scope().kind, "Intersect");
  EXPECT_EQ(both.as_scope().paths, (Paths{"src/a/b/deep.rs", "src/a/mod.rs"}));
  EXPECT_TRUE(select("intersect", {folder("docs"), folder("src")}).as_scope().paths.empty());
}

TEST_F(FilesSelectors, ExcludeAndFilterMatchWorkspaceRelativePaths) {
  const Value kept = select("exclude", {folder("src"), str("src/a/**")});
  EXPECT_EQ(kept.as_scope().kind, "Exclude");
  EXPECT_EQ(kept.as_scope().arg, "src/a/**");
  EXPECT_EQ(kept.as_scope().paths, (Paths{"src/lib.rs", "src/main.rs", "src/notes.txt"}));
  const Value only = select("filter", {folder("src"), str("**/*.txt")});
  EXPECT_EQ(only.as_scope().kind, "Filter");
  EXPECT_EQ(only.as_scope().paths, (Paths{"src/notes.txt"}));
  auto invalid = call("filter", {folder("src"), str("a**")});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, "E105");
}

TEST_F(FilesSelectors, LanguagesSurviveTheAlgebra) {
  const Value python = Value::scope({"module", "a", {"a.py", "b.py"}, "python", true});
  const Value other = Value::scope({"module", "b", {"b.py"}, "python", true});
  const Value rust = Value::scope({"module", "c", {"c.rs"}, "rust", true});
  EXPECT_EQ(select("filter", {python, str("a.*")}).as_scope().language, "python");
  EXPECT_EQ(select("exclude", {python, str("a.*")}).as_scope().language, "python");
  EXPECT_EQ(select("union", {python, other}).as_scope().language, "python");
  EXPECT_FALSE(select("union", {python, rust}).as_scope().language.has_value());
  EXPECT_EQ(select("intersect", {python, other}).as_scope().paths, (Paths{"b.py"}));
}

TEST_F(FilesSelectors, ArgumentErrorsKeepTheOlderCodes) {
  auto file_error = call("file_selector", {num(1)});
  ASSERT_FALSE(file_error.ok());
  EXPECT_EQ(file_error.error().code, "E100");
  EXPECT_EQ(file_error.error().message,
            "file_selector requires a string path argument (expected files.file_selector(path: string), got "
            "files.file_selector(integer))");
  auto folder_error = call("folder_selector", {});
  ASSERT_FALSE(folder_error.ok());
  EXPECT_EQ(folder_error.error().code, "E101");
  EXPECT_EQ(folder_error.error().message.rfind("folder_selector requires a string path argument (expected", 0), 0u);
  auto glob_error = call("glob_selector", {folder("src")});
  ASSERT_FALSE(glob_error.ok());
  EXPECT_EQ(glob_error.error().code, "E102");
  EXPECT_EQ(glob_error.error().message.rfind("glob_selector requires a string pattern argument", 0), 0u);
  // Extra arguments were ignored by the older tool; they are an error now.
  auto extra = call("file_selector", {str("a"), str("b")});
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().code, "E103");
  auto wrong_scope = call("exclude", {str("src"), str("*.rs")});
  ASSERT_FALSE(wrong_scope.ok());
  EXPECT_EQ(wrong_scope.error().code, "E103");
  EXPECT_EQ(wrong_scope.error().message,
            "wrong arguments: expected files.exclude(scope, pattern: string), got files.exclude(string, string)");
}

TEST_F(FilesSelectors, UnknownFunctions) {
  auto unknown = call("nothing", {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "E199");
  EXPECT_EQ(unknown.error().message, "Unknown function: files.nothing");
  auto a_check = call("exists", {folder("src"), str("x")});
  ASSERT_FALSE(a_check.ok());
  EXPECT_EQ(a_check.error().code, "E199");
  EXPECT_EQ(a_check.error().message,
            "Unknown function: files.exists (files.exists is a check: use it in a `check` statement)");
}

}  // namespace
}  // namespace hie::stdlib::files
