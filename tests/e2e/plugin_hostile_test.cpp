// Every hostile test plugin of testdata/plugins used from one spec through `hie check`: each yields a clear error
// result within its timeout, the run completes, the other checks still pass, and no plugin process outlives hie.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e_harness.h"
#include "plugin_e2e_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

struct HostileRun {
  RunResult result;
  std::map<std::string, Json> by_check;  // "element :: check" -> result object
  double seconds = 0;
  std::vector<int> leftovers;
};

HostileRun run_hostile(const std::vector<std::string>& extra) {
  HostileRun run;
  const std::string marker = unique_marker();
  RunOptions options;
  options.args = {"check", "-f", "json"};
  options.args.insert(options.args.end(), extra.begin(), extra.end());
  options.cwd = testdata_dir() + "/workspaces/plugins_hostile";
  options.env = {{"HIE_E2E_MARKER", marker}};
  options.timeout_seconds = 120;
  auto start = std::chrono::steady_clock::now();
  run.result = run_hie(options);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.leftovers = processes_with_env("HIE_E2E_MARKER", marker);
  if (run.result.out.empty()) return run;
  Json doc = Json::parse(run.result.out, nullptr, false);
  if (doc.is_discarded()) return run;
  for (const auto& item : doc["results"]) {
    run.by_check[item["element"].get<std::string>() + " :: " + item["check"].get<std::string>()] = item;
  }
  return run;
}

std::string status(const HostileRun& run, const std::string& key) {
  auto it = run.by_check.find(key);
  return it == run.by_check.end() ? "missing" : it->second["status"].get<std::string>();
}

std::string message(const HostileRun& run, const std::string& key) {
  auto it = run.by_check.find(key);
  if (it == run.by_check.end() || !it->second["message"].is_string()) return "";
  return it->second["message"].get<std::string>();
}

void expect_hostile_outcomes(const HostileRun& run, bool sequential) {
  EXPECT_EQ(run.result.exit_code, 1) << run.result.err;
  EXPECT_EQ(run.by_check.size(), 14u) << run.result.out;
  // The built-in and the well-behaved plugin are unaffected.
  EXPECT_EQ(status(run, "builtins :: files.exists(root, 'hielements.toml')"), "pass");
  EXPECT_EQ(status(run, "well_behaved :: good.pass()"), "pass");
  EXPECT_EQ(status(run, "well_behaved :: good.fail('as asked')"), "fail");
  EXPECT_EQ(message(run, "well_behaved :: good.fail('as asked')"), "as asked");
  // A crash is an error for that call only; the plugin is restarted for the next one. In parallel the calls reach
  // the plugin in any order: whichever comes second fails.
  int crash_errors = 0;
  for (const char* check : {"crashing :: crash.first()", "crashing :: crash.second()", "crashing :: crash.third()"}) {
    if (status(run, check) == "pass") continue;
    ++crash_errors;
    EXPECT_EQ(status(run, check), "error");
    EXPECT_THAT(message(run, check), HasSubstr("exited"));
    EXPECT_THAT(message(run, check), HasSubstr("dies on call 2"));
  }
  EXPECT_EQ(crash_errors, 1);
  if (sequential) {
    EXPECT_EQ(status(run, "crashing :: crash.second()"), "error");
  }
  // A plugin that cannot start says why (its stderr).
  EXPECT_EQ(status(run, "exits_at_start :: gone.anything()"), "error");
  EXPECT_THAT(message(run, "exits_at_start :: gone.anything()"), HasSubstr("missing dependency 'frobnicate'"));
  // No answer: a timeout naming the limit, with the lines that were not answers.
  EXPECT_EQ(status(run, "garbage_only :: garbage.anything()"), "error");
  EXPECT_THAT(message(run, "garbage_only :: garbage.anything()"), HasSubstr("timed out after 1500 ms"));
  EXPECT_THAT(message(run, "garbage_only :: garbage.anything()"), HasSubstr("not the response"));
  EXPECT_EQ(status(run, "hangs :: hang.forever()"), "error");
  EXPECT_THAT(message(run, "hangs :: hang.forever()"), HasSubstr("timed out after 1500 ms"));
  EXPECT_EQ(status(run, "huge_answer :: files.exists(big, 'x')"), "error");
  EXPECT_THAT(message(run, "huge_answer :: files.exists(big, 'x')"), HasSubstr("larger than 64 MiB"));
  // Plugins that misbehave but answer still work.
  EXPECT_EQ(status(run, "stderr_flood :: files.exists(answer, 'ok.txt')"), "pass");
  EXPECT_EQ(status(run, "stdout_noise :: noise.anything()"), "pass");
  EXPECT_EQ(status(run, "slow_start :: files.exists(awake, 'ok.txt')"), "pass");
  EXPECT_EQ(status(run, "wrong_ids :: wrong_id.anything()"), "pass");
  EXPECT_TRUE(run.leftovers.empty()) << "plugin processes left behind: " << ::testing::PrintToString(run.leftovers);
}

TEST(PluginHostile, EveryPluginFailsClearlyAndNothingIsLeftBehind) {
  HostileRun run = run_hostile({"-j", "1"});
  expect_hostile_outcomes(run, true);
  // Validation describes every plugin (two timeouts of 1.5 s), the run has two more, the huge answer and the
  // slow start take a second each: far below what a hang would take.
  EXPECT_LT(run.seconds, 60.0);
}

TEST(PluginHostile, SameOutcomesInParallel) {
  HostileRun run = run_hostile({"-j", "4"});
  expect_hostile_outcomes(run, false);
}

TEST(PluginHostile, TimeoutOptionOverridesTheConfiguration) {
  // --timeout 1 replaces limits.timeout_ms = 1500 of hang and garbage.
  HostileRun run = run_hostile({"--timeout", "1"});
  EXPECT_THAT(message(run, "hangs :: hang.forever()"), HasSubstr("timed out after 1000 ms"));
  EXPECT_TRUE(run.leftovers.empty());
}

}  // namespace
}  // namespace hie::e2e
