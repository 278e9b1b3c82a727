// A plugin child process: its own process group, piped stdin/stdout/stderr (close-on-exec), always reaped.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hie::plugin::jsonrpc {

struct SpawnSpec {
  std::string executable;  // a path (used as is, relative to working_dir) or a bare name looked up in PATH
  std::vector<std::string> args;
  std::filesystem::path working_dir;       // empty: inherit hie's
  bool inherit_env = true;                 // start from hie's environment
  std::map<std::string, std::string> env;  // set on top of it (or the whole environment when not inherited)
};

class ChildProcess {
 public:
  // Starts `spec`. On failure returns null and sets `error` to the reason; nothing is left behind.
  // The first call also sets SIGPIPE to "ignored" in hie (once per process; the only global change): writes to
  // a dead plugin then fail with EPIPE instead of killing hie. The child gets the default SIGPIPE back.
  static std::unique_ptr<ChildProcess> spawn(const SpawnSpec& spec, std::string& error);

  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();  // kill_and_reap()

  pid_t pid() const { return pid_; }
  int stdin_fd() const { return stdin_fd_; }  // -1 once closed
  int stdout_fd() const { return stdout_fd_; }
  int stderr_fd() const { return stderr_fd_; }

  void close_stdin();

  // True once the process has exited. Does not reap it, so its pid (and group id) cannot be reused meanwhile.
  bool has_exited();
  // Polls has_exited() until `deadline`.
  bool wait_for_exit(std::chrono::steady_clock::time_point deadline);

  // Sends SIGKILL to the whole process group (helpers the plugin started die too), then reaps the process.
  // Idempotent; after it the pid is gone.
  void kill_and_reap();
  bool reaped() const { return reaped_; }

  // "exited with status 3", "killed by signal 11 (Segmentation fault)"; empty before the process was reaped.
  std::string exit_description() const;
  // True when the process was reaped after exiting by itself (not by our SIGKILL).
  bool exited_by_itself() const { return reaped_ && !killed_by_us_; }

 private:
  ChildProcess() = default;

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  bool exited_ = false;
  bool reaped_ = false;
  bool killed_by_us_ = false;
  std::optional<int> wait_status_;
};

}  // namespace hie::plugin::jsonrpc
