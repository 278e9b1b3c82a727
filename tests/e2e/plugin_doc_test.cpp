// `hie doc` through the real binary: the built-in files library and the example process plugin file_stats in
// markdown and JSON (golden files), --library with an unknown name, -o, and a plugin that cannot describe itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_harness.h"
#include "plugin_e2e_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

RunResult doc_in_workspace(std::vector<std::string> args) {
  RunOptions options;
  options.args = {"doc"};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.cwd = testdata_dir() + "/workspaces/plugins_doc";
  return run_hie(options);
}

TEST(PluginDoc, MarkdownGolden) {
  RunResult result = doc_in_workspace({"--library", "files,file_stats"});
  expect_golden("plugin_doc_markdown", result);
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST(PluginDoc, JsonGolden) {
  RunResult result = doc_in_workspace({"--library", "file_stats, files", "--format", "json"});
  expect_golden("plugin_doc_json", result);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  Json doc = Json::parse(result.out);
  EXPECT_EQ(doc["version"], "1.0");
  ASSERT_EQ(doc["libraries"].size(), 2u);
  EXPECT_EQ(doc["libraries"][0]["name"], "file_stats");  // sorted by name
  EXPECT_EQ(doc["libraries"][0]["kind"], "external");
  EXPECT_EQ(doc["libraries"][1]["name"], "files");
  EXPECT_EQ(doc["libraries"][1]["kind"], "built-in");
}

TEST(PluginDoc, EveryLibraryByDefaultAndDeterministic) {
  RunResult first = doc_in_workspace({"-f", "json"});
  RunResult second = doc_in_workspace({"-f", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  Json doc = Json::parse(first.out);
  std::vector<std::string> names;
  for (const auto& library : doc["libraries"]) names.push_back(library["name"]);
  EXPECT_THAT(names, ::testing::Contains("files"));
  EXPECT_THAT(names, ::testing::Contains("file_stats"));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(PluginDoc, UnknownLibraryIsACommandLineError) {
  RunResult result = doc_in_workspace({"--library", "files,file_stat"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("unknown library 'file_stat'"));
  EXPECT_THAT(result.err, HasSubstr("did you mean 'file_stats'?"));
}

TEST(PluginDoc, OutputFile) {
  TempDir dir;
  const std::string path = dir.path() + "/LIBRARIES.md";
  RunResult result = doc_in_workspace({"--library", "files,file_stats", "-o", path});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("Documentation of 2 libraries written to"));
  EXPECT_EQ(read_text(path), doc_in_workspace({"--library", "files,file_stats"}).out);
}

TEST(PluginDoc, PluginThatCannotDescribeItselfIsListedWithItsError) {
  TempDir dir;
  write_text(dir.path() + "/hielements.toml",
             "[libraries]\ngone = { executable = \"python3\", args = [\"" + testdata_dir() +
                 "/plugins/exit_at_start.py\"] }\n");
  RunOptions options;
  options.args = {"doc", "--library", "gone"};
  options.cwd = dir.path();
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("## gone"));
  EXPECT_THAT(result.out, HasSubstr("**This library is not available:**"));
  EXPECT_THAT(result.out, HasSubstr("missing dependency 'frobnicate'"));
}

TEST(PluginDoc, ExamplePluginRunsThroughCheck) {
  RunOptions options;
  options.args = {"check"};
  options.cwd = testdata_dir() + "/workspaces/plugins_doc";
  options.env = {{"HIE_FIXED_DURATION", "1"}};
  RunResult result = run_hie(options);
  expect_golden("plugin_example_check", result);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("at docs/long.md:6: 7 lines, limit 5"));
}

}  // namespace
}  // namespace hie::e2e
