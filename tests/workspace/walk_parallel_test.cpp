// The parallel walk must report exactly what the serial walk reports: same files, stamps, directories, errors.
#include <gtest/gtest.h>

#include <random>

#include "temp_tree.h"
#include "workspace/walk.h"

namespace hie::workspace {
namespace {

using hie::testing::TempTree;

void expect_same(const WalkResult& a, const WalkResult& b) {
  EXPECT_EQ(a.files, b.files);
  EXPECT_EQ(a.sizes, b.sizes);
  EXPECT_EQ(a.stamps, b.stamps);
  EXPECT_EQ(a.directories, b.directories);
  EXPECT_EQ(a.errors, b.errors);
}

// A generated tree: nested packages, .gitignore files at several depths, excluded and ignored folders, a .git and
// a .hie-cache directory, names that sort differently from depth-first order ("a.txt" vs "a/x").
void generate(const TempTree& tree) {
  std::mt19937 random(7);
  for (int top = 0; top < 6; ++top) {
    const std::string dir = "pkg" + std::to_string(top);
    for (int sub = 0; sub < 5; ++sub) {
      const std::string subdir = dir + "/m" + std::to_string(sub);
      for (int f = 0; f < 8; ++f) {
        tree.write(subdir + "/f" + std::to_string(f) + (random() % 3 == 0 ? ".tmp" : ".py"),
                   std::string(random() % 50, 'x'));
      }
      tree.write(subdir + ".txt", "sibling of a directory");
      if (sub % 2 == 0) tree.write(subdir + "/deep/er/still/x.py", "deep");
    }
    if (top % 2 == 0) tree.write(dir + "/.gitignore", "*.tmp\n!keep.tmp\n# comment\n[z\n");
    tree.write(dir + "/keep.tmp", "kept");
  }
  tree.write(".gitignore", "build/\n*.log\n");
  tree.write("build/out.o", "ignored");
  tree.write("a.log", "ignored");
  tree.write("vendor/lib/x.py", "excluded");
  tree.write(".git/HEAD", "ref");
  tree.write(".git/info/exclude", "secret*\n");
  tree.write("secret.txt", "ignored by info/exclude");
  tree.write(".hie-cache/facts-python.bin", "cache");
  tree.write("a.txt", "a");
  tree.write("a/x", "x");
}

TEST(WalkParallel, SameResultAsSerialOnAGeneratedTree) {
  TempTree tree;
  generate(tree);
  WorkspaceOptions options;
  options.exclude = {"vendor/**", "[bad"};
  const WalkResult serial = walk_tree_serial(tree.root(), options);
  ASSERT_GT(serial.files.size(), 200u);
  EXPECT_FALSE(serial.errors.empty());  // the invalid exclude pattern and the bad .gitignore lines
  for (unsigned jobs : {2u, 3u, 8u}) {
    options.jobs = jobs;
    for (int round = 0; round < 3; ++round) expect_same(walk_tree(tree.root(), options), serial);
  }
}

TEST(WalkParallel, CacheAndGitDirectoriesAreNeverEntered) {
  TempTree tree;
  generate(tree);
  WorkspaceOptions options;
  options.jobs = 2;
  const WalkResult result = walk_tree(tree.root(), options);
  for (const auto& file : result.files) {
    EXPECT_FALSE(file.starts_with(".hie-cache/")) << file;
    EXPECT_FALSE(file.starts_with(".git/")) << file;
  }
}

TEST(WalkParallel, StampsDescribeTheFiles) {
  TempTree tree;
  tree.write("a.py", "12345");
  WorkspaceOptions options;
  options.jobs = 2;
  const WalkResult result = walk_tree(tree.root(), options);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.stamps[0].size, 5u);
  EXPECT_GT(result.stamps[0].mtime_ns, 0);
  EXPECT_NE(result.stamps[0].inode, 0u);
  const auto workspace = Workspace::open(tree.root(), options);
  EXPECT_EQ(workspace.file_stamp("a.py"), result.stamps[0]);
  EXPECT_FALSE(workspace.file_stamp("b.py"));
}

}  // namespace
}  // namespace hie::workspace
