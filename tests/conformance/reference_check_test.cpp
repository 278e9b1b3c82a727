// `hie check --format json` on each of the older tool's real files (/work/shared/conformance/reference-files, outside
// the repository; skipped when absent): the exit code, the diagnostics (code@line), the totals and every check
// result (status[/code]@line) match the table below, which is the data explained file by file in docs/conformance.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../e2e/e2e_harness.h"

namespace hie::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kReferenceDir = std::string(HIE_SOURCE_DIR) + "/../shared/conformance/reference-files";

struct Totals {
  int total = 0;
  int passed = 0;
  int failed = 0;
  int errors = 0;
  bool operator==(const Totals&) const = default;
};

// One row of docs/conformance.md. `totals` is absent when validation failed and nothing was evaluated (exit 2).
struct ExpectedCheck {
  std::string file;  // relative to reference-files/
  int exit_code = 0;
  std::vector<std::string> diagnostics;  // "CODE@line", sorted
  std::optional<Totals> totals;
  std::vector<std::string> results;  // "status@line" or "status/CODE@line", sorted
};

// Keep in step with docs/conformance.md (same data, with the reasons).
const std::vector<ExpectedCheck> kExpected = {
    {"examples/advanced_templates.hie", 1, {"W055@60", "W055@61"},
     Totals{16, 3, 13, 0},
     {"fail@102", "fail@109", "fail@118", "fail@15", "fail@47", "fail@47", "fail@48", "fail@48", "fail@61", "fail@61", "fail@61", "fail@61", "fail@78", "pass@54", "pass@57", "pass@60"}},
    {"examples/hierarchical.hie", 2, {"E050@20", "E050@88", "E050@90", "W055@36", "W055@37", "W055@43", "W055@44", "W055@49", "W055@56", "W055@59", "W055@62", "W057@17"},
     std::nullopt,
     {}},
    {"examples/hybrid_plugins.hie", 1, {"W001@13"},
     Totals{4, 1, 1, 2},
     {"error/E203@29", "error/E203@30", "fail@39", "pass@38"}},
    {"examples/language_example.hie", 2, {"E026@34", "E055@11", "E055@14", "E055@19", "W002@11"},
     std::nullopt,
     {}},
    {"examples/microservices.hie", 1, {},
     Totals{8, 0, 8, 0},
     {"fail@14", "fail@15", "fail@16", "fail@24", "fail@25", "fail@33", "fail@34", "fail@41"}},
    {"examples/minimal.hie", 0, {},
     Totals{0, 0, 0, 0},
     {}},
    {"examples/pattern_usage.hie", 2, {"E057@128"},
     std::nullopt,
     {}},
    {"examples/plugin_example.hie", 1, {"W001@9"},
     Totals{3, 1, 0, 2},
     {"error/E203@19", "error/E203@20", "pass@25"}},
    {"examples/python_example.hie", 1, {},
     Totals{20, 1, 19, 0},
     {"fail@12", "fail@13", "fail@23", "fail@24", "fail@27", "fail@28", "fail@35", "fail@36", "fail@39", "fail@40", "fail@41", "fail@49", "fail@50", "fail@57", "fail@58", "fail@59", "fail@67", "fail@68", "fail@72", "pass@16"}},
    {"examples/simple.hie", 1, {},
     Totals{5, 2, 3, 0},
     {"fail@14", "fail@15", "fail@22", "pass@16", "pass@17"}},
    {"examples/template_compiler.hie", 2, {"E050@24", "E054@30", "E054@34", "E054@50", "E054@54", "E205@24"},
     std::nullopt,
     {}},
    {"examples/template_microservice.hie", 2, {"E054@51", "E054@54", "E054@57", "E054@60", "E054@63", "E054@66", "E054@69", "E205@22", "E205@35"},
     std::nullopt,
     {}},
    {"examples/typed_connection_points.hie", 2, {"E054@62", "E054@65", "E054@68", "E054@71"},
     std::nullopt,
     {}},
    {"examples/v2_syntax_example.hie", 2, {"E055@68"},
     std::nullopt,
     {}},
    {"examples/v3_syntax_example.hie", 1, {},
     Totals{11, 1, 10, 0},
     {"fail@23", "fail@24", "fail@33", "fail@37", "fail@38", "fail@46", "fail@50", "fail@67", "fail@87", "fail@89", "pass@59"}},
    {"patterns/behavioral/event_driven.hie", 2, {"E055@22", "E055@23"},
     std::nullopt,
     {}},
    {"patterns/compiler/compiler_pipeline.hie", 0, {},
     Totals{0, 0, 0, 0},
     {}},
    {"patterns/cross-cutting/observability.hie", 2, {"E055@33"},
     std::nullopt,
     {}},
    {"patterns/structural/hexagonal.hie", 2, {"E055@67", "W053@71"},
     std::nullopt,
     {}},
    {"patterns/structural/layered_architecture.hie", 2, {"E055@51", "E055@54"},
     std::nullopt,
     {}},
    {"patterns/structural/microservice.hie", 1, {"W053@100", "W053@82", "W053@87", "W055@51"},
     Totals{12, 4, 8, 0},
     {"fail@45", "fail@45", "fail@48", "fail@48", "fail@62", "fail@72", "fail@77", "fail@95", "pass@44", "pass@44", "pass@51", "pass@51"}},
};

std::string line_of(const Json& diagnostic) {
  // `hie check` prints flat positions; when validation stops it, it prints the validate document (spans).
  if (diagnostic.contains("span")) return std::to_string(diagnostic.at("span").at("start").at("line").get<int>());
  return std::to_string(diagnostic.at("line").get<int>());
}

struct Summary {
  int exit_code = -1;
  std::vector<std::string> diagnostics;
  std::optional<Totals> totals;
  std::vector<std::string> results;
};

Summary summarize(const RunResult& run) {
  Summary summary;
  summary.exit_code = run.exit_code;
  Json doc = Json::parse(run.out);
  if (doc.contains("results")) {
    for (const Json& diagnostic : doc.at("diagnostics")) {
      summary.diagnostics.push_back(diagnostic.at("code").get<std::string>() + "@" + line_of(diagnostic));
    }
    const Json& totals = doc.at("summary");
    summary.totals = Totals{totals.at("total").get<int>(), totals.at("passed").get<int>(),
                            totals.at("failed").get<int>(), totals.at("errors").get<int>()};
    for (const Json& result : doc.at("results")) {
      std::string entry = result.at("status").get<std::string>();
      if (result.at("code").is_string()) entry += "/" + result.at("code").get<std::string>();
      summary.results.push_back(entry + "@" + std::to_string(result.at("line").get<int>()));
    }
  } else {
    for (const char* list : {"errors", "warnings"}) {
      for (const Json& diagnostic : doc.at(list)) {
        summary.diagnostics.push_back(diagnostic.at("code").get<std::string>() + "@" + line_of(diagnostic));
      }
    }
  }
  std::sort(summary.diagnostics.begin(), summary.diagnostics.end());
  std::sort(summary.results.begin(), summary.results.end());
  return summary;
}

std::string show(const std::optional<Totals>& totals) {
  if (!totals) return "(not evaluated)";
  return std::to_string(totals->total) + "/" + std::to_string(totals->passed) + "/" +
         std::to_string(totals->failed) + "/" + std::to_string(totals->errors);
}

class ReferenceCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kReferenceDir)) GTEST_SKIP() << kReferenceDir << " is absent";
  }
};

TEST_F(ReferenceCheck, TableListsEveryReferenceSpec) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(kReferenceDir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".hie") {
      found.push_back(fs::relative(entry.path(), kReferenceDir).generic_string());
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> listed;
  for (const ExpectedCheck& row : kExpected) listed.push_back(row.file);
  EXPECT_EQ(found, listed);
}

TEST_F(ReferenceCheck, EachFileYieldsTheDocumentedDiagnosticsAndResults) {
  for (const ExpectedCheck& row : kExpected) {
    SCOPED_TRACE(row.file);
    fs::path spec = fs::path(kReferenceDir) / row.file;
    RunOptions options;
    options.cwd = spec.parent_path().string();
    // The workspace is the file's own folder, so results never depend on where the test runs.
    // --no-cache: never write a fact cache into the reference folder, which is not ours.
    options.args = {"check", "--no-cache", "--format", "json", "-w", spec.parent_path().string(),
                    spec.filename().string()};
    options.env = {{"HIE_FIXED_DURATION", "1"}};
    options.timeout_seconds = 60;
    RunResult run = run_hie(options);
    ASSERT_FALSE(run.out.empty()) << run.err;
    Summary summary = summarize(run);
    EXPECT_EQ(summary.exit_code, row.exit_code) << run.err;
    EXPECT_EQ(summary.diagnostics, row.diagnostics);
    EXPECT_EQ(show(summary.totals), show(row.totals));
    EXPECT_EQ(summary.results, row.results);
  }
}

}  // namespace
}  // namespace hie::e2e
