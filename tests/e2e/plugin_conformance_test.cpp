// The older tool's sample plugin (examples/plugins/sample_plugin.py) with its examples/plugin_example.hie runs
// unchanged through `hie check`, configured as conformance/README.md says. Skipped when /work/shared is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_harness.h"
#include "plugin_e2e_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

constexpr const char* kExamples = "/work/shared/conformance/reference-files/examples";

TEST(PluginConformance, OlderSamplePluginRunsUnchanged) {
  if (!fs::is_directory(kExamples)) GTEST_SKIP() << kExamples << " is not available";
  TempDir dir;
  fs::copy(kExamples, dir.path() + "/examples", fs::copy_options::recursive);
  // examples/hielements.toml ships with the entry commented out; the conformance README gives the line to enable.
  write_text(dir.path() + "/examples/hielements.toml",
             "[libraries]\nsample = { executable = \"python3\", args = [\"plugins/sample_plugin.py\"] }\n");
  const std::string marker = unique_marker();
  RunOptions options;
  options.args = {"check", "examples/plugin_example.hie"};
  options.cwd = dir.path();
  options.env = {{"HIE_FIXED_DURATION", "1"}, {"HIE_E2E_MARKER", marker}};
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS      plugin_example :: sample.always_pass()"));
  EXPECT_THAT(result.out, HasSubstr("PASS      plugin_example :: sample.file_count_check(src, 10)"));
  EXPECT_THAT(result.out, HasSubstr("Summary: 3 total, 3 passed, 0 failed, 0 errors"));
  // It answers only library.metadata: checked at run time, said once.
  EXPECT_THAT(result.err, HasSubstr("info[I001]: library 'sample' does not describe itself"));
  EXPECT_THAT(result.err, HasSubstr("checked at run time"));
  EXPECT_EQ(result.err.find("I001"), result.err.rfind("I001"));
  EXPECT_TRUE(processes_with_env("HIE_E2E_MARKER", marker).empty());
}

TEST(PluginConformance, SamplePluginDocumentsWithoutSelfDescription) {
  if (!fs::is_directory(kExamples)) GTEST_SKIP() << kExamples << " is not available";
  TempDir dir;
  fs::copy(kExamples, dir.path() + "/examples", fs::copy_options::recursive);
  write_text(dir.path() + "/examples/hielements.toml",
             "[libraries]\nsample = { executable = \"python3\", args = [\"plugins/sample_plugin.py\"] }\n");
  RunOptions options;
  options.args = {"doc", "-w", "examples", "--library", "sample"};
  options.cwd = dir.path();
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("does not describe itself"));
}

}  // namespace
}  // namespace hie::e2e
