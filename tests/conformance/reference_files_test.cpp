// The older tool's real files (/work/shared/conformance/reference-files, outside the repository; skipped when
// absent): every one validates, except the unclosed braces of language_example.hie (E026), and `hie parse` yields
// the element trees listed in ../shared/conformance/README.md (paths in pre-order and implements lists).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../e2e/e2e_harness.h"

namespace hie::e2e {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

const std::string kConformanceDir = std::string(HIE_SOURCE_DIR) + "/../shared/conformance";
const std::string kReferenceDir = kConformanceDir + "/reference-files";
const std::string kUnclosedBraces = "examples/language_example.hie";

// The .hie files under reference-files/, as sorted relative paths ("examples/minimal.hie").
std::vector<std::string> reference_specs() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(kReferenceDir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".hie") {
      out.push_back(fs::relative(entry.path(), kReferenceDir).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct ExpectedTree {
  std::vector<std::string> imports;
  std::vector<std::string> patterns;
  std::vector<std::string> elements;  // "path" or "path implements a, b", pre-order
};

std::string trim(const std::string& text) {
  std::size_t begin = text.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  std::size_t end = text.find_last_not_of(' ');
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!trim(item).empty()) out.push_back(trim(item));
  }
  return out;
}

// Reads the "Element trees" section of the conformance README.
std::map<std::string, ExpectedTree> expected_trees() {
  std::map<std::string, ExpectedTree> trees;
  std::stringstream in(read_text(kConformanceDir + "/README.md"));
  std::string line;
  ExpectedTree* current = nullptr;
  bool in_elements = false;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) == 0) {
      current = &trees[line.substr(4)];
      in_elements = false;
    } else if (current == nullptr) {
      continue;
    } else if (line.rfind("imports:", 0) == 0) {
      current->imports = split_list(line.substr(8));
    } else if (line.rfind("patterns:", 0) == 0) {
      // "patterns: a (checks 1, requirements 0, elements 1), b (...)"
      std::string rest = line.substr(9);
      for (std::size_t open = rest.find(" ("); open != std::string::npos; open = rest.find(" (")) {
        std::size_t begin = rest.rfind(", ", open);
        begin = begin == std::string::npos ? 0 : begin + 2;
        current->patterns.push_back(trim(rest.substr(begin, open - begin)));
        rest = rest.substr(rest.find(')', open) + 1);
      }
    } else if (line.rfind("elements:", 0) == 0) {
      in_elements = true;
    } else if (in_elements && line.rfind("  ", 0) == 0) {
      current->elements.push_back(trim(line.substr(0, line.find("  ["))));
    } else {
      in_elements = false;
    }
  }
  return trees;
}

void collect_elements(const Json& elements, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& element : elements) {
    std::string path = prefix + element.at("name").at("name").get<std::string>();
    std::string line = path;
    const Json& implements = element.at("implements");
    for (std::size_t i = 0; i < implements.size(); ++i) {
      line += (i == 0 ? " implements " : ", ") + implements[i].at("template_name").at("name").get<std::string>();
    }
    out.push_back(line);
    collect_elements(element.at("children"), path + ".", out);
  }
}

RunResult run_in_reference_dir(std::vector<std::string> args) {
  RunOptions options;
  options.args = std::move(args);
  options.cwd = kReferenceDir;
  return run_hie(options);
}

class ReferenceFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kReferenceDir)) GTEST_SKIP() << kReferenceDir << " is absent";
  }
};

TEST_F(ReferenceFiles, EveryFileHasAnExpectedTree) {
  std::map<std::string, ExpectedTree> trees = expected_trees();
  std::vector<std::string> listed;
  for (const auto& [file, tree] : trees) listed.push_back(file);
  EXPECT_EQ(listed, reference_specs());
}

// Syntax codes are E001-E049; semantic diagnostics (E050+, warnings) are expected where the files are genuinely
// wrong and are pinned one by one in tests/sema/reference_files_test.cpp.
bool is_syntax_code(const std::string& code) { return code.size() == 4 && code[0] == 'E' && code.substr(1) < "050"; }

std::vector<std::string> syntax_errors(const Json& document) {
  std::vector<std::string> found;
  for (const auto& error : document.at("errors")) {
    std::string code = error.at("code");
    if (!is_syntax_code(code)) continue;
    const Json& start = error.at("span").at("start");
    found.push_back(error.at("file").get<std::string>() + ":" + std::to_string(start.at("line").get<int>()) + ":" +
                    std::to_string(start.at("column").get<int>()) + " " + code);
  }
  return found;
}

TEST_F(ReferenceFiles, NoSyntaxErrorButTheUnclosedBraces) {
  for (const auto& file : reference_specs()) {
    SCOPED_TRACE(file);
    RunResult result = run_in_reference_dir({"validate", "--format", "json", file});
    Json document = Json::parse(result.out);
    if (file == kUnclosedBraces) {
      EXPECT_EQ(result.exit_code, 2);
      // The `{` of `element api_service implements python_service {`.
      EXPECT_EQ(syntax_errors(document), std::vector<std::string>{file + ":34:47 E026"});
    } else {
      EXPECT_EQ(syntax_errors(document), std::vector<std::string>{}) << result.out;
    }
  }
}

TEST_F(ReferenceFiles, UnclosedBracesAreReportedInHumanForm) {
  RunResult result = run_in_reference_dir({"validate", kUnclosedBraces});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E026]"));
  EXPECT_THAT(result.err, HasSubstr("--> " + std::string(kUnclosedBraces) + ":34:47"));
}

TEST_F(ReferenceFiles, ParseYieldsTheOlderElementTrees) {
  std::map<std::string, ExpectedTree> trees = expected_trees();
  for (const auto& file : reference_specs()) {
    SCOPED_TRACE(file);
    RunResult result = run_in_reference_dir({"parse", file});
    if (file == kUnclosedBraces) {
      EXPECT_EQ(result.exit_code, 2);
      EXPECT_EQ(result.out, "");
      continue;
    }
    ASSERT_EQ(result.exit_code, 0) << result.err;
    Json tree = Json::parse(result.out);
    const ExpectedTree& expected = trees[file];

    std::vector<std::string> imports;
    for (const auto& import : tree.at("imports")) {
      std::string name;
      for (const auto& segment : import.at("path").at("Identifier")) {
        name += (name.empty() ? "" : ".") + segment.at("name").get<std::string>();
      }
      imports.push_back(name);
    }
    EXPECT_EQ(imports, expected.imports);

    std::vector<std::string> patterns;
    for (const auto& pattern : tree.at("templates")) patterns.push_back(pattern.at("name").at("name"));
    EXPECT_EQ(patterns, expected.patterns);

    std::vector<std::string> elements;
    collect_elements(tree.at("elements"), "", elements);
    EXPECT_EQ(elements, expected.elements);
  }
}

TEST_F(ReferenceFiles, SeveralFilesInOneJsonDocument) {
  std::vector<std::string> args = {"validate", "--format", "json"};
  for (const auto& file : reference_specs()) args.push_back(file);
  RunResult result = run_in_reference_dir(args);
  EXPECT_EQ(result.exit_code, 2);
  Json document = Json::parse(result.out);
  EXPECT_EQ(document.at("status"), "error");
  // All files land in one document; the only syntax error is the unclosed brace.
  EXPECT_EQ(syntax_errors(document), std::vector<std::string>{std::string(kUnclosedBraces) + ":34:47 E026"});
}

}  // namespace
}  // namespace hie::e2e
