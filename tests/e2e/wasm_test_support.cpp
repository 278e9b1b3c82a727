#include "wasm_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace hie::e2e {

namespace fs = std::filesystem;

fs::path wasm_fixture(const std::string& name) { return fs::path(HIE_WASM_FIXTURES) / (name + ".wasm"); }
fs::path wasm_example(const std::string& name) { return fs::path(HIE_WASM_EXAMPLES) / (name + ".wasm"); }

TempWorkspace::TempWorkspace(const std::string& name, const std::vector<fs::path>& plugins) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string unique = name + "_" + std::to_string(getpid()) + "_" + (test ? test->name() : "suite");
  base_ = fs::path(::testing::TempDir()) / ("hie_" + unique);
  fs::remove_all(base_);
  root_ = base_ / "workspace";
  fs::create_directories(root_);
  fs::copy(fs::path(testdata_dir()) / "workspaces" / name, root_, fs::copy_options::recursive);
  fs::create_directories(root_ / "plugins");
  for (const fs::path& plugin : plugins) fs::copy_file(plugin, root_ / "plugins" / plugin.filename());
}

TempWorkspace::~TempWorkspace() {
  std::error_code ignored;
  fs::remove_all(base_, ignored);
}

void TempWorkspace::write(const std::string& relative, const std::string& contents) const {
  fs::path path = root_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

RunResult TempWorkspace::run(std::vector<std::string> args, int timeout_seconds) const {
  RunOptions options;
  options.args = std::move(args);
  options.cwd = root_.string();
  options.env = {{"HIE_FIXED_DURATION", "1"}};
  options.timeout_seconds = timeout_seconds;
  return run_hie(options);
}

}  // namespace hie::e2e
