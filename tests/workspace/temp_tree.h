// A temporary directory tree for tests: created under the system temp directory, removed when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace hie::testing {

class TempTree {
 public:
  TempTree() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hie-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed for " << pattern;
    root_ = pattern;
  }
  ~TempTree() {
    // Tests may have removed permissions to provoke errors: restore them so that everything can be removed.
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink()) {
        std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                     ec);
      }
    }
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path path(std::string_view rel) const { return root_ / rel; }

  // Writes `content` to `rel`, creating its parent directories.
  void write(std::string_view rel, std::string_view content) const {
    const auto file = path(rel);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << file;
  }
  void mkdir(std::string_view rel) const { std::filesystem::create_directories(path(rel)); }
  // Backdates `rel` by an hour: the fact cache trusts the stamps of files that old (recent ones are re-hashed, as
  // git does), so a later run in the test reuses their facts without reading them.
  void age(std::string_view rel) const {
    std::filesystem::last_write_time(path(rel),
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  }
  // A symlink at `rel` pointing to `target` (as written).
  void symlink(std::string_view target, std::string_view rel) const {
    std::filesystem::create_directories(path(rel).parent_path());
    std::filesystem::create_symlink(target, path(rel));
  }

 private:
  std::filesystem::path root_;
};

// Permission tests are meaningless for root, who can read everything.
inline bool running_as_root() { return ::geteuid() == 0; }

}  // namespace hie::testing
