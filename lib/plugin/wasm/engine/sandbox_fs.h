// Read-only file access beneath the workspace: paths resolved component by component, `..` and symlinks that leave
// the workspace refused (the fs = "read" capability of WASM plugins).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hie::plugin::wasm::engine {

// A host file descriptor owned by this object (closed on destruction).
class OwnedFd {
 public:
  OwnedFd() = default;
  explicit OwnedFd(int fd) : fd_(fd) {}
  OwnedFd(OwnedFd&& other) noexcept : fd_(other.release()) {}
  OwnedFd& operator=(OwnedFd&& other) noexcept;
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  ~OwnedFd();

  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

struct OpenedPath {
  OwnedFd fd;
  std::vector<std::string> components;  // the path from the root, after resolution (confined mode)
  bool is_directory = false;
};

// Errors are host errno values: EPERM = the path leaves the sandbox (or is absolute while confined), ENOENT, ENOTDIR,
// ELOOP (too many symlinks), EACCES (not a regular file or directory), EIO.
struct OpenResult {
  std::optional<OpenedPath> opened;
  int error = 0;
};

class SandboxRoot {
 public:
  // Opens `root` (a directory). `confined` = workspace_only: without it, absolute paths and `..` above the root are
  // allowed and the kernel follows symlinks.
  static std::optional<SandboxRoot> open(const std::filesystem::path& root, bool confined);

  // Opens `path` relative to the directory `base` (components from the root, as returned by a previous open; empty
  // for the root itself). Only regular files and directories are opened, read-only, close-on-exec.
  OpenResult open_beneath(const std::vector<std::string>& base, std::string_view path) const;

  bool confined() const { return confined_; }
  int root_fd() const { return root_.get(); }

 private:
  OwnedFd root_;
  std::string root_real_;  // canonical path of the root, for absolute symlink targets
  bool confined_ = true;
};

// Reads a whole open file; nullopt on an I/O error. Refuses files larger than `max_bytes` (too_large = true).
std::optional<std::string> read_all(int fd, std::uint64_t max_bytes, bool& too_large);

struct DirEntry {
  std::string name;
  std::uint64_t inode = 0;
  std::uint8_t wasi_type = 0;  // WASI filetype: 3 directory, 4 regular file, 7 symlink, 0 other
};

// The entries of an open directory, sorted by name, without "." and "..". nullopt on an I/O error.
std::optional<std::vector<DirEntry>> list_directory(int fd);

}  // namespace hie::plugin::wasm::engine
