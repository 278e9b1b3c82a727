// WASM plugins that behave, through the real binary: the C examples built with the SDK (plugins/examples/c) and
// the hand-written WAT plugin (testdata/wasm/good.wat), in `hie check`, `hie eval` and `hie doc`. Fixture
// workspace: testdata/workspaces/wasm_plugins.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "wasm_test_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

std::vector<std::filesystem::path> plugins() {
  return {wasm_example("layering"), wasm_example("fopen_reader"), wasm_fixture("good")};
}

const Json& result(const Json& doc, const std::string& check) {
  static const Json missing = Json::object();
  for (const auto& r : doc["results"]) {
    if (r.value("check", "") == check) return r;
  }
  ADD_FAILURE() << "no result for " << check << " in " << doc.dump(2);
  return missing;
}

TEST(WasmPlugins, CheckWithCAndWatPlugins) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult run = workspace.run({"check", "-f", "json", "arch.hie"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  Json doc = Json::parse(run.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << run.out << run.err;
  EXPECT_EQ(doc["summary"]["total"], 8);
  EXPECT_EQ(doc["summary"]["passed"], 5);
  EXPECT_EQ(doc["summary"]["failed"], 3);

  // A C selector narrows a scope for a built-in check.
  EXPECT_EQ(result(doc, "files.exists(headers, 'socket.h')").value("status", ""), "pass");

  const Json& names = result(doc, "layering.no_name_matching(src, '*_test.c')");
  EXPECT_EQ(names.value("status", ""), "fail");
  EXPECT_EQ(names.value("message", ""), "a file name matches '*_test.c' (first: src/net/tcp/socket_test.c)");
  ASSERT_EQ(names["evidence"].size(), 1u) << names.dump();
  EXPECT_EQ(names["evidence"][0]["file"], "src/net/tcp/socket_test.c");

  EXPECT_EQ(result(doc, "layering.max_depth(src, 3)").value("status", ""), "pass");
  EXPECT_EQ(result(doc, "layering.max_depth(src, 1)").value("message", ""),
            "src/net/tcp/socket.c is 3 folders deep (limit 1)");

  // fopen() on workspace files with fs = "read"; the limit from the argument, then from config.
  EXPECT_EQ(result(doc, "lines.max_lines(src, 10)").value("status", ""), "pass");
  const Json& configured = result(doc, "lines.max_lines(src)");
  EXPECT_EQ(configured.value("status", ""), "fail");
  EXPECT_EQ(configured.value("message", ""), "src/main.c has 5 lines (limit 3)");
  ASSERT_EQ(configured["evidence"].size(), 1u) << configured.dump();
  EXPECT_EQ(configured["evidence"][0]["line"], 4);

  // The WAT plugin reads its arguments, and calls files.exists through host_call.
  EXPECT_EQ(result(doc, "good.not_empty(src)").value("status", ""), "pass");
  EXPECT_EQ(result(doc, "good.delegate(src, 'main.c')").value("status", ""), "pass")
      << result(doc, "good.delegate(src, 'main.c')").dump();
}

TEST(WasmPlugins, HumanOutput) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult run = workspace.run({"check", "arch.hie"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr("FAIL      app :: layering.no_name_matching(src, '*_test.c')\n"
                                 "    --> a file name matches '*_test.c' (first: src/net/tcp/socket_test.c)\n"));
  EXPECT_THAT(run.out, HasSubstr("PASS      app :: lines.max_lines(src, 10)\n"));
  EXPECT_THAT(run.out, HasSubstr("Summary: 8 total, 5 passed, 3 failed, 0 errors in 0.00 s\n"));
  expect_golden("wasm_plugins_check", run);
}

TEST(WasmPlugins, MissingCapabilitiesFailCleanly) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult run = workspace.run({"check", "-f", "json", "denied.hie"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  Json doc = Json::parse(run.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << run.out << run.err;
  EXPECT_EQ(result(doc, "files.exists(src, 'main.c')").value("status", ""), "pass");

  // fopen fails without pre-opened directories; the plugin says which capability it needs.
  const Json& lines = result(doc, "lines_nofs.max_lines(src, 10)");
  EXPECT_EQ(lines.value("status", ""), "error");
  EXPECT_THAT(lines.value("message", ""), HasSubstr("cannot open src/main.c: "));
  EXPECT_THAT(lines.value("message", ""), HasSubstr("capabilities = { fs = \"read\" }"));

  const Json& call = result(doc, "good_nocall.delegate(src, 'main.c')");
  EXPECT_EQ(call.value("status", ""), "error");
  EXPECT_EQ(call.value("message", ""), "host_call was refused: is 'files' in capabilities.libraries?");
}

TEST(WasmPlugins, EvalSelectorReadsConfig) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult run = workspace.run({"eval", "good.greeting()"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("hello from the config"));
  RunResult scope = workspace.run({"eval", "layering.matching(files.folder_selector('src'), '*.h')"});
  EXPECT_EQ(scope.exit_code, 0) << scope.err;
  EXPECT_THAT(scope.out, HasSubstr("src/net/tcp/socket.h"));
  EXPECT_THAT(scope.out, ::testing::Not(HasSubstr("socket.c")));
}

// The names and parameters a C plugin lists with HIE_PLUGIN are what `hie validate` checks calls against.
TEST(WasmPlugins, ValidateUsesTheSelfDescription) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult clean = workspace.run({"validate", "arch.hie", "denied.hie"});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  workspace.write("wrong.hie",
                  "import files\n"
                  "import layering\n"
                  "\n"
                  "element wrong {\n"
                  "    scope src = files.folder_selector('src')\n"
                  "    check layering.max_depth(src)\n"
                  "    check layering.matching_names(src, '*.c')\n"
                  "}\n");
  RunResult wrong = workspace.run({"validate", "wrong.hie"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_THAT(wrong.err, HasSubstr("error[E056]: 'layering.max_depth' takes 2 arguments, but 1 was given"));
  EXPECT_THAT(wrong.err, HasSubstr("expected `layering.max_depth(scope, depth: integer)`"));
  EXPECT_THAT(wrong.err, HasSubstr("error[E055]: library 'layering' has no check named 'matching_names'"));
}

TEST(WasmPlugins, DocShowsWasmLibraries) {
  TempWorkspace workspace("wasm_plugins", plugins());
  RunResult run = workspace.run({"doc", "--library", "layering,good"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("layering"));
  EXPECT_THAT(run.out, HasSubstr("Layering rules over the paths of a scope"));
  EXPECT_THAT(run.out, HasSubstr("no_name_matching"));
  EXPECT_THAT(run.out, HasSubstr("layering.no_name_matching(src, '*_test.c')"));
  EXPECT_THAT(run.out, HasSubstr("matching"));
  EXPECT_THAT(run.out, HasSubstr("A plugin written in WAT"));
  EXPECT_THAT(run.out, HasSubstr("greeting"));

  RunResult json = workspace.run({"doc", "--format", "json", "--library", "lines"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_FALSE(Json::parse(json.out, nullptr, false).is_discarded()) << json.out;
  EXPECT_THAT(json.out, HasSubstr("max_lines"));
  EXPECT_THAT(json.out, HasSubstr("Line counts read with fopen"));
}

}  // namespace
}  // namespace hie::e2e
