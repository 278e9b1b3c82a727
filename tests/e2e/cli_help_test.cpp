// `hie --help`, `--version` and command-line usage errors (exit code 2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(CliHelp, RootHelpTeachesAndListsCommands) {
  RunResult result = run_hie({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_THAT(result.out, HasSubstr("hie checks that a code base matches its architecture"));
  for (const char* command : {"check", "run", "validate", "eval", "deps", "init", "parse", "explain"}) EXPECT_THAT(result.out, HasSubstr(command));
  for (const char* option : {"-C", "--config", "--color", "--quiet", "--verbose", "--version"}) {
    EXPECT_THAT(result.out, HasSubstr(option));
  }
  EXPECT_THAT(result.out, HasSubstr("Examples:"));
  EXPECT_THAT(result.out, HasSubstr("hie validate architecture.hie"));
  expect_golden("help", result);
}

TEST(CliHelp, CommandHelpHasAnExample) {
  for (const char* command : {"check", "run", "validate", "eval", "deps", "init", "parse", "explain"}) {
    SCOPED_TRACE(command);
    RunResult result = run_hie({command, "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_THAT(result.out, HasSubstr("Example"));
    EXPECT_THAT(result.out, HasSubstr(std::string("hie ") + command));
    expect_golden(std::string("help_") + command, result);
  }
}

TEST(CliVersion, PrintsNameAndVersion) {
  RunResult result = run_hie({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "hie 0.1.0\n");
  EXPECT_EQ(result.err, "");
  expect_golden("version", result);
}

TEST(CliVersion, VerboseAddsLibraryAndSchemaVersions) {
  // Not a golden file: the library versions are those of the build machine.
  for (auto args : {std::vector<std::string>{"--version", "-v"}, std::vector<std::string>{"-v", "--version"}}) {
    RunResult result = run_hie(args);
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_THAT(result.out, ::testing::StartsWith("hie 0.1.0\n"));
    EXPECT_THAT(result.out, HasSubstr("hie.check/1"));
    EXPECT_THAT(result.out, HasSubstr("CLI11: "));
    EXPECT_THAT(result.out, HasSubstr("fmt: "));
    EXPECT_THAT(result.out, HasSubstr("nlohmann-json: "));
  }
}

TEST(CliUsage, NoCommandIsAUsageError) {
  RunResult result = run_hie(std::vector<std::string>{});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("error: no command given"));
  expect_golden("usage_no_command", result);
}

TEST(CliUsage, UnknownCommandIsAUsageError) {
  RunResult result = run_hie({"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("frobnicate"));
  EXPECT_THAT(result.err, HasSubstr("--help"));
  expect_golden("usage_unknown_command", result);
}

TEST(CliUsage, UnknownOptionIsAUsageError) {
  RunResult result = run_hie({"validate", "--frobnicate", "clean.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--frobnicate"));
  expect_golden("usage_unknown_option", result);
}

TEST(CliUsage, InvalidOptionValuesAreUsageErrors) {
  RunResult color = run_hie({"--color", "sometimes", "validate", "clean.hie"});
  EXPECT_EQ(color.exit_code, 2);
  EXPECT_THAT(color.err, HasSubstr("sometimes"));
  expect_golden("usage_bad_color", color);

  RunResult format = run_hie({"validate", "--format", "xml", "clean.hie"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_THAT(format.err, HasSubstr("xml"));
  expect_golden("usage_bad_format", format);
}

TEST(CliUsage, MissingArgumentIsAUsageError) {
  RunResult result = run_hie({"parse"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("FILE"));
  expect_golden("usage_parse_without_file", result);
}

TEST(CliUsage, ValidateWithoutFilesSaysWhatToDo) {
  RunResult result = run_hie({"validate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no spec files"));
  EXPECT_THAT(result.err, HasSubstr("help:"));
}

TEST(CliUsage, GlobalOptionsWorkAfterTheCommand) {
  RunResult result = run_hie({"validate", "clean.hie", "--color", "never", "-q"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
}

TEST(CliUsage, DirectoryOption) {
  RunOptions options;
  options.cwd = testdata_dir();
  options.args = {"-C", "specs", "validate", "clean.hie"};
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "Finished validating 1 file: no errors\n");

  options.args = {"-C", "no-such-dir", "validate", "clean.hie"};
  RunResult missing = run_hie(options);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "error: cannot change to directory 'no-such-dir': No such file or directory\n");
  EXPECT_THAT(missing.err, Not(HasSubstr("internal error")));
}

}  // namespace
}  // namespace hie::e2e
