// End-to-end harness: runs the real `hie` binary and compares its output with golden files.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hie::e2e {

struct RunOptions {
  std::vector<std::string> args;  // without the program name
  std::string cwd;                // working directory; empty = the repository's testdata/specs
  // Environment changes on top of the test's environment, in which NO_COLOR is always removed so that results
  // do not depend on the developer's shell. An empty value still sets the variable.
  std::vector<std::pair<std::string, std::string>> env;
  bool stderr_is_terminal = false;  // attach stderr to a pseudo-terminal (for the `--color auto` decision)
  int timeout_seconds = 30;
};

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;  // 128 + signal when the process was killed
};

// Runs HIE_BINARY. Occurrences of HIE_SOURCE_DIR in the output are replaced by "$HIE_SOURCE_DIR", the one
// normalization applied (nothing else is touched).
RunResult run_hie(const RunOptions& options);
RunResult run_hie(std::vector<std::string> args);

// The repository's testdata/ directory, and testdata/specs/ where the fixture specs are.
std::string testdata_dir();
std::string specs_dir();
// The fixture workspace testdata/workspaces/<name>.
std::string workspace_dir(const std::string& name);

// Runs hie in directory `cwd` with reproducible durations (HIE_FIXED_DURATION=1), as goldens need.
RunResult run_hie_in(const std::string& cwd, std::vector<std::string> args);

// Compares stdout, stderr and the exit code with testdata/golden/<name>.{stdout,stderr,code} (gtest expectations).
// With HIE_UPDATE_GOLDEN=1 in the environment the golden files are rewritten instead.
void expect_golden(const std::string& name, const RunResult& result);

// Whole-file helpers for tests.
std::string read_text(const std::string& path);
bool file_exists(const std::string& path);

}  // namespace hie::e2e
