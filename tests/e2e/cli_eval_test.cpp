// `hie eval EXPR`: values and check outcomes as JSON, errors and invalid expressions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

RunResult eval_in_pass(std::vector<std::string> args) {
  RunOptions options;
  options.args = {"eval"};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.cwd = testdata_dir() + "/workspaces/pass";
  return run_hie(options);
}

TEST(CliEval, SelectorValue) {
  RunResult result = eval_in_pass({"files.folder_selector('src')"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  Json value = Json::parse(result.out);
  EXPECT_EQ(value["kind"], "Folder");
  EXPECT_EQ(value["paths"], Json::array({"src/api/main.py", "src/util.py"}));
}

TEST(CliEval, Literal) {
  RunResult result = eval_in_pass({"42"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "42\n");
}

TEST(CliEval, PassingAndFailingChecks) {
  RunResult pass = eval_in_pass({"files.exists(files.folder_selector('src'), 'util.py')"});
  EXPECT_EQ(pass.exit_code, 0) << pass.err;
  EXPECT_EQ(pass.out, "{\n  \"status\": \"pass\",\n  \"message\": null\n}\n");
  RunResult fail = eval_in_pass({"files.exists(files.folder_selector('src'), 'nope.py')"});
  EXPECT_EQ(fail.exit_code, 1);
  Json outcome = Json::parse(fail.out);
  EXPECT_EQ(outcome["status"], "fail");
  EXPECT_TRUE(outcome["message"].is_string());
}

TEST(CliEval, InvalidExpression) {
  RunResult result = eval_in_pass({"files.nope("});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("error["));
  EXPECT_THAT(result.err, HasSubstr("<expression>"));
}

TEST(CliEval, LibraryError) {
  RunResult result = eval_in_pass({"files.glob_selector('src/[')"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("could not be evaluated"));
}

}  // namespace
}  // namespace hie::e2e
