// Helpers for the plugin end-to-end tests: temporary workspaces, and finding processes a run left behind.
#pragma once

#include <string>
#include <vector>

namespace hie::e2e {

// A fresh empty directory under the system's temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void write_text(const std::string& path, const std::string& text);

// A value unique to this test run, to put in the environment of `hie` as HIE_E2E_MARKER=value: every plugin
// process inherits it.
std::string unique_marker();

// The live processes (not zombies) whose environment contains `NAME=value`, waiting up to `grace_ms` for them to
// go away first (a process that is being reaped is not a leftover).
std::vector<int> processes_with_env(const std::string& name, const std::string& value, int grace_ms = 2000);

// `sha256sum FILE`'s digest (coreutils), or "" when it cannot be computed.
std::string sha256_of(const std::string& path);

}  // namespace hie::e2e
