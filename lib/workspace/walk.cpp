#include "workspace/walk.h"

#include <fmt/format.h>
#include <dirent.h>
#include <fcntl.h>  // AT_SYMLINK_NOFOLLOW
#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>

#include "workspace/glob.h"
#include "workspace/ignore_rules.h"

namespace hie::workspace {
namespace fs = std::filesystem;
namespace {

std::string join(const std::string& dir, const std::string& name) { return dir.empty() ? name : dir + "/" + name; }

bool never_entered(const std::string& name) { return name == ".git" || name == ".hie-cache"; }

std::optional<std::string> read_text(const fs::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::error_code(errno, std::generic_category()).message();
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    *error = "read error";
    return std::nullopt;
  }
  return text.str();
}

FileStamp stamp_of(const struct stat& info) {
  FileStamp stamp;
  stamp.size = static_cast<std::uint64_t>(info.st_size);
  stamp.mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  stamp.ctime_ns = static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec;
  stamp.inode = static_cast<std::uint64_t>(info.st_ino);
  return stamp;
}

// One directory of the walk: what it holds, and its subdirectories in name order. The tree of nodes is assembled
// depth-first at the end, so the parallel walk reports exactly what a serial one would, in the same order.
struct DirNode {
  std::string rel;
  fs::path abs;
  std::vector<const IgnoreFile*> chain;  // the .gitignore files that apply here, outermost first
  std::unique_ptr<IgnoreFile> ignore_file;  // this directory's own .gitignore (in the chain of its subdirectories)
  std::vector<std::string> errors;
  std::vector<std::string> files;
  std::vector<FileStamp> stamps;
  std::vector<std::unique_ptr<DirNode>> children;
};

class Walker {
 public:
  Walker(const fs::path& root, const WorkspaceOptions& options) : root_(root), options_(options) {
    for (const auto& pattern : options.exclude) {
      std::string error;
      if (auto glob = GlobPattern::compile(pattern, &error)) {
        excludes_.push_back(std::move(*glob));
      } else {
        errors_.push_back(fmt::format("ignoring invalid exclude pattern '{}': {}", pattern, error));
      }
    }
  }

  WalkResult run(unsigned jobs) {
    WalkResult result;
    result.errors = std::move(errors_);
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      result.errors.push_back(fmt::format("workspace root '{}' is not a directory", root_.string()));
      return result;
    }
    DirNode root;
    root.abs = root_;
    if (options_.gitignore) {
      const fs::path exclude_file = root_ / ".git" / "info" / "exclude";
      if (fs::is_regular_file(exclude_file, ec)) {
        info_exclude_ = load_ignore_file(exclude_file, "", ".git/info/exclude", result.errors);
        if (info_exclude_) root.chain.push_back(info_exclude_.get());
      }
    }
    if (jobs <= 1) {
      walk_serial(root);
    } else {
      walk_parallel(root, jobs);
    }
    collect(root, result);
    sort_files(result);
    std::sort(result.directories.begin(), result.directories.end());
    return result;
  }

 private:
  struct Entry {
    std::string name;
    fs::file_type type;
    FileStamp stamp;       // when `stamped`: the type had to be asked for (DT_UNKNOWN), which gave the stamp too
    bool stamped = false;
  };

  std::unique_ptr<IgnoreFile> load_ignore_file(const fs::path& path, const std::string& base,
                                               const std::string& shown, std::vector<std::string>& errors) const {
    std::string error;
    auto text = read_text(path, &error);
    if (!text) {
      errors.push_back(fmt::format("cannot read '{}': {}", shown, error));
      return nullptr;
    }
    return std::make_unique<IgnoreFile>(IgnoreFile::parse(base, *text, shown, &errors));
  }

  bool excluded(const std::string& rel, bool is_directory) const {
    for (const auto& glob : excludes_) {
      if (glob.matches(rel)) return true;
      if (is_directory && glob.matches_everything_under(rel)) return true;
    }
    return false;
  }

  // Reads one directory: records its files and creates (empty) nodes for the subdirectories to walk. Plain
  // readdir: the entry type comes with the name (d_type), so only the regular files that are indexed cost a stat
  // (for their stamp), relative to the open directory so that the kernel does not resolve the whole path again.
  void visit(DirNode& node) const {
    const std::string& rel = node.rel;
    auto cannot_read = [&](int error) {
      node.errors.push_back(
          fmt::format("cannot read directory '{}': {}", rel.empty() ? "." : rel, std::generic_category().message(error)));
    };
    DIR* dir = ::opendir(node.abs.c_str());
    if (dir == nullptr) {
      cannot_read(errno);
      return;
    }
    // Closed on every return: the stats of the indexed files below are relative to it.
    std::unique_ptr<DIR, int (*)(DIR*)> open_dir(dir, ::closedir);
    const int fd = ::dirfd(dir);
    std::vector<Entry> entries;
    while (true) {
      errno = 0;
      const struct dirent* entry = ::readdir(dir);
      if (entry == nullptr) {
        if (errno != 0) cannot_read(errno);
        break;
      }
      std::string_view name(entry->d_name);
      if (name == "." || name == "..") continue;
      Entry found{std::string(name), fs::file_type::unknown, {}, false};
      switch (entry->d_type) {
        case DT_DIR: found.type = fs::file_type::directory; break;
        case DT_REG: found.type = fs::file_type::regular; break;
        case DT_LNK: found.type = fs::file_type::symlink; break;
        case DT_UNKNOWN: break;  // some file systems do not say: ask now
        default: found.type = fs::file_type::none; break;  // sockets, FIFOs, devices: never indexed
      }
      if (found.type == fs::file_type::unknown) {
        struct stat info {};
        if (::fstatat(fd, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
          node.errors.push_back(fmt::format("cannot inspect '{}': {}", join(rel, found.name),
                                            std::generic_category().message(errno)));
          continue;
        }
        found.type = S_ISREG(info.st_mode)   ? fs::file_type::regular
                     : S_ISDIR(info.st_mode) ? fs::file_type::directory
                     : S_ISLNK(info.st_mode) ? fs::file_type::symlink
                                             : fs::file_type::none;
        found.stamp = stamp_of(info);
        found.stamped = true;
      }
      entries.push_back(std::move(found));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });

    std::vector<const IgnoreFile*> chain = node.chain;
    if (options_.gitignore) {
      auto found = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
        return e.name == ".gitignore" && e.type == fs::file_type::regular;
      });
      if (found != entries.end()) {
        node.ignore_file = load_ignore_file(node.abs / ".gitignore", rel, join(rel, ".gitignore"), node.errors);
        if (node.ignore_file && node.ignore_file->size() == 0) node.ignore_file.reset();
        if (node.ignore_file) chain.push_back(node.ignore_file.get());
      }
    }

    for (const Entry& entry : entries) {
      if (never_entered(entry.name) && entry.type == fs::file_type::directory) continue;
      if (entry.name == ".git") continue;
      std::string child = join(rel, entry.name);
      if (entry.type == fs::file_type::directory) {
        if (excluded(child, true) || is_ignored(chain, child, true)) continue;
        auto sub = std::make_unique<DirNode>();
        sub->abs = node.abs / entry.name;
        sub->rel = std::move(child);
        sub->chain = chain;
        node.children.push_back(std::move(sub));
      } else if (entry.type == fs::file_type::regular) {
        if (excluded(child, false) || is_ignored(chain, child, false)) continue;
        FileStamp stamp = entry.stamp;
        if (!entry.stamped) {
          // lstat (relative to the directory): the size and times the fact cache compares.
          struct stat info {};
          if (::fstatat(fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0) {
            if (!S_ISREG(info.st_mode)) continue;  // replaced by something else since the listing
            stamp = stamp_of(info);
          }
          // A file that vanished since the listing keeps an empty stamp (reading it reports the error).
        }
        node.files.push_back(std::move(child));
        node.stamps.push_back(stamp);
      }
      // Symlinks (never followed), sockets, FIFOs and devices are not part of the index.
    }
  }

  void walk_serial(DirNode& node) const {
    visit(node);
    for (auto& child : node.children) walk_serial(*child);
  }

  // A shared queue of directories to read, drained by `jobs` threads (the caller is one of them).
  void walk_parallel(DirNode& root, unsigned jobs) const {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<DirNode*> queue{&root};
    std::size_t busy = 0;
    auto worker = [&] {
      std::unique_lock lock(mutex);
      while (true) {
        wake.wait(lock, [&] { return !queue.empty() || busy == 0; });
        if (queue.empty()) return;  // nothing queued and nobody busy: the walk is complete
        DirNode* node = queue.front();
        queue.pop_front();
        ++busy;
        lock.unlock();
        visit(*node);
        lock.lock();
        --busy;
        // Depth-first-ish: the new subdirectories go to the front, which keeps the queue short.
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) queue.push_front(it->get());
        wake.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (auto& thread : threads) thread.join();
  }

  // Depth-first assembly: a directory's own errors, then its subdirectories' in name order (the serial order).
  static void collect(DirNode& node, WalkResult& result) {
    result.errors.insert(result.errors.end(), std::make_move_iterator(node.errors.begin()),
                         std::make_move_iterator(node.errors.end()));
    for (std::size_t i = 0; i < node.files.size(); ++i) {
      result.files.push_back(std::move(node.files[i]));
      result.stamps.push_back(node.stamps[i]);
    }
    for (auto& child : node.children) {
      result.directories.push_back(child->rel);
      collect(*child, result);
    }
  }

  // Depth-first order is not plain byte order ("a/x" is visited before "a.txt"), so sort files and stamps together.
  static void sort_files(WalkResult& result) {
    std::vector<std::size_t> order(result.files.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return result.files[a] < result.files[b]; });
    std::vector<std::string> files;
    std::vector<FileStamp> stamps;
    std::vector<std::uint64_t> sizes;
    files.reserve(order.size());
    stamps.reserve(order.size());
    sizes.reserve(order.size());
    for (std::size_t index : order) {
      files.push_back(std::move(result.files[index]));
      stamps.push_back(result.stamps[index]);
      sizes.push_back(result.stamps[index].size);
    }
    result.files = std::move(files);
    result.stamps = std::move(stamps);
    result.sizes = std::move(sizes);
  }

  const fs::path root_;
  const WorkspaceOptions& options_;
  std::vector<GlobPattern> excludes_;
  std::vector<std::string> errors_;
  std::unique_ptr<IgnoreFile> info_exclude_;
};

unsigned effective_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace

WalkResult walk_tree(const fs::path& root, const WorkspaceOptions& options) {
  return Walker(root, options).run(effective_jobs(options.jobs));
}

WalkResult walk_tree_serial(const fs::path& root, const WorkspaceOptions& options) {
  return Walker(root, options).run(1);
}

}  // namespace hie::workspace
