#include <gtest/gtest.h>

#include "tests/stdlib/files/files_test_helpers.h"

namespace hie::stdlib::files {
namespace {

class FilesChecks : public FilesTest {
 protected:
  void SetUp() override {
    tree_.write("src/main.py", "print('hi')\n");
    tree_.write("src/domain.rs", "");
    tree_.write("src/models/user.py", "");
    tree_.write("src/a.pyc", "");
    tree_.write("src/models/b.pyc", "");
    tree_.write("src/__pycache__/x.cpython.pyc", "");
    tree_.write("Dockerfile", "FROM python:3.11\n");
    tree_.write("docker/Dockerfile", "FROM scratch\n");
    tree_.write("assets/big.bin", std::string(2000, 'x'));
    tree_.write("assets/small.bin", std::string(10, 'x'));
    tree_.write("assets/medium.bin", std::string(1500, 'x'));
  }

  std::string fail_message(std::string_view function, std::vector<Value> args) {
    const CheckOutcome result = outcome(function, std::move(args));
    EXPECT_EQ(result.status, Status::Fail) << function;
    return result.message;
  }
  void expect_pass(std::string_view function, std::vector<Value> args) {
    const CheckOutcome result = outcome(function, std::move(args));
    EXPECT_EQ(result.status, Status::Pass) << function << ": " << result.message;
  }
  void expect_error(std::string_view function, std::vector<Value> args, std::string_view code,
                    std::string_view message_start) {
    auto result = check(function, std::move(args));
    ASSERT_FALSE(result.ok()) << function;
    EXPECT_EQ(result.error().code, code);
    EXPECT_EQ(result.error().message.rfind(message_start, 0), 0u) << result.error().message;
  }
};

TEST_F(FilesChecks, ExistsInAFolder) {
  expect_pass("exists", {folder("src"), str("main.py")});
  expect_pass("exists", {folder("src"), str("models/user.py")});
  expect_pass("exists", {folder("src"), str("models")});  // a directory counts
  expect_pass("exists", {folder("."), str("Dockerfile")});
  EXPECT_EQ(fail_message("exists", {folder("src"), str("api.py")}), "File 'api.py' does not exist in folder 'src'");
  EXPECT_EQ(fail_message("exists", {folder("./src/"), str("api.py")}), "File 'api.py' does not exist in folder 'src'");
  EXPECT_EQ(fail_message("exists", {folder("."), str("api.py")}), "File 'api.py' does not exist in folder '.'");
  // A folder that does not exist contains nothing.
  EXPECT_EQ(fail_message("exists", {folder("nope"), str("x")}), "File 'x' does not exist in folder 'nope'");
  expect_error("exists", {folder("src"), str("../../etc/passwd")}, "E104",
               "exists: '../../etc/passwd' in folder 'src' is outside the workspace");
  expect_error("contains", {folder("."), str("../x")}, "E104",
               "contains: '../x' in folder '.' is outside the workspace");
}

TEST_F(FilesChecks, ExistsOnAFileScopeUsesTheName) {
  expect_pass("exists", {file("Dockerfile"), str("Dockerfile")});
  expect_pass("exists", {file("docker/Dockerfile"), str("Dockerfile")});
  expect_pass("exists", {file("docker/Dockerfile"), str("docker/Dockerfile")});
  EXPECT_EQ(fail_message("exists", {file("docker/Dockerfile"), str("HEALTHCHECK")}),
            "File 'docker/Dockerfile' is not named 'HEALTHCHECK'");
  EXPECT_EQ(fail_message("exists", {file("docker/Dockerfile"), str("erfile")}),
            "File 'docker/Dockerfile' is not named 'erfile'");
  EXPECT_EQ(fail_message("exists", {file("nope.txt"), str("nope.txt")}), "File 'nope.txt' does not exist");
  // A File scope that names a directory looks inside it, like a Folder.
  expect_pass("exists", {file("docker"), str("Dockerfile")});
}

TEST_F(FilesChecks, ExistsOnOtherScopesComparesWholeSegments) {
  expect_pass("exists", {glob("**/*.py"), str("user.py")});
  expect_pass("exists", {glob("**/*.py"), str("models/user.py")});
  EXPECT_EQ(fail_message("exists", {glob("**/*.py"), str("ser.py")}), "No file named 'ser.py' found in scope");
  EXPECT_EQ(fail_message("exists", {glob("**/*.py"), str("api.py")}), "No file named 'api.py' found in scope");
  expect_pass("exists", {select("filter", {folder("src"), str("**/*.py")}), str("main.py")});
}

TEST_F(FilesChecks, Contains) {
  expect_pass("contains", {folder("src"), str("main.py")});
  EXPECT_EQ(fail_message("contains", {folder("src"), str("api.py")}), "Folder 'src' does not contain 'api.py'");
  // Whole path segments only: domain.rs does not contain main.rs (the older tool said it did).
  const Value rs = glob("**/*.rs");
  EXPECT_EQ(fail_message("contains", {rs, str("main.rs")}), "Scope does not contain 'main.rs'");
  expect_pass("contains", {rs, str("domain.rs")});
  expect_pass("contains", {rs, str("src/domain.rs")});
  expect_pass("contains", {file("src/main.py"), str("main.py")});
  EXPECT_EQ(fail_message("contains", {file("src/main.py"), str("ain.py")}), "Scope does not contain 'ain.py'");
  expect_pass("contains", {glob("**/*.py"), str("./models/user.py")});
}

TEST_F(FilesChecks, NoFilesMatchingInAFolder) {
  // `*.pyc` is relative to the folder and not recursive; `**/*.pyc` is.
  EXPECT_EQ(fail_message("no_files_matching", {folder("src"), str("*.pyc")}),
            "Found 1 files matching pattern '*.pyc': [\"src/a.pyc\"]");
  EXPECT_EQ(fail_message("no_files_matching", {folder("src"), str("**/*.pyc")}),
            "Found 3 files matching pattern '**/*.pyc': [\"src/__pycache__/x.cpython.pyc\", \"src/a.pyc\", "
            "\"src/models/b.pyc\"]");
  // Directories count.
  EXPECT_EQ(fail_message("no_files_matching", {folder("src"), str("__pycache__")}),
            "Found 1 files matching pattern '__pycache__': [\"src/__pycache__\"]");
  expect_pass("no_files_matching", {folder("src"), str("*.bak")});
  expect_pass("no_files_matching", {folder("src/models"), str("*.py[x]")});
  expect_pass("no_files_matching", {folder("nope"), str("*")});
}

TEST_F(FilesChecks, NoFilesMatchingListsFiveAndGivesEvidenceForAll) {
  for (int i = 0; i < 7; ++i) tree_.write("logs/" + std::to_string(i) + ".log", "");
  index();
  const CheckOutcome result = outcome("no_files_matching", {folder("logs"), str("*.log")});
  ASSERT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message,
            "Found 7 files matching pattern '*.log': [\"logs/0.log\", \"logs/1.log\", \"logs/2.log\", \"logs/3.log\", "
            "\"logs/4.log\"]");
  ASSERT_EQ(result.evidence.size(), 7u);
  EXPECT_EQ(result.evidence[6].file, "logs/6.log");
  EXPECT_EQ(result.evidence[6].line, 0u);
}

TEST_F(FilesChecks, NoFilesMatchingBaseDirectoryByScopeKind) {
  // File scope: the file's directory. Glob scope: the workspace root.
  EXPECT_EQ(fail_message("no_files_matching", {file("src/main.py"), str("*.pyc")}),
            "Found 1 files matching pattern '*.pyc': [\"src/a.pyc\"]");
  expect_pass("no_files_matching", {file("Dockerfile"), str("*.pyc")});
  EXPECT_EQ(fail_message("no_files_matching", {glob("src/*.py"), str("Dockerfile")}),
            "Found 1 files matching pattern 'Dockerfile': [\"Dockerfile\"]");
  // Other scopes: their own paths, workspace-relative.
  const Value derived = select("filter", {folder("src"), str("src/models/**")});
  EXPECT_EQ(fail_message("no_files_matching", {derived, str("**/*.pyc")}),
            "Found 1 files matching pattern '**/*.pyc': [\"src/models/b.pyc\"]");
}

TEST_F(FilesChecks, NoFilesMatchingWithAnInvalidGlobIsAnErrorResult) {
  const CheckOutcome result = outcome("no_files_matching", {folder("src"), str("[ab")});
  EXPECT_EQ(result.status, Status::Error);
  EXPECT_EQ(result.code, "E105");
  EXPECT_EQ(result.message.rfind("Invalid glob pattern: [ab (unclosed '['", 0), 0u);
}

TEST_F(FilesChecks, MaxSize) {
  expect_pass("max_size", {folder("assets"), num(2000)});
  expect_pass("max_size", {folder("src/models"), num(0)});
  EXPECT_EQ(fail_message("max_size", {file("assets/big.bin"), num(1999)}),
            "File 'assets/big.bin' exceeds maximum size (2000 > 1999 bytes)");
  const CheckOutcome several = outcome("max_size", {folder("assets"), num(100)});
  ASSERT_EQ(several.status, Status::Fail);
  EXPECT_EQ(several.message,
            "File 'assets/big.bin' exceeds maximum size (2000 > 100 bytes); 1 more exceed it: assets/medium.bin");
  ASSERT_EQ(several.evidence.size(), 2u);
  EXPECT_EQ(several.evidence[1].file, "assets/medium.bin");
  EXPECT_EQ(several.evidence[1].message, "1500 bytes");
  // A fractional limit is truncated, as in the older tool.
  EXPECT_EQ(fail_message("max_size", {file("assets/big.bin"), Value::floating(1999.9)}),
            "File 'assets/big.bin' exceeds maximum size (2000 > 1999 bytes)");
  expect_error("max_size", {folder("assets"), num(-1)}, "E117", "max_size requires a number of bytes, 0 or more");
  expect_error("max_size", {folder("assets"), str("1MB")}, "E117", "max_size requires a number as second argument");
}

TEST_F(FilesChecks, MaxSizeReportsPathsItCannotMeasure) {
  const Value foreign = scope_of("module", "x", {"src/main.py", "not/indexed.py"});
  const CheckOutcome result = outcome("max_size", {foreign, num(1000)});
  EXPECT_EQ(result.status, Status::Error);
  EXPECT_EQ(result.code, "E107");
  EXPECT_EQ(result.message, "cannot tell the size of 1 path (not files in the workspace): not/indexed.py");
}

TEST_F(FilesChecks, EmptinessAndCounts) {
  expect_pass("is_empty", {glob("**/*.go")});
  EXPECT_EQ(fail_message("is_empty", {glob("**/*.pyc")}),
            "Scope Glob('**/*.pyc') is not empty: it selects 3 files: src/__pycache__/x.cpython.pyc, src/a.pyc, "
            "src/models/b.pyc");
  expect_pass("not_empty", {folder("src")});
  EXPECT_EQ(fail_message("not_empty", {folder("lib")}), "Scope Folder('lib') selects no files");
  expect_pass("count_at_most", {folder("assets"), num(3)});
  expect_pass("count_at_most", {glob("*.go"), num(0)});
  EXPECT_EQ(fail_message("count_at_most", {folder("assets"), num(2)}),
            "Scope Folder('assets') selects 3 files, more than 2: assets/big.bin, assets/medium.bin, assets/small.bin");
  expect_error("count_at_most", {folder("assets"), num(-1)}, "E103", "count_at_most requires a count of 0 or more");
  expect_error("count_at_most", {folder("assets"), Value::floating(2.5)}, "E103",
               "wrong arguments: expected files.count_at_most(scope, n: integer), got "
               "files.count_at_most(scope, float)");
}

TEST_F(FilesChecks, ArgumentErrorsKeepTheOlderCodesAndMessages) {
  // A string where a scope is expected, as in the older examples (`files.exists('.', 'Dockerfile')`).
  expect_error("exists", {str("."), str("Dockerfile")}, "E110",
               "exists requires a scope as first argument (expected files.exists(scope, name: string), got "
               "files.exists(string, string))");
  expect_error("exists", {folder("src")}, "E111", "exists requires a filename as second argument");
  expect_error("contains", {num(1), str("x")}, "E112", "contains requires a scope as first argument");
  expect_error("contains", {folder("src"), num(1)}, "E113", "contains requires a filename as second argument");
  expect_error("no_files_matching", {}, "E114", "no_files_matching requires a scope as first argument");
  expect_error("no_files_matching", {folder("src"), Value()}, "E115",
               "no_files_matching requires a pattern as second argument");
  expect_error("max_size", {Value::list({}), num(1)}, "E116", "max_size requires a scope as first argument");
  expect_error("exists", {folder("src"), str("a"), str("b")}, "E103",
               "wrong arguments: expected files.exists(scope, name: string), got files.exists(scope, string, "
               "string)");
  expect_error("is_empty", {str("src")}, "E103", "wrong arguments: expected files.is_empty(scope)");
}

TEST_F(FilesChecks, UnknownChecks) {
  expect_error("matches_pattern", {folder("src")}, "E199", "Unknown check function: files.matches_pattern");
  auto selector = check("folder_selector", {str("src")});
  ASSERT_FALSE(selector.ok());
  EXPECT_EQ(selector.error().message,
            "Unknown check function: files.folder_selector (files.folder_selector is a selector, not a check)");
}

}  // namespace
}  // namespace hie::stdlib::files
