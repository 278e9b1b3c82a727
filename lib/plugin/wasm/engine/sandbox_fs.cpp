#include "plugin/wasm/engine/sandbox_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <system_error>

namespace hie::plugin::wasm::engine {
namespace {

constexpr int kMaxSymlinks = 40;
constexpr std::size_t kMaxPathBytes = 4096;

std::deque<std::string> split(std::string_view path) {
  std::deque<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_regular_or_dir(mode_t mode) { return S_ISREG(mode) || S_ISDIR(mode); }

// Kernel resolution for workspace_only = false: the whole file system, symlinks followed.
OpenResult open_unconfined(int root_fd, const std::vector<std::string>& base, std::string_view path) {
  std::string full(path);
  if (full.empty() || full[0] != '/') {
    std::string prefix;
    for (const auto& c : base) prefix += c + "/";
    full = prefix + (full.empty() ? std::string(".") : full);
  }
  struct stat st {};
  if (fstatat(root_fd, full.c_str(), &st, 0) != 0) return {std::nullopt, errno};
  if (!is_regular_or_dir(st.st_mode)) return {std::nullopt, EACCES};
  int fd = openat(root_fd, full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return {std::nullopt, errno};
  OpenedPath opened{OwnedFd(fd), {}, S_ISDIR(st.st_mode)};
  for (auto& c : split(full)) {
    if (!c.empty()) opened.components.push_back(std::move(c));
  }
  return {std::move(opened), 0};
}

}  // namespace

OwnedFd& OwnedFd::operator=(OwnedFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

OwnedFd::~OwnedFd() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<SandboxRoot> SandboxRoot::open(const std::filesystem::path& root, bool confined) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  SandboxRoot sandbox;
  sandbox.root_ = OwnedFd(fd);
  std::error_code ec;
  sandbox.root_real_ = std::filesystem::canonical(root, ec).string();
  if (ec) return std::nullopt;
  sandbox.confined_ = confined;
  return sandbox;
}

OpenResult SandboxRoot::open_beneath(const std::vector<std::string>& base, std::string_view path) const {
  if (path.size() > kMaxPathBytes || path.find('\0') != std::string_view::npos) return {std::nullopt, EINVAL};
  if (!confined_) return open_unconfined(root_.get(), base, path);
  if (!path.empty() && path[0] == '/') return {std::nullopt, EPERM};

  // Walk from the root: `dirs` holds the directories entered (dirs[0] is the root, not owned), `names` their names.
  std::vector<OwnedFd> owned;
  std::vector<std::string> names;
  auto current = [&] { return owned.empty() ? root_.get() : owned.back().get(); };
  std::deque<std::string> pending(base.begin(), base.end());
  for (auto& part : split(path)) pending.push_back(std::move(part));
  int symlinks = 0;

  while (!pending.empty()) {
    std::string part = std::move(pending.front());
    pending.pop_front();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (owned.empty()) return {std::nullopt, EPERM};  // above the workspace root
      owned.pop_back();
      names.pop_back();
      continue;
    }
    struct stat st {};
    if (fstatat(current(), part.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return {std::nullopt, errno};
    if (S_ISLNK(st.st_mode)) {
      if (++symlinks > kMaxSymlinks) return {std::nullopt, ELOOP};
      std::string target(kMaxPathBytes + 1, '\0');
      ssize_t n = readlinkat(current(), part.c_str(), target.data(), target.size());
      if (n < 0) return {std::nullopt, errno};
      if (static_cast<std::size_t>(n) > kMaxPathBytes) return {std::nullopt, ELOOP};
      target.resize(static_cast<std::size_t>(n));
      std::deque<std::string> expanded;
      if (!target.empty() && target[0] == '/') {
        // An absolute target is followed only when it lies under the workspace root; resolution restarts there.
        std::string_view t(target);
        if (t == root_real_) {
          t = "";
        } else if (t.size() > root_real_.size() && t.substr(0, root_real_.size()) == root_real_ &&
                   t[root_real_.size()] == '/') {
          t.remove_prefix(root_real_.size() + 1);
        } else {
          return {std::nullopt, EPERM};
        }
        owned.clear();
        names.clear();
        expanded = split(t);
      } else {
        expanded = split(target);
      }
      pending.insert(pending.begin(), expanded.begin(), expanded.end());
      continue;
    }
    if (!is_regular_or_dir(st.st_mode)) return {std::nullopt, EACCES};
    bool last = std::none_of(pending.begin(), pending.end(), [](const std::string& p) { return !p.empty() && p != "."; });
    bool needs_dir = !last || (!pending.empty());  // "a/" names a directory
    if (needs_dir && !S_ISDIR(st.st_mode)) return {std::nullopt, ENOTDIR};
    int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (S_ISDIR(st.st_mode) ? O_DIRECTORY : 0);
    int fd = openat(current(), part.c_str(), flags);
    if (fd < 0) return {std::nullopt, errno == ELOOP ? EPERM : errno};  // replaced by a symlink since fstatat
    owned.emplace_back(fd);
    names.push_back(std::move(part));
    if (last) break;
  }

  OpenedPath opened;
  if (owned.empty()) {
    int fd = openat(root_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return {std::nullopt, errno};
    opened.fd = OwnedFd(fd);
    opened.is_directory = true;
  } else {
    struct stat st {};
    if (fstat(owned.back().get(), &st) != 0) return {std::nullopt, errno};
    if (!is_regular_or_dir(st.st_mode)) return {std::nullopt, EACCES};
    opened.is_directory = S_ISDIR(st.st_mode);
    opened.fd = std::move(owned.back());
  }
  opened.components = std::move(names);
  return {std::move(opened), 0};
}

std::optional<std::string> read_all(int fd, std::uint64_t max_bytes, bool& too_large) {
  too_large = false;
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    too_large = true;
    return std::nullopt;
  }
  std::string data;
  data.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (true) {
    if (done == data.size()) {
      // The file may have grown since fstat: read on, up to the cap.
      if (data.size() >= max_bytes) {
        char probe;
        ssize_t n = pread(fd, &probe, 1, static_cast<off_t>(done));
        if (n > 0) {
          too_large = true;
          return std::nullopt;
        }
        break;
      }
      data.resize(std::min<std::uint64_t>(max_bytes, data.size() + 65536));
    }
    ssize_t n = pread(fd, data.data() + done, data.size() - done, static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  return data;
}

std::optional<std::vector<DirEntry>> list_directory(int fd) {
  int dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0) return std::nullopt;
  DIR* dir = fdopendir(dup_fd);
  if (dir == nullptr) {
    ::close(dup_fd);
    return std::nullopt;
  }
  rewinddir(dir);
  std::vector<DirEntry> entries;
  errno = 0;
  while (struct dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::uint8_t type = 0;
    switch (e->d_type) {
      case DT_DIR: type = 3; break;
      case DT_REG: type = 4; break;
      case DT_LNK: type = 7; break;
      default: type = 0; break;
    }
    entries.push_back({std::move(name), static_cast<std::uint64_t>(e->d_ino), type});
  }
  bool failed = errno != 0;
  closedir(dir);
  if (failed) return std::nullopt;
  std::sort(entries.begin(), entries.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

}  // namespace hie::plugin::wasm::engine
