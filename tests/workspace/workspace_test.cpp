#include "workspace/workspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "tests/workspace/temp_tree.h"

namespace hie::workspace {
namespace {

using hie::testing::TempTree;
using Paths = std::vector<std::string>;

Paths as_vector(std::span<const std::string> paths) { return {paths.begin(), paths.end()}; }

Workspace open(const TempTree& tree, WorkspaceOptions options = {}) { return Workspace::open(tree.root(), options); }

TEST(Workspace, ListsRegularFilesSortedByBytes) {
  TempTree tree;
  tree.write("b.txt", "b");
  tree.write("a/x.txt", "x");
  tree.write("a.txt", "a");
  tree.write("a-b/y.txt", "y");
  tree.write("Z.txt", "z");
  tree.mkdir("empty");
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(), (Paths{"Z.txt", "a-b/y.txt", "a.txt", "a/x.txt", "b.txt"}));
  EXPECT_EQ(ws.directories(), (Paths{"a", "a-b", "empty"}));
  EXPECT_TRUE(ws.walk_errors().empty());
  EXPECT_EQ(ws.root(), tree.root());
}

TEST(Workspace, SkipsGitDirectoriesAtAnyDepth) {
  TempTree tree;
  tree.write(".git/config", "x");
  tree.write("sub/.git/HEAD", "x");
  tree.write("sub/.gitmodules", "x");
  tree.write("src/a.py", "x");
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(), (Paths{"src/a.py", "sub/.gitmodules"}));
  EXPECT_EQ(ws.directories(), (Paths{"src", "sub"}));
}

TEST(Workspace, DoesNotFollowOrRecordSymlinks) {
  TempTree tree;
  tree.write("real/a.txt", "a");
  tree.symlink("real", "link_dir");
  tree.symlink("real/a.txt", "link_file");
  tree.symlink("missing", "dangling");
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(), (Paths{"real/a.txt"}));
  EXPECT_EQ(ws.directories(), (Paths{"real"}));
  EXPECT_FALSE(ws.exists("link_file"));
  EXPECT_FALSE(ws.exists("link_dir"));
}

TEST(Workspace, ExcludeGlobsSkipFilesAndWholeDirectories) {
  TempTree tree;
  tree.write("build/out.o", "x");
  tree.write("dist/x/y.js", "x");
  tree.write("web/node_modules/pkg/index.js", "x");
  tree.write("src/a.c", "x");
  tree.write("src/a.tmp", "x");
  const Workspace ws = open(tree, {{"build/**", "dist", "**/node_modules", "**/*.tmp"}, true});
  EXPECT_EQ(ws.files(), (Paths{"src/a.c"}));
  EXPECT_EQ(ws.directories(), (Paths{"src", "web"}));
  EXPECT_TRUE(ws.walk_errors().empty());
}

TEST(Workspace, InvalidExcludePatternsAreReported) {
  TempTree tree;
  tree.write("a.txt", "x");
  const Workspace ws = open(tree, {{"src/**.rs"}, true});
  EXPECT_EQ(ws.files(), (Paths{"a.txt"}));
  ASSERT_EQ(ws.walk_errors().size(), 1u);
  EXPECT_EQ(ws.walk_errors()[0].rfind("ignoring invalid exclude pattern 'src/**.rs': '**' must be", 0), 0u);
}

TEST(Workspace, HonoursGitignoreFiles) {
  TempTree tree;
  tree.write(".gitignore", "*.log\n/out/\n!keep.log\n");
  tree.write("a.log", "x");
  tree.write("keep.log", "x");
  tree.write("out/x.txt", "x");
  tree.write("src/out/y.txt", "x");  // `/out/` is anchored to the root
  tree.write("src/.gitignore", "generated.c\n!b.log\n");
  tree.write("src/generated.c", "x");
  tree.write("src/b.log", "x");
  tree.write("src/c.log", "x");
  tree.write("generated.c", "x");  // src/.gitignore does not apply above src
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(),
            (Paths{".gitignore", "generated.c", "keep.log", "src/.gitignore", "src/b.log", "src/out/y.txt"}));
  EXPECT_EQ(ws.directories(), (Paths{"src", "src/out"}));
}

TEST(Workspace, GitignoreCanBeTurnedOff) {
  TempTree tree;
  tree.write(".gitignore", "*.log\n");
  tree.write("a.log", "x");
  const Workspace ws = open(tree, {{}, false});
  EXPECT_EQ(ws.files(), (Paths{".gitignore", "a.log"}));
}

TEST(Workspace, HonoursGitInfoExclude) {
  TempTree tree;
  tree.write(".git/info/exclude", "secret.txt\n");
  tree.write(".gitignore", "!secret.txt\nother.txt\n");
  tree.write("secret.txt", "x");
  tree.write("sub/secret.txt", "x");
  tree.write("other.txt", "x");
  // The root .gitignore takes precedence over .git/info/exclude.
  EXPECT_EQ(open(tree).files(), (Paths{".gitignore", "secret.txt", "sub/secret.txt"}));
  tree.write(".gitignore", "other.txt\n");
  EXPECT_EQ(open(tree).files(), (Paths{".gitignore"}));
}

TEST(Workspace, InvalidGitignoreLinesAreReported) {
  TempTree tree;
  tree.write("sub/.gitignore", "ok.txt\n[bad\n");
  tree.write("sub/ok.txt", "x");
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(), (Paths{"sub/.gitignore"}));
  ASSERT_EQ(ws.walk_errors().size(), 1u);
  EXPECT_EQ(ws.walk_errors()[0].rfind("sub/.gitignore:2: ignoring invalid pattern '[bad'", 0), 0u);
}

TEST(Workspace, MissingRootIsAWalkError) {
  TempTree tree;
  const Workspace ws = Workspace::open(tree.path("nope"), {});
  EXPECT_TRUE(ws.files().empty());
  ASSERT_EQ(ws.walk_errors().size(), 1u);
  EXPECT_NE(ws.walk_errors()[0].find("is not a directory"), std::string::npos);
}

TEST(Workspace, UnreadableDirectoriesAreWalkErrors) {
  if (hie::testing::running_as_root()) GTEST_SKIP() << "root can read every directory";
  TempTree tree;
  tree.write("locked/a.txt", "x");
  tree.write("open/b.txt", "x");
  std::filesystem::permissions(tree.path("locked"), std::filesystem::perms::none);
  const Workspace ws = open(tree);
  EXPECT_EQ(ws.files(), (Paths{"open/b.txt"}));
  ASSERT_EQ(ws.walk_errors().size(), 1u);
  EXPECT_EQ(ws.walk_errors()[0].rfind("cannot read directory 'locked': ", 0), 0u);
}

TEST(Workspace, QueriesOnTheIndex) {
  TempTree tree;
  tree.write("src/a.py", "12345");
  tree.write("src/sub/b.py", "");
  tree.write("srcx/c.py", "x");
  tree.write("src.txt", "x");
  const Workspace ws = open(tree);
  EXPECT_TRUE(ws.is_file("src/a.py"));
  EXPECT_FALSE(ws.is_file("src"));
  EXPECT_TRUE(ws.is_directory("src"));
  EXPECT_TRUE(ws.is_directory("src/sub"));
  EXPECT_TRUE(ws.is_directory(""));
  EXPECT_TRUE(ws.is_directory("."));
  EXPECT_FALSE(ws.is_directory("src/a.py"));
  EXPECT_TRUE(ws.exists("src/sub"));
  EXPECT_FALSE(ws.exists("nothing"));
  EXPECT_EQ(as_vector(ws.files_under("src")), (Paths{"src/a.py", "src/sub/b.py"}));
  EXPECT_EQ(as_vector(ws.files_under("src/sub")), (Paths{"src/sub/b.py"}));
  EXPECT_EQ(as_vector(ws.files_under("")), ws.files());
  EXPECT_EQ(as_vector(ws.files_under(".")), ws.files());
  EXPECT_TRUE(ws.files_under("nothing").empty());
  EXPECT_EQ(as_vector(ws.directories_under("src")), (Paths{"src/sub"}));
  EXPECT_EQ(as_vector(ws.directories_under("")), (Paths{"src", "src/sub", "srcx"}));
  EXPECT_EQ(ws.file_size("src/a.py"), 5u);
  EXPECT_EQ(ws.file_size("src/sub/b.py"), 0u);
  EXPECT_FALSE(ws.file_size("src").has_value());
}

TEST(Workspace, ReadsEachFileOnce) {
  TempTree tree;
  tree.write("a.txt", "first");
  const Workspace ws = open(tree);
  const auto content = ws.read("a.txt");
  EXPECT_EQ(content->bytes, "first");
  EXPECT_TRUE(content->error.empty());
  EXPECT_TRUE(content->valid_utf8);
  tree.write("a.txt", "second");
  const auto again = ws.read("a.txt");
  EXPECT_EQ(again.get(), content.get());
  EXPECT_EQ(again->bytes, "first");
}

TEST(Workspace, ReadsAFileThatChangedSizeSinceTheWalkWhole) {
  // The walk's size is only where reading starts: a file that grew or shrank since is read to its end.
  TempTree tree;
  tree.write("grows.txt", "12345");
  tree.write("shrinks.txt", std::string(100000, 's'));
  tree.write("empty.txt", "");
  const Workspace ws = open(tree);
  tree.write("grows.txt", std::string(300000, 'g'));
  tree.write("shrinks.txt", "short");
  tree.write("empty.txt", "now something");
  EXPECT_EQ(ws.read("grows.txt")->bytes, std::string(300000, 'g'));
  EXPECT_EQ(ws.read("shrinks.txt")->bytes, "short");
  EXPECT_EQ(ws.read("empty.txt")->bytes, "now something");
}

TEST(Workspace, ReadsConcurrentlyOncePerFile) {
  TempTree tree;
  for (int i = 0; i < 20; ++i) tree.write("f" + std::to_string(i) + ".txt", std::string(1000, 'a' + i % 26));
  const Workspace ws = open(tree);
  std::vector<std::vector<const FileContent*>> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const auto& file : ws.files()) seen[t].push_back(ws.read(file).get());
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]);
  EXPECT_EQ(ws.read("f3.txt")->bytes, std::string(1000, 'd'));
}

TEST(Workspace, ReadReportsProblems) {
  TempTree tree;
  tree.write("binary.bin", std::string("\xFF\xFE\x00\x01", 4));
  tree.write("locked.txt", "secret");
  const Workspace ws = open(tree);
  EXPECT_FALSE(ws.read("binary.bin")->valid_utf8);
  EXPECT_EQ(ws.read("binary.bin")->bytes.size(), 4u);
  EXPECT_EQ(ws.read("missing.txt")->error, "not a file in the workspace");
  if (!hie::testing::running_as_root()) {
    std::filesystem::permissions(tree.path("locked.txt"), std::filesystem::perms::none);
    const auto locked = ws.read("locked.txt");
    EXPECT_EQ(locked->error, "Permission denied");
    EXPECT_TRUE(locked->bytes.empty());
  }
}

TEST(Workspace, NormalizesUserPaths) {
  EXPECT_EQ(Workspace::normalize("./a//b/../c"), "a/c");
  EXPECT_EQ(Workspace::normalize("."), "");
  EXPECT_EQ(Workspace::normalize(""), "");
  EXPECT_EQ(Workspace::normalize("src/"), "src");
  EXPECT_EQ(Workspace::normalize("a/.."), "");
  EXPECT_EQ(Workspace::normalize("a/./b/."), "a/b");
  EXPECT_FALSE(Workspace::normalize("../x").has_value());
  EXPECT_FALSE(Workspace::normalize("a/../../x").has_value());
  EXPECT_FALSE(Workspace::normalize("/etc/passwd").has_value());
}

}  // namespace
}  // namespace hie::workspace
