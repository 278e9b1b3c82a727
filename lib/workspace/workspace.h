// The workspace index: the tree walked once per run, every file path normalized and sorted, contents read once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hie::workspace {

struct WorkspaceOptions {
  std::vector<std::string> exclude;  // glob patterns relative to the root (`build/**`); `.git/` is always skipped
  bool gitignore = true;             // honour .gitignore files
  unsigned jobs = 0;                 // threads for the walk; 0 = one per core
};

// What the walk's lstat says about a file: lets the fact cache trust earlier facts without reading the file.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;

  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The contents of one file, read at most once per run.
struct FileContent {
  std::string bytes;
  std::string error;       // non-empty when the file could not be read (then bytes is empty)
  bool valid_utf8 = true;  // false when `bytes` is not well-formed UTF-8 (checked once, when read)
};

class Workspace {
 public:
  // Walks `root` once. Never throws; unreadable directories are recorded in walk_errors().
  static Workspace open(const std::filesystem::path& root, const WorkspaceOptions& options);

  const std::filesystem::path& root() const { return root_; }

  // Every regular file (not following symlinks; `.git/` and `.hie-cache/` skipped), workspace-relative, '/'-separated, sorted, unique.
  const std::vector<std::string>& files() const { return files_; }
  // Every directory below the root ("" is the root itself and is not listed), sorted.
  const std::vector<std::string>& directories() const { return directories_; }

  bool is_file(std::string_view rel) const;
  bool is_directory(std::string_view rel) const;  // "" and "." are the root
  bool exists(std::string_view rel) const { return is_file(rel) || is_directory(rel); }
  // The files below directory `dir` (recursively), as a contiguous range of files(). "" or "." = all files.
  std::span<const std::string> files_under(std::string_view dir) const;
  // The directories below `dir` (recursively), as a contiguous range of directories(). "" or "." = all.
  std::span<const std::string> directories_under(std::string_view dir) const;
  std::optional<std::uint64_t> file_size(std::string_view rel) const;
  // The file's stat stamp from the walk, or nullopt when `rel` is not a file of the index.
  std::optional<FileStamp> file_stamp(std::string_view rel) const;

  // Thread-safe; each file's bytes are read from disk at most once per run.
  std::shared_ptr<const FileContent> read(std::string_view rel) const;

  // Normalizes a user-written relative path: `./a//b/../c` -> `a/c`; "." -> "". Returns nullopt for paths that
  // leave the workspace (`../x`) or are absolute.
  static std::optional<std::string> normalize(std::string_view path);

  // Problems met while walking (unreadable directories, invalid .gitignore lines, invalid exclude patterns),
  // in walk order, for callers to report as warnings.
  const std::vector<std::string>& walk_errors() const { return walk_errors_; }

 private:
  // One file's read-once slot: read() fills `content` under `once`, so concurrent readers of different files never
  // wait for each other and a file is read at most once.
  struct ReadSlot {
    std::once_flag once;
    std::shared_ptr<const FileContent> content;
  };

  // Position of `rel` in files_, or nullopt.
  std::optional<std::size_t> file_index(std::string_view rel) const;

  std::filesystem::path root_;
  std::vector<std::string> files_;
  std::vector<std::uint64_t> sizes_;  // parallel to files_
  std::vector<FileStamp> stamps_;     // parallel to files_
  std::vector<std::string> directories_;
  std::vector<std::string> walk_errors_;
  std::unique_ptr<ReadSlot[]> read_slots_;  // parallel to files_; mutable through the pointer
};

}  // namespace hie::workspace
