// `hie explain CODE`: the meaning of a diagnostic code; unknown codes are a usage error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(CliExplain, KnownCode) {
  RunResult result = run_hie({"explain", "E026"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_THAT(result.out, StartsWith("E026: unclosed block\n\n"));
  EXPECT_THAT(result.out, HasSubstr("`{`"));
  expect_golden("explain_e026", result);
}

TEST(CliExplain, CaseDoesNotMatter) { EXPECT_EQ(run_hie({"explain", "e026"}).out, run_hie({"explain", "E026"}).out); }

TEST(CliExplain, UnknownCodeSaysHowToListCodes) {
  RunResult result = run_hie({"explain", "E999"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("unknown diagnostic code 'E999'"));
  EXPECT_THAT(result.err, HasSubstr("hie explain"));
  expect_golden("explain_unknown", result);
}

TEST(CliExplain, WithoutACodeListsEveryCode) {
  RunResult result = run_hie({"explain"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, StartsWith("E001  "));
  EXPECT_THAT(result.out, HasSubstr("\nE026  unclosed block\n"));
  EXPECT_THAT(result.out, HasSubstr("hie explain CODE"));
  // No golden file: the list grows with every new code.
}

}  // namespace
}  // namespace hie::e2e
