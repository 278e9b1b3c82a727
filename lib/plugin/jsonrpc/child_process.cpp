#include "plugin/jsonrpc/child_process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

extern char** environ;

namespace hie::plugin::jsonrpc {
namespace {

void ignore_sigpipe_once() {
  static std::once_flag once;
  std::call_once(once, [] { ::signal(SIGPIPE, SIG_IGN); });
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

struct Pipe {
  int read = -1;
  int write = -1;
  ~Pipe() {
    close_fd(read);
    close_fd(write);
  }
};

bool make_pipe(Pipe& p, std::string& error) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    error = fmt::format("cannot create a pipe: {}", std::strerror(errno));
    return false;
  }
  p.read = fds[0];
  p.write = fds[1];
  return true;
}

std::vector<std::string> build_environment(const SpawnSpec& spec) {
  std::vector<std::string> out;
  if (spec.inherit_env) {
    for (char** e = environ; e && *e; ++e) {
      std::string_view entry(*e);
      std::string_view key = entry.substr(0, entry.find('='));
      if (spec.env.find(std::string(key)) == spec.env.end()) out.emplace_back(entry);
    }
  }
  for (const auto& [key, value] : spec.env) out.push_back(key + "=" + value);
  return out;
}

// posix_spawn attributes and file actions, destroyed on every path.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  bool attr_ok = false;
  bool actions_ok = false;
  ~SpawnSetup() {
    if (attr_ok) posix_spawnattr_destroy(&attr);
    if (actions_ok) posix_spawn_file_actions_destroy(&actions);
  }
};

}  // namespace

std::unique_ptr<ChildProcess> ChildProcess::spawn(const SpawnSpec& spec, std::string& error) {
  ignore_sigpipe_once();
  if (spec.executable.empty()) {
    error = "no executable configured";
    return nullptr;
  }
  Pipe in, out, err;
  if (!make_pipe(in, error) || !make_pipe(out, error) || !make_pipe(err, error)) return nullptr;

  SpawnSetup setup;
  int rc = posix_spawnattr_init(&setup.attr);
  setup.attr_ok = rc == 0;
  if (rc == 0) {
    rc = posix_spawn_file_actions_init(&setup.actions);
    setup.actions_ok = rc == 0;
  }
  // A new process group (so the plugin and anything it starts can be killed together), the default SIGPIPE
  // disposition and an empty signal mask (hie's threads may block signals; the plugin must not inherit that).
  sigset_t defaults;
  sigset_t empty;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigemptyset(&empty);
  if (rc == 0)
    rc = posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  if (rc == 0) rc = posix_spawnattr_setpgroup(&setup.attr, 0);
  if (rc == 0) rc = posix_spawnattr_setsigdefault(&setup.attr, &defaults);
  if (rc == 0) rc = posix_spawnattr_setsigmask(&setup.attr, &empty);
  // dup2 clears close-on-exec on the copies; every other descriptor of hie stays closed in the child.
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&setup.actions, in.read, STDIN_FILENO);
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&setup.actions, out.write, STDOUT_FILENO);
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&setup.actions, err.write, STDERR_FILENO);
  if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3);
  if (rc == 0 && !spec.working_dir.empty()) {
    rc = posix_spawn_file_actions_addchdir_np(&setup.actions, spec.working_dir.c_str());
  }
  if (rc != 0) {
    error = fmt::format("cannot prepare the process: {}", std::strerror(rc));
    return nullptr;
  }

  std::vector<std::string> argv_storage;
  argv_storage.push_back(spec.executable);
  argv_storage.insert(argv_storage.end(), spec.args.begin(), spec.args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage = build_environment(spec);
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = -1;
  rc = posix_spawnp(&pid, spec.executable.c_str(), &setup.actions, &setup.attr, argv.data(), envp.data());
  if (rc != 0) {
    error = fmt::format("cannot run '{}': {}", spec.executable, std::strerror(rc));
    if (rc == ENOENT && !spec.working_dir.empty()) {
      error += fmt::format(" (working directory '{}')", spec.working_dir.string());
    }
    return nullptr;
  }

  std::unique_ptr<ChildProcess> child(new ChildProcess());
  child->pid_ = pid;
  child->stdin_fd_ = std::exchange(in.write, -1);
  child->stdout_fd_ = std::exchange(out.read, -1);
  child->stderr_fd_ = std::exchange(err.read, -1);
  return child;  // the child's ends are closed by ~Pipe
}

ChildProcess::~ChildProcess() {
  kill_and_reap();
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
}

void ChildProcess::close_stdin() { close_fd(stdin_fd_); }

bool ChildProcess::has_exited() {
  if (exited_ || reaped_) return true;
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    // ECHILD: someone set SIGCHLD to SIG_IGN and the kernel reaped it already.
    exited_ = reaped_ = true;
    return true;
  }
  if (info.si_pid == pid_) exited_ = true;
  return exited_;
}

bool ChildProcess::wait_for_exit(std::chrono::steady_clock::time_point deadline) {
  while (!has_exited()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void ChildProcess::kill_and_reap() {
  if (reaped_ || pid_ <= 0) return;
  if (!has_exited()) killed_by_us_ = true;
  // While the leader is not reaped its pid names the group, so this cannot hit an unrelated process.
  if (::kill(-pid_, SIGKILL) != 0) ::kill(pid_, SIGKILL);
  int status = 0;
  pid_t rc;
  do {
    rc = ::waitpid(pid_, &status, 0);
  } while (rc < 0 && errno == EINTR);
  if (rc == pid_) wait_status_ = status;
  reaped_ = exited_ = true;
}

std::string ChildProcess::exit_description() const {
  if (!wait_status_) return reaped_ ? "exited" : "";
  int status = *wait_status_;
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* name = ::sigdescr_np(sig);  // thread-safe, unlike strsignal
    return fmt::format("killed by signal {} ({})", sig, name ? name : "unknown");
  }
  return "stopped";
}

}  // namespace hie::plugin::jsonrpc
