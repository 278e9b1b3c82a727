// The Python SDK (plugins/sdk/python): its own unittest suite, and its example plugin driven through the real host.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <optional>
#include <string>

#include "plugin/jsonrpc/process_library.h"
#include "plugin_test_support.h"

namespace hie::plugin::jsonrpc {
namespace {

using library::CheckOutcome;
using library::Result;
using library::Value;
using namespace test_support;

// Runs a shell command; returns its exit status and combined output.
std::pair<int, std::string> run_command(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(PythonSdk, UnittestSuitePasses) {
  if (!python3_available()) GTEST_SKIP() << "python3 is not installed";
  std::filesystem::path dir = source_dir() / "plugins" / "sdk" / "python";
  auto [status, output] =
      run_command("cd '" + dir.string() + "' && PYTHONDONTWRITEBYTECODE=1 python3 -m unittest -v test_hie_plugin");
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("OK"), std::string::npos) << output;
}

TEST(PythonSdk, ExamplePluginThroughTheHost) {
  if (!python3_available()) GTEST_SKIP() << "python3 is not installed";
  ScratchWorkspace scratch;
  scratch.write("docs/long.md", "1\n2\n3\n4\n5\n");
  scratch.write("docs/empty.md", "");
  workspace::Workspace ws = scratch.open();
  library::CallContext ctx{ws};

  ProcessLibrarySpec spec = python_spec(source_dir() / "plugins" / "examples" / "python" / "file_stats_plugin.py");
  spec.name = "file_stats";
  ProcessLibrary lib(spec);

  Result<library::LibraryDoc> doc = lib.describe(ctx);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_TRUE(doc.value().self_described);
  EXPECT_EQ(doc.value().version, "1.0.0");
  ASSERT_EQ(doc.value().functions.size(), 6u);
  const library::FunctionDoc& by_extension = doc.value().functions[0];
  EXPECT_EQ(by_extension.name, "by_extension");
  EXPECT_EQ(by_extension.kind, library::FunctionKind::Selector);
  EXPECT_EQ(by_extension.return_type, "scope");
  ASSERT_EQ(by_extension.params.size(), 1u);
  EXPECT_EQ(by_extension.params[0].type, "string");
  EXPECT_EQ(doc.value().functions[2].name, "max_lines");  // one entry per signature: (scope) and (scope, limit)
  EXPECT_EQ(doc.value().functions[2].params.size(), 1u);
  EXPECT_EQ(doc.value().functions[3].params.size(), 2u);
  EXPECT_EQ(doc.value().functions[3].params[1].type, "integer");

  std::vector<Value> md_args = {Value::string("md")};
  Result<Value> md = lib.call("by_extension", md_args, ctx);
  ASSERT_TRUE(md.ok()) << md.error().message;
  EXPECT_EQ(md.value().as_scope().kind, "Glob");
  EXPECT_EQ(md.value().as_scope().paths, (std::vector<std::string>{"docs/empty.md", "docs/long.md"}));

  std::vector<Value> check_args = {md.value(), Value::integer(3)};
  Result<CheckOutcome> lines = lib.check("max_lines", check_args, ctx);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  EXPECT_EQ(lines.value().status, CheckOutcome::Status::Fail);
  EXPECT_EQ(lines.value().message, "1 file(s) longer than 3 lines");
  ASSERT_EQ(lines.value().evidence.size(), 1u);
  EXPECT_EQ(lines.value().evidence[0].file, "docs/long.md");
  EXPECT_EQ(lines.value().evidence[0].line, 4u);
  EXPECT_EQ(lines.value().evidence[0].message, "5 lines, limit 3");

  std::vector<Value> one_arg = {md.value()};
  Result<CheckOutcome> empty = lib.check("no_empty_files", one_arg, ctx);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty.value().status, CheckOutcome::Status::Fail);

  std::vector<Value> bad_args = {Value::string("not a scope")};
  Result<CheckOutcome> bad = lib.check("max_lines", bad_args, ctx);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E-32602");
  EXPECT_EQ(bad.error().message, "argument 1 ('scope') of check 'max_lines' must be a scope, got string");

  EXPECT_TRUE(lib.warnings().empty());
  pid_t pid = lib.pid();
  lib.shutdown();
  EXPECT_TRUE(process_gone(pid));
}

}  // namespace
}  // namespace hie::plugin::jsonrpc
