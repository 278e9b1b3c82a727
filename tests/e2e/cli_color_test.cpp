// Colour: off when piped, on for a terminal, NO_COLOR honoured, --color always/never obeyed, JSON never coloured.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kEscape = "\x1b[";

RunResult run_on_terminal(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env = {}) {
  RunOptions options;
  options.args = std::move(args);
  options.env = std::move(env);
  options.stderr_is_terminal = true;
  return run_hie(options);
}

TEST(CliColor, OffWhenPiped) {
  RunResult result = run_hie({"validate", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E026]"));
  EXPECT_THAT(result.err, Not(HasSubstr(kEscape)));
}

TEST(CliColor, AlwaysColoursEvenWhenPiped) {
  RunResult result = run_hie({"--color", "always", "validate", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("\x1b[1;31merror[E026]\x1b[0m"));  // bold red severity
  EXPECT_THAT(result.err, HasSubstr("\x1b[1;34m-->\x1b[0m"));          // blue gutter
  expect_golden("validate_e026_color_always", result);

  RunResult ok = run_hie({"--color", "always", "validate", "clean.hie"});
  EXPECT_EQ(ok.err, "\x1b[1;32mFinished\x1b[0m validating 1 file: no errors\n");
}

TEST(CliColor, AutoColoursATerminal) {
  RunResult result = run_on_terminal({"validate", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("\x1b[1;31merror[E026]"));
}

TEST(CliColor, NoColorEnvironmentDisablesAuto) {
  RunResult result = run_on_terminal({"validate", "e026_unclosed_block.hie"}, {{"NO_COLOR", "1"}});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E026]"));
  EXPECT_THAT(result.err, Not(HasSubstr(kEscape)));

  // no-color.org: only a non-empty value counts.
  RunResult empty = run_on_terminal({"validate", "e026_unclosed_block.hie"}, {{"NO_COLOR", ""}});
  EXPECT_THAT(empty.err, HasSubstr(kEscape));
}

TEST(CliColor, ExplicitChoiceBeatsTheEnvironment) {
  RunResult never = run_on_terminal({"--color", "never", "validate", "e026_unclosed_block.hie"});
  EXPECT_THAT(never.err, Not(HasSubstr(kEscape)));
  RunResult always =
      run_hie(RunOptions{{"--color", "always", "validate", "e026_unclosed_block.hie"}, "", {{"NO_COLOR", "1"}}});
  EXPECT_THAT(always.err, HasSubstr(kEscape));
}

TEST(CliColor, UsageErrorsFollowTheSameRule) {
  RunResult result = run_on_terminal({"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("\x1b[1;31merror"));
}

TEST(CliColor, JsonIsNeverColoured) {
  RunResult result = run_hie({"--color", "always", "validate", "-f", "json", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.out, Not(HasSubstr(kEscape)));
  RunResult tree = run_hie({"--color", "always", "parse", "shop.hie"});
  EXPECT_EQ(tree.exit_code, 0);
  EXPECT_THAT(tree.out, Not(HasSubstr(kEscape)));
}

}  // namespace
}  // namespace hie::e2e
