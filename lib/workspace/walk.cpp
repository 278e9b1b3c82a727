#include "workspace/walk.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <numeric>
#include <optional>
#include <sstream>
#include <system_error>

#include "workspace/glob.h"
#include "workspace/ignore_rules.h"

namespace hie::workspace {
namespace fs = std::filesystem;
namespace {

std::string join(const std::string& dir, const std::string& name) { return dir.empty() ? name : dir + "/" + name; }

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

class Walker {
 public:
  Walker(const fs::path& root, const WorkspaceOptions& options) : root_(root), options_(options) {
    for (const auto& pattern : options.exclude) {
      std::string error;
      if (auto glob = GlobPattern::compile(pattern, &error)) {
        excludes_.push_back(std::move(*glob));
      } else {
        result_.errors.push_back(fmt::format("ignoring invalid exclude pattern '{}': {}", pattern, error));
      }
    }
  }

  WalkResult run() {
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      result_.errors.push_back(fmt::format("workspace root '{}' is not a directory", root_.string()));
      return std::move(result_);
    }
    std::unique_ptr<IgnoreFile> info_exclude;
    if (options_.gitignore) {
      const fs::path exclude_file = root_ / ".git" / "info" / "exclude";
      if (fs::is_regular_file(exclude_file, ec)) {
        info_exclude = load_ignore_file(exclude_file, "", ".git/info/exclude");
        if (info_exclude) chain_.push_back(info_exclude.get());
      }
    }
    walk_directory("", root_);
    sort_files();
    std::sort(result_.directories.begin(), result_.directories.end());
    return std::move(result_);
  }

 private:
  struct Entry {
    std::string name;
    fs::file_type type;
    std::uint64_t size;
  };

  std::unique_ptr<IgnoreFile> load_ignore_file(const fs::path& path, const std::string& base,
                                               const std::string& shown) {
    std::string error;
    auto text = read_text(path, &error);
    if (!text) {
      result_.errors.push_back(fmt::format("cannot read '{}': {}", shown, error));
      return nullptr;
    }
    return std::make_unique<IgnoreFile>(IgnoreFile::parse(base, *text, shown, &result_.errors));
  }

  bool excluded(const std::string& rel, bool is_directory) const {
    for (const auto& glob : excludes_) {
      if (glob.matches(rel)) return true;
      if (is_directory && glob.matches_everything_under(rel)) return true;
    }
    return false;
  }

  void walk_directory(const std::string& rel, const fs::path& abs) {
    std::vector<Entry> entries;
    std::error_code ec;
    fs::directory_iterator it(abs, ec);
    if (ec) {
      result_.errors.push_back(fmt::format("cannot read directory '{}': {}", rel.empty() ? "." : rel, ec.message()));
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      std::error_code status_ec;
      const fs::file_status status = entry.symlink_status(status_ec);
      const std::string name = entry.path().filename().string();
      if (status_ec) {
        result_.errors.push_back(fmt::format("cannot inspect '{}': {}", join(rel, name), status_ec.message()));
        continue;
      }
      std::uint64_t size = 0;
      if (status.type() == fs::file_type::regular) {
        std::error_code size_ec;
        size = entry.file_size(size_ec);
        if (size_ec) size = 0;
      }
      entries.push_back({name, status.type(), size});
    }
    if (ec) {
      result_.errors.push_back(fmt::format("cannot read directory '{}': {}", rel.empty() ? "." : rel, ec.message()));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });

    std::unique_ptr<IgnoreFile> ignore_file;
    if (options_.gitignore) {
      auto found = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
        return e.name == ".gitignore" && e.type == fs::file_type::regular;
      });
      if (found != entries.end()) {
        ignore_file = load_ignore_file(abs / ".gitignore", rel, join(rel, ".gitignore"));
        if (ignore_file && ignore_file->size() == 0) ignore_file.reset();
        if (ignore_file) chain_.push_back(ignore_file.get());
      }
    }

    for (const Entry& entry : entries) {
      if (entry.name == ".git") continue;
      const std::string child = join(rel, entry.name);
      if (entry.type == fs::file_type::directory) {
        if (excluded(child, true) || is_ignored(chain_, child, true)) continue;
        result_.directories.push_back(child);
        walk_directory(child, abs / entry.name);
      } else if (entry.type == fs::file_type::regular) {
        if (excluded(child, false) || is_ignored(chain_, child, false)) continue;
        result_.files.push_back(child);
        result_.sizes.push_back(entry.size);
      }
      // Symlinks (never followed), sockets, FIFOs and devices are not part of the index.
    }
    if (ignore_file) chain_.pop_back();
  }

  // Depth-first order is not plain byte order ("a/x" is visited before "a.txt"), so sort files and sizes together.
  void sort_files() {
    std::vector<std::size_t> order(result_.files.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return result_.files[a] < result_.files[b]; });
    std::vector<std::string> files;
    std::vector<std::uint64_t> sizes;
    files.reserve(order.size());
    sizes.reserve(order.size());
    for (std::size_t index : order) {
      files.push_back(std::move(result_.files[index]));
      sizes.push_back(result_.sizes[index]);
    }
    result_.files = std::move(files);
    result_.sizes = std::move(sizes);
  }

  const fs::path root_;
  const WorkspaceOptions& options_;
  std::vector<GlobPattern> excludes_;
  std::vector<const IgnoreFile*> chain_;
  WalkResult result_;
};

}  // namespace

WalkResult walk_tree(const fs::path& root, const WorkspaceOptions& options) { return Walker(root, options).run(); }

}  // namespace hie::workspace
