#include "e2e_harness.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace hie::e2e {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

std::vector<std::string> child_environment(const RunOptions& options) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string item = *entry;
    std::string key = item.substr(0, item.find('='));
    if (key == "NO_COLOR") continue;
    bool overridden = false;
    for (const auto& [name, value] : options.env) overridden = overridden || name == key;
    if (!overridden) env.push_back(item);
  }
  for (const auto& [name, value] : options.env) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

// A pseudo-terminal in raw mode (no "\n" -> "\r\n" translation): the master end and the slave's path.
int open_raw_pty(std::string& slave_path, int& slave_fd) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) fail("posix_openpt");
  if (grantpt(master) != 0 || unlockpt(master) != 0) fail("grantpt/unlockpt");
  slave_path = ptsname(master);
  slave_fd = open(slave_path.c_str(), O_RDWR | O_NOCTTY);
  if (slave_fd < 0) fail("open " + slave_path);
  termios mode{};
  if (tcgetattr(slave_fd, &mode) != 0) fail("tcgetattr");
  cfmakeraw(&mode);
  if (tcsetattr(slave_fd, TCSANOW, &mode) != 0) fail("tcsetattr");
  return master;
}

}  // namespace

std::string testdata_dir() { return std::string(HIE_SOURCE_DIR) + "/testdata"; }
std::string specs_dir() { return testdata_dir() + "/specs"; }
std::string workspace_dir(const std::string& name) { return testdata_dir() + "/workspaces/" + name; }

RunResult run_hie_in(const std::string& cwd, std::vector<std::string> args) {
  RunOptions options;
  options.args = std::move(args);
  options.cwd = cwd;
  options.env = {{"HIE_FIXED_DURATION", "1"}};
  return run_hie(options);
}

RunResult run_hie(std::vector<std::string> args) {
  RunOptions options;
  options.args = std::move(args);
  return run_hie(options);
}

RunResult run_hie(const RunOptions& options) {
  std::string cwd = options.cwd.empty() ? specs_dir() : options.cwd;
  std::vector<std::string> argv_strings = {HIE_BINARY};
  argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
  std::vector<std::string> env_strings = child_environment(options);
  std::vector<char*> argv = c_strings(argv_strings);
  std::vector<char*> envp = c_strings(env_strings);

  int out_pipe[2];
  int err_pipe[2] = {-1, -1};
  if (pipe(out_pipe) != 0) fail("pipe");
  if (options.stderr_is_terminal) {
    std::string slave_path;
    err_pipe[0] = open_raw_pty(slave_path, err_pipe[1]);
  } else if (pipe(err_pipe) != 0) {
    fail("pipe");
  }

  pid_t pid = fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0 || dup2(out_pipe[1], STDOUT_FILENO) < 0 ||
        dup2(err_pipe[1], STDERR_FILENO) < 0 || chdir(cwd.c_str()) != 0) {
      _exit(127);
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);

  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  bool timed_out = false;
  while (open_count > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    int ready = poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) fail("poll");
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[65536];
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {  // EOF, or EIO from a pty whose other end was closed
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  if (timed_out) {
    kill(pid, SIGKILL);
    for (auto& fd : fds) {
      if (fd.fd >= 0) close(fd.fd);
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  if (timed_out) ADD_FAILURE() << "hie did not finish within " << options.timeout_seconds << " s";

  result.out = replace_all(result.out, HIE_SOURCE_DIR, "$HIE_SOURCE_DIR");
  result.err = replace_all(result.err, HIE_SOURCE_DIR, "$HIE_SOURCE_DIR");
  return result;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool file_exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) ADD_FAILURE() << "cannot write golden file " << path;
}

}  // namespace

void expect_golden(const std::string& name, const RunResult& result) {
  std::string base = testdata_dir() + "/golden/" + name;
  std::string code = std::to_string(result.exit_code) + "\n";
  const char* update = std::getenv("HIE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_text(base + ".stdout", result.out);
    write_text(base + ".stderr", result.err);
    write_text(base + ".code", code);
    return;
  }
  if (!file_exists(base + ".code")) {
    ADD_FAILURE() << "no golden files for '" << name << "' in testdata/golden/; create them with HIE_UPDATE_GOLDEN=1";
    return;
  }
  EXPECT_EQ(read_text(base + ".code"), code) << "exit code differs from " << base << ".code";
  EXPECT_EQ(read_text(base + ".stdout"), result.out) << "stdout differs from " << base << ".stdout";
  EXPECT_EQ(read_text(base + ".stderr"), result.err) << "stderr differs from " << base << ".stderr";
}

}  // namespace hie::e2e
