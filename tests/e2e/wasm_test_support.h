// Support for the WASM plugin end-to-end tests: a fixture workspace copied to a temporary directory with the
// built .wasm files dropped into its plugins/ folder, and lookups in `hie check -f json` results.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e_harness.h"
#include "json_results.h"

namespace hie::e2e {

// The .wasm files built from testdata/wasm/*.wat and plugins/examples/c/*.c (CMake passes the directories).
std::filesystem::path wasm_fixture(const std::string& name);
std::filesystem::path wasm_example(const std::string& name);

// testdata/workspaces/<name> copied to a fresh temporary directory (removed by the destructor), with `plugins`
// copied into its plugins/ folder.
class TempWorkspace {
 public:
  TempWorkspace(const std::string& name, const std::vector<std::filesystem::path>& plugins);
  ~TempWorkspace();
  TempWorkspace(const TempWorkspace&) = delete;
  TempWorkspace& operator=(const TempWorkspace&) = delete;

  const std::filesystem::path& root() const { return root_; }
  // The directory that holds root(), for files the workspace must not see.
  std::filesystem::path outside() const { return root_.parent_path(); }
  void write(const std::string& relative, const std::string& contents) const;
  // Runs hie in root() with reproducible durations.
  RunResult run(std::vector<std::string> args, int timeout_seconds = 60) const;

 private:
  std::filesystem::path base_;  // the temporary directory: root() and the files outside it
  std::filesystem::path root_;
};

}  // namespace hie::e2e
