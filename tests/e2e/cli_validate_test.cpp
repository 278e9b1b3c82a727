// `hie validate`: compiler-style diagnostics and the JSON diagnostics document, for valid and invalid specs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::ordered_json;

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

TEST(CliValidate, ValidSpecHuman) {
  RunResult result = run_hie({"validate", "clean.hie"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "Finished validating 1 file: no errors\n");
  expect_golden("validate_clean", result);
}

TEST(CliValidate, ValidSpecJson) {
  RunResult result = run_hie({"validate", "--format", "json", "clean.hie"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  Json document = Json::parse(result.out);
  EXPECT_THAT(keys(document), ::testing::ElementsAre("version", "status", "errors", "warnings", "summary"));
  EXPECT_EQ(document["version"], "1.0");
  EXPECT_EQ(document["status"], "ok");
  EXPECT_EQ(document["summary"]["total_errors"], 0);
  expect_golden("validate_clean_json", result);
}

TEST(CliValidate, SeveralValidFiles) {
  RunResult result = run_hie({"validate", "clean.hie", "legacy_v1.hie"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "Finished validating 2 files: no errors\n");
}

struct InvalidSpec {
  const char* file;
  const char* code;
  const char* location;  // file:line:column of the first diagnostic
};

// One fixture per lexical/syntax error family; each must be reported with its code at the right place.
const InvalidSpec kInvalidSpecs[] = {
    {"e020_invalid_utf8.hie", "E020", "e020_invalid_utf8.hie:1:12"},
    {"e022_unterminated_string.hie", "E022", "e022_unterminated_string.hie:4:39"},
    {"e024_unexpected_character.hie", "E024", "e024_unexpected_character.hie:5:34"},
    {"e025_inconsistent_indentation.hie", "E025", "e025_inconsistent_indentation.hie:5:5"},
    {"e026_unclosed_block.hie", "E026", "e026_unclosed_block.hie:3:14"},
};

std::string stem(const std::string& file) { return file.substr(0, file.find('.')); }

TEST(CliValidate, InvalidSpecsHuman) {
  for (const auto& spec : kInvalidSpecs) {
    SCOPED_TRACE(spec.file);
    RunResult result = run_hie({"validate", spec.file});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_THAT(result.err, HasSubstr(std::string("error[") + spec.code + "]"));
    EXPECT_THAT(result.err, HasSubstr(std::string("--> ") + spec.location + "\n"));
    EXPECT_THAT(result.err, HasSubstr(std::string("error: could not validate '") + spec.file + "' due to "));
    EXPECT_THAT(result.err, Not(HasSubstr("\x1b[")));  // piped: no colour
    expect_golden("validate_" + stem(spec.file), result);
  }
}

TEST(CliValidate, InvalidSpecsJson) {
  for (const auto& spec : kInvalidSpecs) {
    SCOPED_TRACE(spec.file);
    RunResult result = run_hie({"validate", "-f", "json", spec.file});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, "");
    Json document = Json::parse(result.out);
    EXPECT_EQ(document["status"], "error");
    ASSERT_FALSE(document["errors"].empty());
    bool found = false;
    for (const auto& error : document["errors"]) {
      EXPECT_THAT(keys(error), ::testing::IsSubsetOf({"severity", "code", "message", "file", "span", "help"}));
      EXPECT_EQ(error["severity"], "error");
      EXPECT_EQ(error["file"], spec.file);
      found = found || error["code"] == spec.code;
    }
    EXPECT_TRUE(found) << result.out;
    EXPECT_EQ(document["summary"]["total_errors"], document["errors"].size());
    expect_golden("validate_" + stem(spec.file) + "_json", result);
  }
}

TEST(CliValidate, CaretUnderTheSpanWithTabsAndMultibyteCharacters) {
  RunResult result = run_hie({"validate", "tabs_and_unicode.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E024]"));
  // The tab is shown as 4 spaces; 'ñ' and 'ú' are one column each, so the caret sits under the '@'.
  EXPECT_THAT(result.err, HasSubstr("5 |     scope src = files.folder_selector('\xc3\xb1"
                                    "and\xc3\xba') @\n"
                                    "  |" +
                                    std::string(48, ' ') + "^\n"));
  expect_golden("validate_tabs_and_unicode", result);
}

TEST(CliValidate, OneMistakeOneDiagnostic) {
  RunResult result = run_hie({"validate", "several_errors.hie"});
  EXPECT_EQ(result.exit_code, 2);
  std::size_t errors = count(result.err, "\nerror[") + (result.err.rfind("error[", 0) == 0 ? 1 : 0);
  EXPECT_GE(errors, 3u);
  EXPECT_THAT(result.err, HasSubstr("due to " + std::to_string(errors) + " previous errors"));
  EXPECT_THAT(result.err, HasSubstr("error[E012]"));
  expect_golden("validate_several_errors", result);
}

TEST(CliValidate, SeveralFilesHuman) {
  RunResult result = run_hie({"validate", "clean.hie", "e022_unterminated_string.hie", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error: could not validate 'e022_unterminated_string.hie' and "
                                    "'e026_unclosed_block.hie' due to "));
  // Files are reported in command-line order.
  EXPECT_LT(result.err.find("e022_unterminated_string.hie:"), result.err.find("e026_unclosed_block.hie:"));
  expect_golden("validate_several_files", result);
}

TEST(CliValidate, SeveralFilesJsonIsOneDocument) {
  RunResult result =
      run_hie({"validate", "-f", "json", "clean.hie", "e022_unterminated_string.hie", "e026_unclosed_block.hie"});
  EXPECT_EQ(result.exit_code, 2);
  Json document = Json::parse(result.out);  // throws (test error) if there were several documents
  std::set<std::string> files;
  for (const auto& error : document["errors"]) files.insert(error["file"].get<std::string>());
  EXPECT_EQ(files, (std::set<std::string>{"e022_unterminated_string.hie", "e026_unclosed_block.hie"}));
  expect_golden("validate_several_files_json", result);
}

TEST(CliValidate, UnreadableFiles) {
  RunResult result = run_hie({"validate", "clean.hie", "missing.hie", "."});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "error: cannot read 'missing.hie': No such file or directory\n"
            "error: cannot read '.': Is a directory\n");
  expect_golden("validate_unreadable", result);

  RunResult json = run_hie({"validate", "-f", "json", "missing.hie"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_EQ(json.out, "");
  EXPECT_THAT(json.err, HasSubstr("missing.hie"));
}

TEST(CliValidate, QuietPrintsErrorsOnly) {
  RunResult ok = run_hie({"validate", "-q", "clean.hie"});
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_EQ(ok.err, "");
  RunResult bad = run_hie({"validate", "-q", "e026_unclosed_block.hie"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("error[E026]"));
}

TEST(CliValidate, VerboseSaysWhatItDoes) {
  RunResult result = run_hie({"validate", "-v", "clean.hie"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.err, HasSubstr("[verbose] read 'clean.hie' ("));
  EXPECT_THAT(result.err, HasSubstr("[verbose] validated 'clean.hie': 0 errors, 0 warnings"));
}

TEST(CliValidate, OutputFile) {
  char dir_template[] = "/tmp/hie-e2e-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  std::string dir = dir_template;

  RunResult json = run_hie({"validate", "-f", "json", "-o", dir + "/report.json", "e026_unclosed_block.hie"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_EQ(json.out, "");
  EXPECT_EQ(json.err, "");
  Json document = Json::parse(read_text(dir + "/report.json"));
  EXPECT_EQ(document["errors"][0]["code"], "E026");

  RunResult human = run_hie({"validate", "--color", "always", "-o", dir + "/report.txt", "e026_unclosed_block.hie"});
  EXPECT_EQ(human.exit_code, 2);
  EXPECT_EQ(human.err, "");
  std::string text = read_text(dir + "/report.txt");
  EXPECT_THAT(text, HasSubstr("error[E026]"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));  // files never get colour

  RunResult unwritable = run_hie({"validate", "-f", "json", "-o", dir + "/no/such/dir/x.json", "clean.hie"});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_THAT(unwritable.err, HasSubstr("cannot write"));

  std::remove((dir + "/report.json").c_str());
  std::remove((dir + "/report.txt").c_str());
  rmdir(dir.c_str());
}

TEST(CliValidate, ReportsSemanticErrors) {
  // Names and library calls are validated too, not only the syntax.
  RunOptions options;
  options.args = {"validate", "spec.hie"};
  options.cwd = testdata_dir() + "/workspaces/invalid";
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E050]: undefined name 'srcc'\n --> spec.hie:6:24\n"));
  EXPECT_THAT(result.err, HasSubstr("= help: did you mean 'src'?"));
  EXPECT_THAT(result.err, HasSubstr("error: could not validate 'spec.hie' due to 1 previous error\n"));
}

}  // namespace
}  // namespace hie::e2e
