// The rust library through the real binary: `hie check` on the rust_shop fixture (rust checks, connection rules
// with file:line evidence), an older-tool reference spec adapted to a fixture workspace (rust_reference), and
// `hie deps --language rust`.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "e2e_harness.h"
#include "json_results.h"

namespace hie::e2e {
namespace {

using Json = nlohmann::json;

RunResult in_workspace(const std::string& name, std::vector<std::string> args) {
  return run_hie_in(workspace_dir(name), std::move(args));
}

TEST(RustLibraryE2E, ShopCheckHumanOutput) {
  const RunResult result = in_workspace("rust_shop", {"check", "--no-cache", "shop.hie"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("rust_shop_check", result);
}

TEST(RustLibraryE2E, ShopVerdictsIncludingTheOlderToolsFalsePositives) {
  const RunResult result = in_workspace("rust_shop", {"check", "--no-cache", "--format", "json", "shop.hie"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const Json doc = Json::parse(result.out);
  const std::map<std::string, std::string> expected = {
      {"shop|rust.has_tests(crate)", "pass"},
      {"shop.api|rust.function_exists(code, 'parse_expr')", "pass"},
      // The older tool: `fn parse` is a prefix of `fn parse_expr`, and db.rs mentions `fn parse(` in a comment.
      {"shop.api|rust.function_exists(code, 'parse')", "fail"},
      {"shop.api|rust.uses(code, 'crate::db')", "pass"},
      {"shop.api|rust.depends_on(code, db.code)", "pass"},
      {"shop.db|rust.struct_exists(code, 'Ghost')", "fail"},  // only in a comment
      {"shop.db|rust.has_tests(code)", "fail"},               // `#[test]` only in a comment
      {"shop.db|rust.no_dependency(code, api.code)", "pass"},  // `api::serve()` only in comments and a string
      {"shop.domain|rust.implements('Cart', 'Priced')", "pass"},
      {"core_types|rust.enum_exists('Token')", "fail"},  // the older tool: prefix of `enum TokenKind`
      {"core_types|rust.implements('Order', 'Display')", "pass"},  // impl fmt::Display for Order
      {"shop.api|forbids connection to shop.domain", "fail"},
      {"shop.db|forbids connection to shop.api", "pass"},
  };
  for (const auto& [key, status] : expected) {
    const auto bar = key.find('|');
    const Json* found = find_result(doc, key.substr(0, bar), key.substr(bar + 1));
    ASSERT_NE(found, nullptr) << key << "\n" << result.out;
    EXPECT_EQ((*found)["status"], status) << key << ": " << found->dump();
  }
  const Json* rule = find_result(doc, "shop.api", "forbids connection to shop.domain");
  ASSERT_NE(rule, nullptr);
  ASSERT_EQ((*rule)["evidence"].size(), 2u);
  EXPECT_EQ((*rule)["evidence"][0]["file"], "crates/shop/src/api/mod.rs");
  EXPECT_EQ((*rule)["evidence"][0]["line"], 3);
}

TEST(RustLibraryE2E, OlderToolReferenceSpecOnAFixtureWorkspace) {
  // examples/advanced_templates.hie of the older tool, unchanged, on crates that fit it.
  const RunResult result = in_workspace("rust_reference", {"check", "--no-cache", "advanced_templates.hie"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("rust_reference_check", result);
}

TEST(RustLibraryE2E, DepsListsRustEdges) {
  const RunResult result = in_workspace("rust_shop", {"deps", "--no-cache", "--language", "rust"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_golden("rust_shop_deps", result);
}

TEST(RustLibraryE2E, DocDescribesEveryFunction) {
  const RunResult result = in_workspace("rust_shop", {"doc", "-l", "rust"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  for (const char* name : {"crate_selector", "module_selector", "const_selector", "function_exists", "implements",
                           "uses", "has_derive", "has_docs", "has_tests", "depends_on", "no_dependency",
                           "pipeline_connects", "type_compatible", "no_cycles", "layers", "only_depends_on"}) {
    EXPECT_NE(result.out.find(std::string("rust.") + name), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace hie::e2e
