// The python library through the real binary: `hie check` on the python_shop fixture (python checks, a
// `forbids connection to` rule with file:line evidence) and `hie doc python`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "e2e_harness.h"
#include "json_results.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

RunResult in_shop(std::vector<std::string> args) { return run_hie_in(workspace_dir("python_shop"), std::move(args)); }

TEST(PythonLibraryE2E, CheckHumanOutput) {
  const RunResult result = in_shop({"check", "--no-cache", "shop.hie"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("python_shop_check", result);
}

TEST(PythonLibraryE2E, CheckResultsAndConnectionEvidence) {
  const RunResult result = in_shop({"check", "--no-cache", "--format", "json", "shop.hie"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const Json doc = Json::parse(result.out);
  const std::map<std::string, std::string> expected = {
      {"shop|python.no_cycles(src)", "pass"},
      {"shop.domain|python.function_exists(code, 'parse_expr')", "pass"},
      {"shop.domain|python.function_exists(code, 'parse')", "fail"},
      {"shop.domain|python.returns_type(code, 'Money')", "pass"},
      {"shop.domain|python.function_returns_type(code, 'find_order', 'Order')", "pass"},
      {"shop.domain|python.no_import(code, 'requests')", "pass"},
      {"shop.domain|python.calls(code, 'compute')", "pass"},
      {"shop.api|python.imports(code, 'requests')", "pass"},
      {"shop.api|python.calls_function(code, 'logger', 'info')", "pass"},
      {"shop.api|python.calls_scope(code, domain.code)", "pass"},
      {"shop.api|python.depends_on(code, domain.code)", "pass"},
  };
  for (const auto& [key, status] : expected) {
    const auto bar = key.find('|');
    const Json* found = find_result(doc, key.substr(0, bar), key.substr(bar + 1));
    ASSERT_NE(found, nullptr) << key << "\n" << result.out;
    EXPECT_EQ((*found)["status"], status) << key << ": " << found->dump();
  }
  const Json* missing = find_result(doc, "shop.domain", "python.function_exists(code, 'parse')");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ((*missing)["message"], "No function named 'parse' found in 'shop.domain'");

  // The connection rule: infra imports the api (src/shop/infra/db.py line 1); the domain does not.
  bool infra_failed = false;
  bool domain_checked = false;
  for (const Json& record : doc["results"]) {
    if (record["origin"] == "requirement" || record["origin"] == "connection") {
      if (record["element"] == "shop.infra") {
        EXPECT_EQ(record["status"], "fail") << record.dump();
        ASSERT_FALSE(record["evidence"].empty()) << record.dump();
        EXPECT_EQ(record["evidence"][0]["file"], "src/shop/infra/db.py");
        EXPECT_EQ(record["evidence"][0]["line"], 1);
        infra_failed = true;
      }
      if (record["element"] == "shop.domain") {
        EXPECT_EQ(record["status"], "pass") << record.dump();
        domain_checked = true;
      }
    }
  }
  EXPECT_TRUE(infra_failed) << result.out;
  EXPECT_TRUE(domain_checked) << result.out;
}

TEST(PythonLibraryE2E, DocDescribesTheLibrary) {
  const RunResult result = in_shop({"doc", "--library", "python"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  for (const char* name : {"module_selector", "function_selector", "class_selector", "imports", "no_import",
                           "returns_type", "function_returns_type", "calls", "calls_function", "calls_scope",
                           "function_exists", "class_exists", "no_cycles", "layers", "only_depends_on"}) {
    EXPECT_THAT(result.out, HasSubstr(name));
  }
}

TEST(PythonLibraryE2E, WrongArgumentsAreReportedBeforeRunning) {
  RunOptions options;
  options.args = {"check", "--no-cache", "bad.hie"};
  options.cwd = testdata_dir() + "/workspaces/python_shop_bad";
  const RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_THAT(result.out + result.err,
              HasSubstr("error[E057]: argument 1 of 'python.imports' (scope) must be a scope"));
  EXPECT_THAT(result.out + result.err, HasSubstr("python.imports(scope, module: string)"));
}

}  // namespace
}  // namespace hie::e2e
