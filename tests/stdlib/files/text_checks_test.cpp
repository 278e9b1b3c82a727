#include <gtest/gtest.h>

#include <filesystem>

#include "tests/stdlib/files/files_test_helpers.h"

namespace hie::stdlib::files {
namespace {

class FilesTextChecks : public FilesTest {
 protected:
  void SetUp() override {
    tree_.write("src/a.py", "import os\n# TODO: remove\nx = 1\n");
    tree_.write("src/b.py", "def f():\r\n    return 2  # FIXME\r\n");
    tree_.write("src/c.py", "clean = True");
    tree_.write("LICENSE", "MIT License\n\nCopyright\n");
  }
};

TEST_F(FilesTextChecks, ContainsText) {
  EXPECT_EQ(outcome("contains_text", {file("LICENSE"), str("MIT License")}).status, Status::Pass);
  EXPECT_EQ(outcome("contains_text", {folder("src"), str("^import\\s+os$")}).status, Status::Pass);
  const CheckOutcome missing = outcome("contains_text", {folder("src"), str("GPL")});
  EXPECT_EQ(missing.status, Status::Fail);
  EXPECT_EQ(missing.message, "No text matching 'GPL' found in 3 files");
  const CheckOutcome empty = outcome("contains_text", {folder("nope"), str("x")});
  EXPECT_EQ(empty.status, Status::Fail);
  EXPECT_EQ(empty.message, "No text matching 'x' found: scope Folder('nope') selects no files");
}

TEST_F(FilesTextChecks, NoTextNamesEveryFileAndLine) {
  const CheckOutcome found = outcome("no_text", {folder("src"), str("TODO|FIXME")});
  ASSERT_EQ(found.status, Status::Fail);
  EXPECT_EQ(found.message, "Text matching 'TODO|FIXME' found in 2 lines: src/a.py:2, src/b.py:2");
  ASSERT_EQ(found.evidence.size(), 2u);
  EXPECT_EQ(found.evidence[0].file, "src/a.py");
  EXPECT_EQ(found.evidence[0].line, 2u);
  EXPECT_EQ(found.evidence[0].message, "# TODO: remove");
  EXPECT_EQ(found.evidence[1].message, "return 2  # FIXME");  // trimmed, without the "\r"
  EXPECT_EQ(outcome("no_text", {folder("src"), str("XXX")}).status, Status::Pass);
  EXPECT_EQ(outcome("no_text", {folder("nope"), str("x")}).status, Status::Pass);
  // `$` is the end of the line, also with CRLF line ends.
  EXPECT_EQ(outcome("no_text", {file("src/b.py"), str("FIXME$")}).status, Status::Fail);
}

TEST_F(FilesTextChecks, InvalidRegularExpressionsAreErrors) {
  for (const char* function : {"contains_text", "no_text"}) {
    auto result = check(function, {folder("src"), str("(unclosed")});
    ASSERT_FALSE(result.ok()) << function;
    EXPECT_EQ(result.error().code, "E106");
    EXPECT_EQ(result.error().message.rfind("Invalid regular expression '(unclosed': ", 0), 0u);
  }
}

TEST_F(FilesTextChecks, NonUtf8FilesAreReportedNotSkipped) {
  tree_.write("src/logo.png", std::string("\x89PNG\r\n\x1a\n\xff\xfe TODO", 15));
  index();
  const CheckOutcome clean = outcome("no_text", {glob("src/*.png"), str("TODO")});
  EXPECT_EQ(clean.status, Status::Error);
  EXPECT_EQ(clean.code, "E107");
  EXPECT_EQ(clean.message, "could not search 1 file: 'src/logo.png' (not UTF-8)");
  // Offenders elsewhere still fail, and the message also names what could not be searched.
  const CheckOutcome found = outcome("no_text", {folder("src"), str("TODO")});
  EXPECT_EQ(found.status, Status::Fail);
  EXPECT_EQ(found.message,
            "Text matching 'TODO' found in 1 line: src/a.py:2; could not search 1 file: 'src/logo.png' (not UTF-8)");
  const CheckOutcome absent = outcome("contains_text", {folder("src"), str("GPL")});
  EXPECT_EQ(absent.status, Status::Error);
  EXPECT_EQ(absent.message, "No text matching 'GPL' found, but could not search 1 file: 'src/logo.png' (not UTF-8)");
  // A match elsewhere is enough for contains_text.
  EXPECT_EQ(outcome("contains_text", {folder("src"), str("import")}).status, Status::Pass);
  const CheckOutcome lines = outcome("max_lines", {folder("src"), num(100)});
  EXPECT_EQ(lines.status, Status::Error);
  EXPECT_EQ(lines.message, "could not count the lines of 1 file: 'src/logo.png' (not UTF-8)");
}

TEST_F(FilesTextChecks, UnreadableFilesAreReported) {
  index();
  std::filesystem::remove(tree_.path("src/c.py"));  // indexed, then gone before it was read
  const CheckOutcome result = outcome("no_text", {folder("src"), str("nothing here")});
  EXPECT_EQ(result.status, Status::Error);
  EXPECT_EQ(result.code, "E107");
  EXPECT_EQ(result.message, "could not search 1 file: 'src/c.py' (No such file or directory)");
}

TEST_F(FilesTextChecks, MaxLines) {
  tree_.write("empty.txt", "");
  tree_.write("one.txt", "no newline");
  tree_.write("two.txt", "a\nb\n");
  tree_.write("three.txt", "a\n\nc");
  index();
  EXPECT_EQ(outcome("max_lines", {file("empty.txt"), num(0)}).status, Status::Pass);
  EXPECT_EQ(outcome("max_lines", {file("one.txt"), num(1)}).status, Status::Pass);
  EXPECT_EQ(outcome("max_lines", {file("two.txt"), num(2)}).status, Status::Pass);
  const CheckOutcome result = outcome("max_lines", {glob("*.txt"), num(1)});
  ASSERT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "2 files have more than 1 lines: three.txt (3 lines), two.txt (2 lines)");
  ASSERT_EQ(result.evidence.size(), 2u);
  EXPECT_EQ(result.evidence[0].message, "3 lines");
  EXPECT_EQ(outcome("max_lines", {file("three.txt"), num(2)}).message,
            "1 file has more than 2 lines: three.txt (3 lines)");
  auto negative = check("max_lines", {file("one.txt"), num(-2)});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, "E103");
}

TEST_F(FilesTextChecks, LongLinesAreSearchedSafely) {
  // libstdc++'s matcher recurses per character: a 200 KB line needs a large stack, which the search provides.
  tree_.write("min.js", std::string(200 * 1024, 'a') + "x\n");
  tree_.write("huge.js", std::string(300 * 1024, 'a') + "\n");
  index();
  EXPECT_EQ(outcome("contains_text", {file("min.js"), str("(a|b)*x")}).status, Status::Pass);
  const CheckOutcome huge = outcome("no_text", {file("huge.js"), str("x")});
  EXPECT_EQ(huge.status, Status::Error);
  EXPECT_EQ(huge.message,
            "could not search 1 file: 'huge.js' (line 1 is longer than 262144 bytes and was not searched)");
}

TEST_F(FilesTextChecks, ManyOffendingLinesAreCutInTheMessageButNotInTheEvidence) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "TODO\n";
  tree_.write("todo.txt", text);
  index();
  const CheckOutcome result = outcome("no_text", {file("todo.txt"), str("TODO")});
  ASSERT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.evidence.size(), 150u);
  EXPECT_NE(result.message.find("todo.txt:100 and 50 more"), std::string::npos) << result.message;
}

}  // namespace
}  // namespace hie::stdlib::files
