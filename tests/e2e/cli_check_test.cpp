// `hie check` / `hie run`: workspace and spec discovery, results in human and JSON form, exit codes, options.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::ordered_json;

std::string workspace(const std::string& name) { return workspace_dir(name); }

// Runs hie in a fixture workspace with reproducible durations.
RunResult check_in(const std::string& name, std::vector<std::string> args) {
  return run_hie_in(workspace_dir(name), std::move(args));
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

TEST(CliCheck, PassingWorkspace) {
  RunResult result = check_in("pass", {"check", "shop.hie"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("PASS      shop.api :: files.exists(src, 'main.py')\n"));
  EXPECT_THAT(result.out, HasSubstr("Summary: 4 total, 4 passed, 0 failed, 0 errors in 0.00 s\n"));
  expect_golden("check_pass", result);
}

TEST(CliCheck, RunIsAnAliasOfCheck) {
  RunResult check = check_in("pass", {"check", "shop.hie"});
  RunResult run = check_in("pass", {"run", "shop.hie"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, check.out);
  EXPECT_EQ(run.err, check.err);
}

TEST(CliCheck, SpecsDiscoveredInTheWorkspaceRoot) {
  RunResult named = check_in("pass", {"check", "shop.hie"});
  RunResult discovered = check_in("pass", {"check"});
  EXPECT_EQ(discovered.exit_code, 0);
  EXPECT_EQ(discovered.out, named.out);
}

TEST(CliCheck, WorkspaceOptionFromElsewhere) {
  RunOptions options;
  options.args = {"check", "-w", workspace("pass"), workspace("pass") + "/shop.hie"};
  options.env = {{"HIE_FIXED_DURATION", "1"}};
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("4 passed"));
}

TEST(CliCheck, FailuresAndErrorsExitOne) {
  // The spec comes from [check] specs of hielements.toml.
  RunResult result = check_in("fail", {"check"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("FAIL      app :: files.no_files_matching(src, '*.tmp')\n    --> "));
  EXPECT_THAT(result.out, HasSubstr("ERROR     app.broken :: files.exists(bad, 'a.py')\n"
                                    "    --> scope 'app.broken.bad' could not be evaluated: "));
  EXPECT_THAT(result.out, HasSubstr("FAIL      app.output :: files.exists(out, 'missing.txt')\n"));
  EXPECT_THAT(result.out, HasSubstr("Summary: 4 total, 1 passed, 2 failed, 1 errors in 0.00 s\n"));
  expect_golden("check_fail", result);
}

TEST(CliCheck, JsonDocument) {
  RunResult result = check_in("fail", {"check", "--format", "json"});
  EXPECT_EQ(result.exit_code, 1);
  Json doc = Json::parse(result.out);
  EXPECT_THAT(keys(doc), ::testing::ElementsAre("version", "schema", "status", "summary", "results", "diagnostics"));
  EXPECT_EQ(doc["version"], "1.0");
  EXPECT_EQ(doc["schema"], "hie.check/1");
  EXPECT_EQ(doc["status"], "error");
  EXPECT_THAT(keys(doc["summary"]), ::testing::ElementsAre("total", "passed", "failed", "errors", "skipped",
                                                           "baselined", "duration_ms"));
  EXPECT_EQ(doc["summary"]["total"], 4);
  EXPECT_EQ(doc["summary"]["failed"], 2);
  EXPECT_EQ(doc["summary"]["duration_ms"], 0);
  ASSERT_EQ(doc["results"].size(), 4u);
  EXPECT_THAT(keys(doc["results"][0]),
              ::testing::ElementsAre("element", "check", "status", "message", "code", "origin", "file", "line",
                                     "column", "evidence", "fingerprint", "duration_ms"));
  EXPECT_EQ(doc["results"][0]["status"], "pass");
  EXPECT_TRUE(doc["results"][0]["message"].is_null());
  EXPECT_EQ(doc["results"][0]["file"], "arch.hie");
  EXPECT_EQ(doc["results"][0]["line"], 6);
  EXPECT_EQ(doc["results"][0]["origin"], "element");
  expect_golden("check_fail_json", result);
}

TEST(CliCheck, JsonStatusOkAndFailed) {
  Json ok = Json::parse(check_in("pass", {"check", "-f", "json"}).out);
  EXPECT_EQ(ok["status"], "ok");
  Json failed = Json::parse(check_in("fail", {"check", "-f", "json", "--filter", "app.output"}).out);
  EXPECT_EQ(failed["status"], "failed");
}

TEST(CliCheck, OutputFile) {
  std::string path = ::testing::TempDir() + "hie_check_output.json";
  std::remove(path.c_str());
  RunResult result = check_in("pass", {"check", "-f", "json", "-o", path});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  ASSERT_TRUE(file_exists(path));
  EXPECT_EQ(Json::parse(read_text(path))["summary"]["passed"], 4);
  std::remove(path.c_str());
}

TEST(CliCheck, ValidationErrorEvaluatesNothing) {
  RunResult result = check_in("invalid", {"check", "spec.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("error[E050]"));
  EXPECT_THAT(result.err, HasSubstr("nothing was evaluated"));
  EXPECT_THAT(result.err, Not(HasSubstr("PASS")));
  expect_golden("check_invalid", result);
}

TEST(CliCheck, KeepGoingRunsTheValidParts) {
  RunResult result = check_in("invalid", {"check", "--keep-going", "spec.hie"});
  EXPECT_EQ(result.exit_code, 2);  // the spec is still invalid
  EXPECT_THAT(result.err, HasSubstr("error[E050]"));
  EXPECT_THAT(result.out, HasSubstr("PASS      app :: files.exists(src, 'a.py')\n"));
  EXPECT_THAT(result.out, HasSubstr("ERROR     app :: files.exists(srcc, 'a.py')\n"));
}

TEST(CliCheck, Filter) {
  RunResult result = check_in("pass", {"check", "--filter", "shop.a*"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("shop.api ::"));
  EXPECT_THAT(result.out, Not(HasSubstr("shop.docs ::")));
  EXPECT_THAT(result.out, HasSubstr("Summary: 1 total, 1 passed, 0 failed, 0 errors, 3 skipped in 0.00 s\n"));
}

TEST(CliCheck, Limit) {
  RunResult result = check_in("pass", {"check", "--limit", "2"});
  EXPECT_EQ(result.exit_code, 0);
  // Only executed checks are reported (the older tool's --limit counting: see docs/semantics.md).
  EXPECT_EQ(result.out,
            "PASS      shop :: files.exists(src, 'util.py')\n"
            "PASS      shop :: files.no_files_matching(src, '**/*.tmp')\n\n"
            "Summary: 2 total, 2 passed, 0 failed, 0 errors in 0.00 s\n");
}

TEST(CliCheck, DryRunEvaluatesNothing) {
  RunResult result = check_in("fail", {"check", "--dry-run"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("WOULD RUN app.broken :: files.exists(bad, 'a.py')\n"));
  EXPECT_THAT(result.out, Not(HasSubstr("could not be evaluated")));
  expect_golden("check_dry_run", result);
  RunResult limited = check_in("fail", {"check", "--dry-run", "--limit", "1", "-f", "json"});
  Json doc = Json::parse(limited.out);
  EXPECT_EQ(doc["dry_run"], true);
  EXPECT_EQ(doc["summary"]["total"], 1);
  EXPECT_EQ(doc["checks"][0]["selected"], true);
  EXPECT_EQ(doc["checks"][1]["selected"], false);
}

TEST(CliCheck, UnknownConfigKeyNamesFileAndKey) {
  RunResult result = check_in("badconfig", {"check"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("E071"));
  EXPECT_THAT(result.err, HasSubstr("specz"));
  EXPECT_THAT(result.err, HasSubstr("hielements.toml"));
}

TEST(CliCheck, ExplicitConfigFile) {
  RunResult result = check_in("pass", {"--config", workspace("badconfig") + "/hielements.toml", "check"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("specz"));
}

TEST(CliCheck, NoSpecSuggestsInit) {
  RunResult result = check_in("nospec", {"check", "-w", "."});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no spec files found"));
  EXPECT_THAT(result.err, HasSubstr("hie init"));
}

TEST(CliCheck, UnsupportedFormatIsAUsageError) {
  RunResult result = check_in("pass", {"check", "-f", "xml"});
  EXPECT_EQ(result.exit_code, 2);
}

TEST(CliCheck, PatternWithRequirements) {
  RunResult result = check_in("pattern", {"check"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("FAIL      services.users :: files.exists(root, 'Dockerfile')\n"));
  EXPECT_THAT(result.out, HasSubstr("PASS      services.orders :: files.exists(src, 'main.py')\n"));
  expect_golden("check_pattern", result);
  Json doc = Json::parse(check_in("pattern", {"check", "-f", "json"}).out);
  bool pattern_origin = false;
  bool requirement_origin = false;
  for (const auto& r : doc["results"]) {
    if (r["origin"] == "pattern service") pattern_origin = true;
    if (r["origin"] == "requirement") requirement_origin = true;
  }
  EXPECT_TRUE(pattern_origin);
  EXPECT_TRUE(requirement_origin);
}

TEST(CliCheck, OutputDoesNotDependOnJobs) {
  for (const char* name : {"pass", "fail", "pattern"}) {
    RunResult one = check_in(name, {"check", "-j1", "-f", "json"});
    RunResult four = check_in(name, {"check", "-j4", "-f", "json"});
    EXPECT_EQ(one.out, four.out) << name;
    EXPECT_EQ(one.exit_code, four.exit_code) << name;
    RunResult human_one = check_in(name, {"check", "-j", "1"});
    RunResult human_four = check_in(name, {"check", "-j", "4"});
    EXPECT_EQ(human_one.out, human_four.out) << name;
  }
}

TEST(CliCheck, QuietShowsOnlyProblems) {
  RunResult result = check_in("fail", {"-q", "check"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, Not(HasSubstr("PASS")));
  EXPECT_THAT(result.out, HasSubstr("FAIL"));
  EXPECT_THAT(result.out, HasSubstr("Summary:"));
}

}  // namespace
}  // namespace hie::e2e
