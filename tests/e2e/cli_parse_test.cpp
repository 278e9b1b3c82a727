// `hie parse`: the syntax tree as JSON in the older tool's shape, and exit 2 with diagnostics on syntax errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

// The names in a list of declarations ({name: {name, span}, ...}) or of identifiers ({name, span}).
std::vector<std::string> names(const Json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) {
    const Json& name = item.at("name");
    out.push_back(name.is_string() ? name.get<std::string>() : name.at("name").get<std::string>());
  }
  return out;
}

TEST(CliParse, ValidSpecPrintsTheTreeInTheOlderShape) {
  RunResult result = run_hie({"parse", "shop.hie"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  Json tree = Json::parse(result.out);
  EXPECT_THAT(keys(tree), ElementsAre("imports", "languages", "templates", "elements", "span"));

  ASSERT_EQ(tree["imports"].size(), 2u);
  EXPECT_EQ(tree["imports"][0]["path"]["Identifier"][0]["name"], "files");
  EXPECT_EQ(tree["imports"][1]["alias"]["name"], "r");

  ASSERT_EQ(tree["templates"].size(), 1u);
  const Json& service = tree["templates"][0];
  EXPECT_EQ(service["doc_comment"], "Services keep their sources in src/ and never talk to the database directly.");
  EXPECT_EQ(service["scopes"][0]["language"]["name"], "rust");
  EXPECT_TRUE(service["scopes"][0]["expression"].is_null());
  EXPECT_EQ(service["refs"][0]["type_annotation"]["type_name"]["name"], "integer");
  ASSERT_EQ(service["component_requirements"].size(), 2u);
  EXPECT_EQ(service["component_requirements"][0]["action"], "Requires");
  EXPECT_TRUE(service["component_requirements"][0]["component"].contains("Scope"));
  const Json& connection = service["component_requirements"][1];
  EXPECT_EQ(connection["action"], "Forbids");
  EXPECT_EQ(connection["component"]["Connection"]["wildcard"], true);
  EXPECT_THAT(names(connection["component"]["Connection"]["path"]), ElementsAre("shop", "db"));

  ASSERT_EQ(tree["elements"].size(), 1u);
  const Json& shop = tree["elements"][0];
  EXPECT_THAT(keys(shop),
              ::testing::IsSupersetOf({"doc_comment", "name", "implements", "scopes", "refs", "uses", "checks",
                                       "template_bindings", "component_requirements", "children", "span"}));
  EXPECT_EQ(shop["name"]["name"], "shop");
  EXPECT_EQ(shop["doc_comment"], "The web shop.");
  EXPECT_THAT(names(shop["children"]), ElementsAre("api", "db"));

  const Json& api = shop["children"][0];
  EXPECT_EQ(api["implements"][0]["template_name"]["name"], "service");
  EXPECT_THAT(names(api["scopes"][0]["binds"]), ElementsAre("service", "src"));
  const Json& call = api["scopes"][0]["expression"]["FunctionCall"];
  EXPECT_EQ(call["function"]["MemberAccess"]["object"]["Identifier"]["name"], "files");
  EXPECT_EQ(call["function"]["MemberAccess"]["member"]["name"], "folder_selector");
  EXPECT_EQ(call["arguments"][0]["String"]["value"], "api/src");
  EXPECT_EQ(api["refs"][0]["expression"]["Number"]["value"], 8080.0);
  EXPECT_EQ(api["uses"][0]["source"]["name"], "src");
  EXPECT_THAT(names(api["uses"][0]["target"]), ElementsAre("shop", "db"));

  const Json& db = shop["children"][1];
  EXPECT_EQ(db["checks"][0]["expression"]["FunctionCall"]["arguments"][1]["Number"]["value"], -1.5);
  EXPECT_EQ(db["checks"][1]["expression"]["FunctionCall"]["arguments"][1]["String"]["value"], "init.sql");
  const Json& list = db["checks"][2]["expression"]["FunctionCall"]["arguments"][1]["List"]["elements"];
  EXPECT_EQ(list[0]["Boolean"]["value"], true);
  EXPECT_EQ(list[2]["String"]["value"], "x");

  // Spans: lines and code-point columns, 1-based; byte offsets 0-based.
  EXPECT_EQ(shop["name"]["span"]["start"]["line"], 15);
  EXPECT_EQ(shop["name"]["span"]["start"]["column"], 9);
  expect_golden("parse_shop", result);
}

TEST(CliParse, LegacyIndentationSpec) {
  RunResult result = run_hie({"parse", "legacy_v1.hie"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  Json tree = Json::parse(result.out);
  EXPECT_EQ(tree["templates"][0]["name"]["name"], "layered");
  const Json& compiler = tree["elements"][0];
  ASSERT_EQ(compiler["template_bindings"].size(), 1u);
  EXPECT_THAT(names(compiler["template_bindings"][0]["path"]), ElementsAre("layered", "core", "module"));
  EXPECT_EQ(compiler["refs"][0]["type_annotation"]["type_name"]["name"], "TokenStream");
  EXPECT_EQ(tree["templates"][0]["elements"][0]["scopes"][0]["language"]["name"], "rust");
  EXPECT_THAT(names(compiler["children"]), ElementsAre("frontend"));
  expect_golden("parse_legacy_v1", result);
}

TEST(CliParse, SyntaxErrorsExitTwoWithDiagnosticsOnStderr) {
  RunResult result = run_hie({"parse", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("error[E026]"));
  EXPECT_THAT(result.err, HasSubstr("--> e026_unclosed_block.hie:3:"));
  EXPECT_THAT(result.err, HasSubstr("error: could not parse 'e026_unclosed_block.hie' due to"));
  expect_golden("parse_e026", result);
}

TEST(CliParse, UnreadableFile) {
  RunResult result = run_hie({"parse", "missing.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "error: cannot read 'missing.hie': No such file or directory\n");
  expect_golden("parse_missing_file", result);
}

}  // namespace
}  // namespace hie::e2e
