// `hie check` report formats (sarif, junit, github, markdown), -o and --report, fingerprints and the baseline
// cycle, through the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

// Every occurrence of `from` replaced by `to` (std::regex is avoided: GCC 12 warns falsely inside it under ASan).
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::ordered_json;

std::string reports_workspace() { return testdata_dir() + "/workspaces/reports"; }

RunResult check_at(const std::string& cwd, std::vector<std::string> args,
                   std::vector<std::pair<std::string, std::string>> env = {}) {
  RunOptions options;
  options.args = std::move(args);
  options.cwd = cwd;
  options.env = std::move(env);
  options.env.emplace_back("HIE_FIXED_DURATION", "1");
  options.env.emplace_back("GITHUB_STEP_SUMMARY", "");  // unset for hie: an empty value means "not in Actions"
  return run_hie(options);
}

// A fresh directory under the test's temporary directory.
std::string temp_dir(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / ("hie_reports_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// Runs a shell command, returning its exit status and output (stdout and stderr).
std::pair<int, std::string> shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string shell_quote(const std::string& path) { return "'" + path + "'"; }

TEST(CliReports, SarifGolden) {
  RunResult result = check_at(reports_workspace(), {"check", "-f", "sarif"});
  EXPECT_EQ(result.exit_code, 1);
  expect_golden("reports_sarif", result);
  Json doc = Json::parse(result.out);
  EXPECT_EQ(doc["version"], "2.1.0");
  ASSERT_EQ(doc["runs"].size(), 1u);
  const Json& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "hie");
  std::vector<std::string> rules;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    rules.push_back(rule["id"]);
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
  }
  EXPECT_THAT(rules, ::testing::ElementsAre("files.exists", "files.no_text"));
  // Two pieces of evidence of files.no_text, the missing file and the error; the passing check is not a result.
  ASSERT_EQ(run["results"].size(), 4u);
  const Json& evidence = run["results"][0];
  EXPECT_EQ(evidence["ruleId"], "files.no_text");
  EXPECT_EQ(evidence["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/api/a.py");
  EXPECT_EQ(evidence["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_EQ(evidence["locations"][1]["physicalLocation"]["artifactLocation"]["uri"], "arch.hie");
  EXPECT_EQ(evidence["locations"][1]["physicalLocation"]["artifactLocation"]["uriBaseId"], "WORKSPACE");
  EXPECT_EQ(evidence["locations"][1]["physicalLocation"]["region"]["startLine"], 11);
  std::set<std::string> fingerprints;
  for (const auto& result_item : run["results"]) fingerprints.insert(result_item["partialFingerprints"]["hie/v1"]);
  EXPECT_EQ(fingerprints.size(), 4u);  // per-evidence fingerprints are distinct
  EXPECT_EQ(run["results"][2]["properties"]["fingerprint"], run["results"][2]["partialFingerprints"]["hie/v1"]);
  EXPECT_EQ(run["results"][3]["properties"]["status"], "error");
}

TEST(CliReports, SarifValidatesAgainstTheOasisSchema) {
  auto [python_status, python_output] = shell("python3 -c 'import jsonschema'");
  ASSERT_EQ(python_status, 0) << "python3 with the jsonschema module is needed (Debian: python3-jsonschema; "
                                 "scripts/setup.sh installs it): "
                              << python_output;
  std::string dir = temp_dir("sarif_schema");
  std::string sarif = dir + "/out.sarif";
  RunResult failing = check_at(reports_workspace(), {"check", "-f", "sarif", "-o", sarif});
  EXPECT_EQ(failing.exit_code, 1);
  std::string passing_sarif = dir + "/pass.sarif";
  check_at(testdata_dir() + "/workspaces/pass", {"check", "-f", "sarif", "-o", passing_sarif});
  std::string schema = testdata_dir() + "/sarif/sarif-schema-2.1.0.json";
  std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "for path in sys.argv[2:]:\n"
      "    doc = json.load(open(path))\n"
      "    jsonschema.Draft4Validator.check_schema(schema)\n"
      "    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)\n"
      "    for e in errors: print(path, list(e.absolute_path), e.message)\n"
      "    if errors: sys.exit(1)\n"
      "    assert doc['runs'][0]['results'] is not None\n"
      "print('valid')\n";
  write_file(dir + "/validate.py", script);
  auto [status, output] =
      shell("python3 " + shell_quote(dir + "/validate.py") + " " + shell_quote(schema) + " " + shell_quote(sarif) + " " +
            shell_quote(passing_sarif));
  EXPECT_EQ(status, 0) << output;
  EXPECT_THAT(output, HasSubstr("valid"));

  // The schema check is real: a document with a result without a message is rejected.
  Json doc = Json::parse(read_text(sarif));
  doc["runs"][0]["results"][0].erase("message");
  write_file(dir + "/broken.sarif", doc.dump());
  auto [broken_status, broken_output] = shell("python3 " + shell_quote(dir + "/validate.py") + " " + shell_quote(schema) + " " +
                                              shell_quote(dir + "/broken.sarif"));
  EXPECT_NE(broken_status, 0) << broken_output;
}

TEST(CliReports, JunitGoldenAndParsedBack) {
  RunResult result = check_at(reports_workspace(), {"check", "-f", "junit"});
  EXPECT_EQ(result.exit_code, 1);
  expect_golden("reports_junit", result);
  std::string dir = temp_dir("junit");
  write_file(dir + "/report.xml", result.out);
  std::string script =
      "import sys, xml.etree.ElementTree as ET\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "assert root.tag == 'testsuites', root.tag\n"
      "suites = root.findall('testsuite')\n"
      "assert [s.get('name') for s in suites] == ['arch.hie'], suites\n"
      "cases = suites[0].findall('testcase')\n"
      "assert len(cases) == int(suites[0].get('tests')) == 4\n"
      "assert int(suites[0].get('failures')) == len(suites[0].findall('testcase/failure')) == 2\n"
      "assert int(suites[0].get('errors')) == len(suites[0].findall('testcase/error')) == 1\n"
      "assert cases[1].get('classname') == 'shop.api'\n"
      "assert cases[1].get('name') == 'files.no_text(code, \\'TODO: <fix> & 100%, \"now\"\\')', cases[1].get('name')\n"
      "assert 'src/api/a.py:2' in cases[1].find('failure').text\n"
      "assert cases[3].find('error').get('type') == 'E105', cases[3].find('error').get('type')\n"
      "print('parsed')\n";
  write_file(dir + "/parse.py", script);
  auto [status, output] = shell("python3 " + shell_quote(dir + "/parse.py") + " " + shell_quote(dir + "/report.xml"));
  EXPECT_EQ(status, 0) << output;
  EXPECT_THAT(output, HasSubstr("parsed"));
}

TEST(CliReports, MarkdownGolden) {
  RunResult result = check_at(reports_workspace(), {"check", "-f", "markdown"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("| status | element | check | where | message |\n"));
  EXPECT_THAT(result.out, HasSubstr("## Failures\n\n### `shop.api`\n"));
  expect_golden("reports_markdown", result);
}

TEST(CliReports, GithubWithoutStepSummary) {
  RunResult result = check_at(reports_workspace(), {"check", "-f", "github"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("::error file=src/api/a.py,line=2,title=hie files.no_text%3A shop.api::"));
  EXPECT_THAT(result.out, HasSubstr("::error file=arch.hie,line=12,col=9,title=hie files.exists%3A shop.api::"));
  EXPECT_THAT(result.out, Not(HasSubstr("::notice")));
  expect_golden("reports_github", result);
}

TEST(CliReports, GithubAppendsTheTableToTheStepSummary) {
  std::string dir = temp_dir("github_summary");
  std::string summary = dir + "/summary.md";
  write_file(summary, "earlier step\n");
  RunResult result = check_at(reports_workspace(), {"check", "-f", "github"}, {{"GITHUB_STEP_SUMMARY", summary}});
  EXPECT_EQ(result.exit_code, 1);
  std::string text = read_text(summary);
  EXPECT_THAT(text, ::testing::StartsWith("earlier step\n## hie check\n\n**error**: 4 total, 1 passed, 2 failed"));
  EXPECT_THAT(text, HasSubstr("| ✅ pass | `shop` | `files.exists(src, 'main.py')` | arch.hie:7 |  |\n"));
  EXPECT_THAT(text, HasSubstr("| ⚠️ error | `shop.broken` |"));
  // The human format never touches the step summary.
  check_at(reports_workspace(), {"check"}, {{"GITHUB_STEP_SUMMARY", summary}});
  EXPECT_EQ(read_text(summary), text);
}

TEST(CliReports, GithubAnnotatesAtMostTenFailures) {
  std::string dir = temp_dir("github_cap");
  std::string spec = "import files\n\nelement many {\n    scope src = files.folder_selector('.')\n";
  for (int i = 0; i < 12; ++i) spec += "    check files.exists(src, 'missing" + std::to_string(i) + ".txt')\n";
  spec += "}\n";
  write_file(dir + "/many.hie", spec);
  RunResult result = check_at(dir, {"check", "-f", "github", "many.hie"});
  EXPECT_EQ(result.exit_code, 1);
  std::size_t errors = 0;
  for (std::size_t pos = 0; (pos = result.out.find("::error ", pos)) != std::string::npos; ++pos) ++errors;
  EXPECT_EQ(errors, 10u);
  EXPECT_THAT(result.out, HasSubstr("::notice title=hie::2 more failures are not annotated"));
  EXPECT_THAT(result.out, HasSubstr("Summary: 12 total, 0 passed, 12 failed, 0 errors in 0.00 s\n"));
}

TEST(CliReports, OneRunWritesSeveralReports) {
  std::string dir = temp_dir("several");
  RunResult result = check_at(reports_workspace(), {"check", "--report", "sarif=" + dir + "/r.sarif", "--report",
                                                    "junit=" + dir + "/r.xml", "--report", "json=" + dir + "/r.json"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("FAIL      shop.api :: files.exists(code, 'missing.py')\n"));  // human on stdout
  // Files are not normalized by the harness as stdout is: the SARIF report names the workspace's absolute path.
  std::string sarif = read_text(dir + "/r.sarif");
  for (std::size_t pos; (pos = sarif.find(HIE_SOURCE_DIR)) != std::string::npos;) {
    sarif.replace(pos, std::string(HIE_SOURCE_DIR).size(), "$HIE_SOURCE_DIR");
  }
  EXPECT_EQ(sarif, check_at(reports_workspace(), {"check", "-f", "sarif"}).out);
  EXPECT_EQ(read_text(dir + "/r.xml"), check_at(reports_workspace(), {"check", "-f", "junit"}).out);
  EXPECT_EQ(read_text(dir + "/r.json"), check_at(reports_workspace(), {"check", "-f", "json"}).out);

  RunResult to_file = check_at(reports_workspace(), {"check", "-f", "markdown", "--output", dir + "/r.md"});
  EXPECT_EQ(to_file.out, "");
  EXPECT_THAT(read_text(dir + "/r.md"), ::testing::StartsWith("# hie check\n"));
}

TEST(CliReports, BadReportOptionsAreUsageErrors) {
  RunResult no_equals = check_at(reports_workspace(), {"check", "--report", "sarif"});
  EXPECT_EQ(no_equals.exit_code, 2);
  EXPECT_THAT(no_equals.err, HasSubstr("--report takes FORMAT=FILE"));
  RunResult unknown = check_at(reports_workspace(), {"check", "--report", "pdf=x.pdf"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown report format 'pdf'"));
  RunResult format = check_at(reports_workspace(), {"check", "-f", "pdf"});
  EXPECT_EQ(format.exit_code, 2);
}

// Fingerprints of every result, from the JSON report and from SARIF.
std::vector<std::string> fingerprints(const std::string& cwd) {
  std::vector<std::string> out;
  Json json = Json::parse(check_at(cwd, {"check", "-f", "json"}).out);
  for (const auto& result : json["results"]) out.push_back(result["fingerprint"]);
  Json sarif = Json::parse(check_at(cwd, {"check", "-f", "sarif"}).out);
  for (const auto& result : sarif["runs"][0]["results"]) out.push_back(result["partialFingerprints"]["hie/v1"]);
  return out;
}

TEST(CliReports, FingerprintsSurviveUnrelatedEdits) {
  std::string dir = temp_dir("fingerprints");
  fs::copy(reports_workspace(), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::vector<std::string> before = fingerprints(dir);
  ASSERT_EQ(before.size(), 8u);

  // Lines move: comments and blank lines above, a check reformatted, the elements reordered; the offending source
  // line moves too.
  std::string spec = read_text(dir + "/arch.hie");
  spec = replace_all(spec, "import files\n", "# a new comment\n\n\nimport files\n\n");
  spec = replace_all(spec, "files.exists(code, 'missing.py')", "files.exists( code,   'missing.py' )");
  write_file(dir + "/arch.hie", spec);
  write_file(dir + "/src/api/a.py", "\n\n\nimport os\nx = 1  # TODO: <fix> & 100%, \"now\"\n");
  RunResult moved = check_at(dir, {"check", "-f", "json"});
  ASSERT_NE(Json::parse(moved.out)["results"][1]["line"], 11) << "the edit did not move the checks";
  EXPECT_EQ(fingerprints(dir), before);

  // A different check is a different fingerprint.
  write_file(dir + "/arch.hie", replace_all(spec, "missing.py", "absent.py"));
  std::vector<std::string> changed = fingerprints(dir);
  EXPECT_NE(changed[2], before[2]);
  EXPECT_EQ(changed[1], before[1]);
}

// The baseline workspace: one pass, two failures (one with evidence), no errors.
std::string baseline_workspace(const std::string& name) {
  std::string dir = temp_dir(name);
  write_file(dir + "/hielements.toml", "[check]\nspecs = [\"arch.hie\"]\n");
  write_file(dir + "/arch.hie",
             "import files\n\nelement app {\n    scope src = files.folder_selector('src')\n"
             "    check files.exists(src, 'main.py')\n    check files.exists(src, 'missing.py')\n"
             "    check files.no_text(src, 'TODO')\n}\n");
  write_file(dir + "/src/main.py", "# TODO: one\n");
  return dir;
}

TEST(CliReports, BaselineCycle) {
  std::string dir = baseline_workspace("baseline_cycle");
  std::string file = dir + "/hie-baseline.json";
  RunResult plain = check_at(dir, {"check"});
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_FALSE(file_exists(file)) << "a baseline is written only when asked";

  RunResult record = check_at(dir, {"check", "--update-baseline"});
  EXPECT_EQ(record.exit_code, 0) << record.out << record.err;
  EXPECT_THAT(record.err, HasSubstr("wrote 2 entries to the baseline hie-baseline.json\n"));
  EXPECT_THAT(record.out, HasSubstr("Summary: 3 total, 1 passed, 0 failed, 0 errors, 2 baselined in 0.00 s\n"));
  std::string written = read_text(file);
  Json doc = Json::parse(written);
  EXPECT_EQ(doc["schema"], "hie.baseline/1");
  EXPECT_EQ(doc["version"], "1.0");
  ASSERT_EQ(doc["entries"].size(), 2u);
  EXPECT_EQ(doc["entries"][0]["check"], "files.exists(src, 'missing.py')");
  EXPECT_EQ(doc["entries"][1]["evidence"][0], "src/main.py: # TODO: one");
  EXPECT_THAT(written, Not(HasSubstr("\"line\"")));
  check_at(dir, {"check", "--update-baseline"});
  EXPECT_EQ(read_text(file), written) << "the baseline is deterministic";

  RunResult known = check_at(dir, {"check", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(known.exit_code, 0);
  EXPECT_THAT(known.out, HasSubstr("BASELINED app :: files.exists(src, 'missing.py')\n"));
  EXPECT_THAT(known.out, HasSubstr(", 2 baselined in"));
  EXPECT_EQ(known.err, "");
  Json json = Json::parse(check_at(dir, {"check", "-f", "json", "--baseline", "hie-baseline.json"}).out);
  EXPECT_EQ(json["status"], "ok");
  EXPECT_EQ(json["summary"]["baselined"], 2);
  EXPECT_EQ(json["results"][1]["status"], "baselined");

  // A new TODO elsewhere: the rule is known to fail, but not there.
  write_file(dir + "/src/other.py", "# TODO: two\n");
  RunResult grown = check_at(dir, {"check", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(grown.exit_code, 1);
  EXPECT_THAT(grown.out, HasSubstr("FAIL      app :: files.no_text(src, 'TODO')\n"));
  EXPECT_THAT(grown.out, HasSubstr("1 new since the baseline, 1 known ones not shown]\n    at src/other.py:1"));
  fs::remove(dir + "/src/other.py");

  // Fix one: its entry is stale (a warning), the run still passes; --strict makes it a failure.
  write_file(dir + "/src/missing.py", "");
  RunResult fixed = check_at(dir, {"check", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(fixed.exit_code, 0);
  EXPECT_THAT(fixed.err, HasSubstr("warning[W080]: stale baseline entry: 'app :: files.exists(src, 'missing.py')' "
                                   "no longer fails"));
  EXPECT_THAT(fixed.err, HasSubstr("hie-baseline.json:6:5"));
  Json fixed_json = Json::parse(check_at(dir, {"check", "-f", "json", "--baseline", "hie-baseline.json"}).out);
  ASSERT_EQ(fixed_json["diagnostics"].size(), 1u);
  EXPECT_EQ(fixed_json["diagnostics"][0]["code"], "W080");
  EXPECT_EQ(fixed_json["diagnostics"][0]["line"], 6);
  RunResult strict = check_at(dir, {"check", "--strict", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.out, HasSubstr("FAIL      app :: files.exists(src, 'missing.py')\n    --> stale baseline entry"));
  EXPECT_THAT(strict.out, HasSubstr("Summary: 4 total, 2 passed, 1 failed, 0 errors, 1 baselined in 0.00 s\n"));
  EXPECT_EQ(read_text(file), written) << "--baseline never writes the file";

  // Updating drops the stale entry.
  RunResult updated = check_at(dir, {"check", "--update-baseline", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(updated.exit_code, 0);
  EXPECT_THAT(updated.err, HasSubstr("wrote 1 entry to the baseline hie-baseline.json\n"));
}

TEST(CliReports, BaselineWithSarifAndJunit) {
  std::string dir = baseline_workspace("baseline_formats");
  check_at(dir, {"check", "--update-baseline"});
  Json sarif = Json::parse(check_at(dir, {"check", "-f", "sarif", "--baseline", "hie-baseline.json"}).out);
  const Json& result = sarif["runs"][0]["results"][0];
  EXPECT_EQ(result["baselineState"], "unchanged");
  EXPECT_EQ(result["suppressions"][0]["kind"], "external");
  RunResult junit = check_at(dir, {"check", "-f", "junit", "--baseline", "hie-baseline.json"});
  EXPECT_EQ(junit.exit_code, 0);
  EXPECT_THAT(junit.out, HasSubstr("<skipped message=\"baselined: "));
}

TEST(CliReports, MalformedBaselineIsAnError) {
  std::string dir = baseline_workspace("baseline_malformed");
  write_file(dir + "/bad.json", "{\n  \"version\": \"1.0\",\n  \"schema\": \"hie.baseline/1\",\n  \"entries\": [\n"
                                "    {\"element\": \"app\", \"check\": \"x\"}\n  ]\n}\n");
  RunResult bad = check_at(dir, {"check", "--baseline", "bad.json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_THAT(bad.err, HasSubstr("error[E080]: malformed baseline file: entry without \"fingerprint\"\n"));
  EXPECT_THAT(bad.err, HasSubstr("bad.json:5:5"));
  EXPECT_THAT(bad.err, HasSubstr("nothing was evaluated"));

  write_file(dir + "/notjson.json", "{\"version\": \"1.0\",, }");
  RunResult not_json = check_at(dir, {"check", "--baseline", "notjson.json"});
  EXPECT_EQ(not_json.exit_code, 2);
  EXPECT_THAT(not_json.err, HasSubstr("error[E080]: malformed baseline file: not valid JSON"));
  EXPECT_THAT(not_json.err, HasSubstr("notjson.json:1:19"));

  RunResult missing = check_at(dir, {"check", "--baseline", "nowhere.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("error[E081]: cannot read the baseline file 'nowhere.json'"));
}

}  // namespace
}  // namespace hie::e2e
