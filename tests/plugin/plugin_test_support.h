// Shared helpers of the process-plugin tests: a scratch workspace, specs for the Python test plugins, process probes.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "library/library.h"
#include "plugin/jsonrpc/process_library.h"
#include "workspace/workspace.h"

namespace hie::plugin::jsonrpc::test_support {

inline bool python3_available() {
  static const bool available = std::system("python3 -c '' >/dev/null 2>&1") == 0;
  return available;
}

inline std::filesystem::path source_dir() { return HIE_SOURCE_DIR; }
inline std::filesystem::path test_plugin(const std::string& file) {
  return source_dir() / "testdata" / "plugins" / file;
}

// True while `pid` names a live (not zombie) process. A reaped child no longer exists (ESRCH).
inline bool process_alive(pid_t pid) {
  if (pid <= 0) return false;
  if (::kill(pid, 0) != 0) return errno != ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::size_t close = content.rfind(')');
  return close == std::string::npos || close + 2 >= content.size() || content[close + 2] != 'Z';
}

// True when `pid` is gone entirely: neither running nor a zombie waiting to be reaped by us.
inline bool process_gone(pid_t pid) { return pid > 0 && ::kill(pid, 0) == -1 && errno == ESRCH; }

// A scratch workspace directory with a few files, removed at the end of the test.
class ScratchWorkspace {
 public:
  ScratchWorkspace() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("hie-plugin-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_ / "plugins");
    write("a.txt", "one\ntwo\n");
    write("b.txt", "three\n");
    write("plugins/a.txt", "x\n");
    write("plugins/b.txt", "y\n");
  }
  ~ScratchWorkspace() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  void write(const std::string& rel, const std::string& content) {
    std::filesystem::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << content;
  }
  const std::filesystem::path& root() const { return root_; }
  workspace::Workspace open() const { return workspace::Workspace::open(root_, {}); }

 private:
  std::filesystem::path root_;
};

// A spec for one of testdata/plugins/*.py, with test-friendly limits.
inline ProcessLibrarySpec python_spec(const std::filesystem::path& script,
                                      std::chrono::milliseconds timeout = std::chrono::milliseconds(20000)) {
  ProcessLibrarySpec spec;
  spec.name = script.stem().string();
  spec.executable = "python3";
  spec.args = {"-B", script.string()};  // -B: no __pycache__ in the source tree
  spec.timeout = timeout;
  // Python may take a while to start on a loaded machine; tests of start-up timeouts set their own.
  spec.startup_timeout = std::chrono::milliseconds(10000);
  spec.shutdown_grace = std::chrono::milliseconds(300);
  spec.hie_version = "9.9.9-test";
  return spec;
}

inline double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace hie::plugin::jsonrpc::test_support
