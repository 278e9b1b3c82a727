#include "workspace/workspace.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "workspace/utf8.h"
#include "workspace/walk.h"

namespace hie::workspace {
namespace {

// Reads the whole file straight into its string. `expected_size` is the walk's: with one byte more requested, a
// file that has not changed since is read by one read(), whose short count is the end of the file (a regular
// file's read returns less than asked only there); a file that grew meanwhile is read on until its end.
std::shared_ptr<const FileContent> load_file(const std::filesystem::path& path, std::uint64_t expected_size) {
  auto content = std::make_shared<FileContent>();
  auto failed = [&](int error) {
    content->bytes.clear();
    content->bytes.shrink_to_fit();
    content->error = std::error_code(error, std::generic_category()).message();
    return content;
  };
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return failed(errno);
  std::string& bytes = content->bytes;
  std::size_t used = 0;
  bytes.resize(static_cast<std::size_t>(expected_size) + 1);
  while (true) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return failed(error);
    }
    used += static_cast<std::size_t>(got);
    if (got == 0 || used < bytes.size()) break;
  }
  ::close(fd);
  bytes.resize(used);
  content->valid_utf8 = is_valid_utf8(bytes);
  return content;
}

}  // namespace

Workspace Workspace::open(const std::filesystem::path& root, const WorkspaceOptions& options) {
  WalkResult walked = walk_tree(root, options);
  Workspace workspace;
  workspace.root_ = root;
  workspace.files_ = std::move(walked.files);
  workspace.sizes_ = std::move(walked.sizes);
  workspace.stamps_ = std::move(walked.stamps);
  workspace.directories_ = std::move(walked.directories);
  workspace.walk_errors_ = std::move(walked.errors);
  workspace.read_slots_ = std::make_unique<ReadSlot[]>(workspace.files_.size());
  return workspace;
}

std::optional<std::size_t> Workspace::file_index(std::string_view rel) const {
  auto found = std::lower_bound(files_.begin(), files_.end(), rel);
  if (found == files_.end() || *found != rel) return std::nullopt;
  return static_cast<std::size_t>(found - files_.begin());
}

bool Workspace::is_file(std::string_view rel) const { return file_index(rel).has_value(); }

bool Workspace::is_directory(std::string_view rel) const {
  if (rel.empty() || rel == ".") return true;
  return std::binary_search(directories_.begin(), directories_.end(), rel);
}

namespace {

// The paths below `dir` in a sorted list: every path that starts with "dir/" sorts at or after "dir/" and before
// "dir0" ('0' follows '/'), so they form one contiguous range.
std::span<const std::string> paths_under(const std::vector<std::string>& paths, std::string_view dir) {
  if (dir.empty() || dir == ".") return paths;
  const std::string low = std::string(dir) + '/';
  const std::string high = std::string(dir) + '0';
  auto first = std::lower_bound(paths.begin(), paths.end(), low);
  auto last = std::lower_bound(first, paths.end(), high);
  return {first, last};
}

}  // namespace

std::span<const std::string> Workspace::files_under(std::string_view dir) const { return paths_under(files_, dir); }

std::span<const std::string> Workspace::directories_under(std::string_view dir) const {
  return paths_under(directories_, dir);
}

std::optional<std::uint64_t> Workspace::file_size(std::string_view rel) const {
  if (auto index = file_index(rel)) return sizes_[*index];
  return std::nullopt;
}

std::optional<FileStamp> Workspace::file_stamp(std::string_view rel) const {
  if (auto index = file_index(rel)) return stamps_[*index];
  return std::nullopt;
}

std::shared_ptr<const FileContent> Workspace::read(std::string_view rel) const {
  auto index = file_index(rel);
  if (!index) {
    auto missing = std::make_shared<FileContent>();
    missing->error = "not a file in the workspace";
    return missing;
  }
  ReadSlot& slot = read_slots_[*index];
  std::call_once(slot.once, [&] { slot.content = load_file(root_ / files_[*index], sizes_[*index]); });
  return slot.content;
}

std::optional<std::string> Workspace::normalize(std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string normalized;
  for (const auto& part : parts) {
    if (!normalized.empty()) normalized += '/';
    normalized += part;
  }
  return normalized;
}

}  // namespace hie::workspace
