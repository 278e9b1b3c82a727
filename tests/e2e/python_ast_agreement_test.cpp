// Agreement with CPython: the import edges `hie deps --language python` computes for a large real tree (the Python
// standard library installed on the machine, read in place with --no-cache) must equal, edge for edge, those that
// tests/e2e/python_ast_edges.py computes from CPython's own `ast` with the same resolution rules. Files CPython
// cannot parse (Python 2 test data) or that are not UTF-8 are left out, as the script reports them.
#include <gtest/gtest.h>
#include <stdio.h>

#include <array>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using Json = nlohmann::json;
using Edge = std::tuple<std::string, int, std::string, std::string>;  // from, line, to ("" = external), module

// Runs a shell command and returns its stdout and exit status.
std::pair<std::string, int> shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {"", -1};
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {out, status};
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

TEST(PythonAstAgreement, StandardLibraryEdgesAgreeWithCPythonAst) {
  const auto [version, version_status] = shell("python3 --version 2>/dev/null");
  if (version_status != 0) GTEST_SKIP() << "python3 is not installed";
  const auto [stdlib_out, stdlib_status] =
      shell("python3 -c 'import sysconfig; print(sysconfig.get_paths()[\"stdlib\"])'");
  ASSERT_EQ(stdlib_status, 0);
  const std::string stdlib = trimmed(stdlib_out);
  ASSERT_FALSE(stdlib.empty());

  const std::string script = std::string(HIE_SOURCE_DIR) + "/tests/e2e/python_ast_edges.py";
  const auto [reference_out, reference_status] = shell("python3 '" + script + "' '" + stdlib + "'");
  ASSERT_EQ(reference_status, 0) << "the reference script failed";
  const Json reference = Json::parse(reference_out);
  std::set<std::string> skipped;
  for (const auto& item : reference["skipped"].items()) skipped.insert(item.key());

  RunOptions options;
  options.args = {"deps", "--language", "python", "--format", "json", "--no-cache", "-w", stdlib};
  options.timeout_seconds = 1200;
  const RunResult result = run_hie(options);
  ASSERT_EQ(result.exit_code, 0) << result.err.substr(0, 2000);
  const Json deps = Json::parse(result.out);
  const Json& edges = deps.is_array() ? deps : deps.at("edges");

  std::multiset<Edge> ours;
  for (const Json& edge : edges) {
    const std::string from = edge.at("from");
    if (skipped.count(from)) continue;
    ASSERT_EQ(edge.at("language"), "python");
    ours.emplace(from, edge.at("line").get<int>(), edge.at("to").is_null() ? "" : edge.at("to").get<std::string>(),
                 edge.at("module").get<std::string>());
  }
  std::multiset<Edge> theirs;
  for (const Json& edge : reference["edges"]) {
    theirs.emplace(edge[0].get<std::string>(), edge[1].get<int>(), edge[2].is_null() ? "" : edge[2].get<std::string>(),
                   edge[3].get<std::string>());
  }

  std::vector<Edge> only_ours;
  std::vector<Edge> only_theirs;
  std::set_difference(ours.begin(), ours.end(), theirs.begin(), theirs.end(), std::back_inserter(only_ours));
  std::set_difference(theirs.begin(), theirs.end(), ours.begin(), ours.end(), std::back_inserter(only_theirs));
  std::cout << "[ agreement ] " << stdlib << ": " << theirs.size() << " edges from CPython ast, " << ours.size()
            << " from hie, " << only_ours.size() + only_theirs.size() << " differences; " << skipped.size()
            << " files skipped (CPython cannot parse them or they are not UTF-8)\n";
  RecordProperty("edges", static_cast<int>(theirs.size()));
  EXPECT_GT(theirs.size(), 10000u) << "the standard library should have many imports";
  auto show = [](const Edge& e) {
    return std::get<0>(e) + ":" + std::to_string(std::get<1>(e)) + " -> " +
           (std::get<2>(e).empty() ? "(external)" : std::get<2>(e)) + " [" + std::get<3>(e) + "]";
  };
  for (std::size_t i = 0; i < only_ours.size() && i < 20; ++i) ADD_FAILURE() << "only hie: " << show(only_ours[i]);
  for (std::size_t i = 0; i < only_theirs.size() && i < 20; ++i) {
    ADD_FAILURE() << "only CPython ast: " << show(only_theirs[i]);
  }
  EXPECT_EQ(only_ours.size() + only_theirs.size(), 0u);
}

}  // namespace
}  // namespace hie::e2e
