#include "stdlib/common/language_index.h"

#include <gtest/gtest.h>

#include <chrono>

#include "../../workspace/temp_tree.h"
#include "fake_language.h"

namespace hie::stdlib::common {
namespace {

using hie::testing::TempTree;
using testing::FakeFrontend;

// One `hie` run over a tree: a fresh workspace walk, cache and index, as the session builds them.
struct HieRun {
  HieRun(const TempTree& tree, bool cache_enabled, unsigned jobs = 2, bool ignore_type_only = false)
      : workspace(workspace::Workspace::open(tree.root(), {})), cache(tree.root(), cache_enabled) {
    options.workspace = &workspace;
    options.cache = &cache;
    options.jobs = jobs;
    if (ignore_type_only) options.languages["fake"].ignore_type_only = true;
    index = std::make_shared<LanguageIndex>(frontend, options);
  }
  int extract_all() {
    index->all_edges();
    cache.save();
    return frontend->extractions.load();
  }

  std::shared_ptr<FakeFrontend> frontend = std::make_shared<FakeFrontend>();
  workspace::Workspace workspace;
  graph::FactCache cache;
  StdlibOptions options;
  std::shared_ptr<LanguageIndex> index;
};

void write_project(const TempTree& tree) {
  tree.write("app/main.fk", "import app.util\nimport os\ntype app.types\nimport app.main\n");
  tree.write("app/util.fk", "def helper\nimport app.types\n");
  tree.write("app/types.fk", "class Thing\nbad\n");
  tree.write("README.md", "import app.util\n");
  for (auto rel : {"app/main.fk", "app/util.fk", "app/types.fk"}) tree.age(rel);
}

std::string edges_text(const std::vector<graph::DependencyEdge>& edges) {
  std::string out;
  for (const auto& e : edges) {
    out += e.from + ":" + std::to_string(e.line) + " -> " + (e.to ? e.to->str() : "<" + e.module + ">") +
           (e.type_only ? " (type)" : "") + "\n";
  }
  return out;
}

TEST(LanguageIndex, FilesFactsAndEdges) {
  TempTree tree;
  write_project(tree);
  HieRun run(tree, false);
  EXPECT_EQ(run.index->files(), (std::vector<std::string>{"app/main.fk", "app/types.fk", "app/util.fk"}));
  EXPECT_TRUE(run.index->handles("app/main.fk"));
  EXPECT_FALSE(run.index->handles("README.md"));
  EXPECT_FALSE(run.index->handles("app/missing.fk"));
  ASSERT_NE(run.index->facts("app/util.fk"), nullptr);
  EXPECT_EQ(run.index->facts("app/util.fk")->symbols.at(0).name, "helper");
  EXPECT_EQ(run.index->facts("README.md"), nullptr);
  // The self import (line 4) is dropped; `from` and `language` are filled by the index.
  EXPECT_EQ(edges_text(run.index->all_edges()),
            "app/main.fk:1 -> app/util.fk\n"
            "app/main.fk:2 -> <os>\n"
            "app/main.fk:3 -> app/types.fk (type)\n"
            "app/util.fk:2 -> app/types.fk\n");
  EXPECT_EQ(run.index->edges("app/main.fk").at(0).language, "fake");
  EXPECT_EQ(run.index->edges_from("app/util.fk").size(), 1u);
  EXPECT_TRUE(run.index->edges("README.md").empty());
}

TEST(LanguageIndex, TypeOnlyEdgesDroppedWhenConfigured) {
  TempTree tree;
  write_project(tree);
  HieRun run(tree, false, 2, true);
  EXPECT_EQ(edges_text(run.index->all_edges()),
            "app/main.fk:1 -> app/util.fk\n"
            "app/main.fk:2 -> <os>\n"
            "app/util.fk:2 -> app/types.fk\n");
}

TEST(LanguageIndex, SameResultWhateverTheJobCount) {
  TempTree tree;
  for (int i = 0; i < 200; ++i) {
    tree.write("m" + std::to_string(i) + ".fk",
               "import m" + std::to_string((i * 7) % 200) + "\nimport m" + std::to_string((i * 13) % 200) + "\n");
  }
  HieRun one(tree, false, 1);
  HieRun many(tree, false, 4);
  EXPECT_EQ(edges_text(one.index->all_edges()), edges_text(many.index->all_edges()));
}

TEST(LanguageIndex, WarningsNameTheFileOnceAndSurviveTheCache) {
  TempTree tree;
  write_project(tree);
  tree.write("bin.fk", std::string("import x\n\xff\xfe\n", 12));
  tree.age("bin.fk");
  const std::vector<std::string> expected = {"app/types.fk: bad line 2", "bin.fk: not valid UTF-8"};
  {
    HieRun run(tree, true);
    EXPECT_TRUE(run.index->warnings().empty()) << "nothing read yet, nothing to warn about";
    run.extract_all();
    EXPECT_EQ(run.index->warnings(), expected);
  }
  HieRun warm(tree, true);
  EXPECT_EQ(warm.extract_all(), 0);
  EXPECT_EQ(warm.index->warnings(), expected);
}

TEST(LanguageIndex, UnreadableFileIsAWarningNotACrash) {
  if (hie::testing::running_as_root()) GTEST_SKIP() << "root reads everything";
  TempTree tree;
  write_project(tree);
  tree.write("locked.fk", "import app.util\n");
  std::filesystem::permissions(tree.path("locked.fk"), std::filesystem::perms::none);
  HieRun run(tree, true);
  run.extract_all();
  ASSERT_FALSE(run.index->warnings().empty());
  EXPECT_TRUE(run.index->warnings().back().starts_with("locked.fk: cannot read: ")) << run.index->warnings().back();
  EXPECT_TRUE(run.index->edges("locked.fk").empty());
}

TEST(LanguageIndexCache, WarmRunExtractsNothing) {
  TempTree tree;
  write_project(tree);
  EXPECT_EQ(HieRun(tree, true).extract_all(), 3);
  HieRun warm(tree, true);
  EXPECT_EQ(warm.extract_all(), 0);
  EXPECT_EQ(warm.cache.stats().stamp_hits, 3u);
  EXPECT_EQ(edges_text(warm.index->all_edges()), edges_text(HieRun(tree, false).index->all_edges()));
}

TEST(LanguageIndexCache, EditedFileIsExtractedAgain) {
  TempTree tree;
  write_project(tree);
  HieRun(tree, true).extract_all();
  tree.write("app/util.fk", "def helper\nimport os\n");
  HieRun after(tree, true);
  EXPECT_EQ(after.extract_all(), 1);
  EXPECT_EQ(edges_text(after.index->edges("app/util.fk")), "app/util.fk:2 -> <os>\n");
}

TEST(LanguageIndexCache, SameSizeEditWithRestoredMtimeIsCaught) {
  TempTree tree;
  write_project(tree);
  HieRun(tree, true).extract_all();
  // A same-size edit whose mtime is then set back: only the stamp's ctime differs, which is enough to re-read.
  const auto old_time = std::filesystem::last_write_time(tree.path("app/util.fk"));
  tree.write("app/util.fk", "def helpez\nimport app.types\n");
  std::filesystem::last_write_time(tree.path("app/util.fk"), old_time);
  HieRun after(tree, true);
  after.extract_all();
  EXPECT_EQ(after.index->facts("app/util.fk")->symbols.at(0).name, "helpez");
}

TEST(LanguageIndexCache, RenamedFileReusesItsFactsAndNewEdges) {
  TempTree tree;
  write_project(tree);
  HieRun(tree, true).extract_all();
  std::filesystem::rename(tree.path("app/util.fk"), tree.path("app/tools.fk"));
  HieRun after(tree, true);
  EXPECT_EQ(after.extract_all(), 0) << "same content: facts come from the cache";
  EXPECT_EQ(after.cache.stats().content_hits, 1u);
  // main.fk still imports app.util, which no longer exists: now external.
  EXPECT_EQ(edges_text(after.index->edges("app/main.fk")),
            "app/main.fk:1 -> <app.util>\napp/main.fk:2 -> <os>\napp/main.fk:3 -> app/types.fk (type)\n");
  EXPECT_EQ(after.cache.store("fake", 1).find("app/util.fk"), nullptr) << "the old path is forgotten";
}

TEST(LanguageIndexCache, DeletedFileIsDroppedFromTheCache) {
  TempTree tree;
  write_project(tree);
  HieRun(tree, true).extract_all();
  std::filesystem::remove(tree.path("app/types.fk"));
  {
    HieRun after(tree, true);
    EXPECT_EQ(after.extract_all(), 0);
    EXPECT_EQ(edges_text(after.index->edges("app/util.fk")), "app/util.fk:2 -> <app.types>\n");
  }
  graph::FactCache reloaded(tree.root(), true);
  EXPECT_EQ(reloaded.store("fake", 1).files().size(), 2u);
}

TEST(LanguageIndexCache, CorruptedCacheIsRebuilt) {
  TempTree tree;
  write_project(tree);
  HieRun(tree, true).extract_all();
  std::string bytes;
  {
    std::ifstream in(tree.path(".hie-cache/facts-fake.bin"), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() / 2] ^= 0x5a;
  tree.write(".hie-cache/facts-fake.bin", bytes);
  {
    HieRun damaged(tree, true);
    EXPECT_EQ(damaged.extract_all(), 3) << "nothing from a damaged cache is trusted";
    ASSERT_EQ(damaged.cache.notes().size(), 1u);
  }
  HieRun healed(tree, true);
  EXPECT_EQ(healed.extract_all(), 0);
  EXPECT_TRUE(healed.cache.notes().empty());
}

TEST(LanguageIndexCache, NoCacheReadsAndWritesNothing) {
  TempTree tree;
  write_project(tree);
  EXPECT_EQ(HieRun(tree, false).extract_all(), 3);
  EXPECT_FALSE(std::filesystem::exists(tree.path(".hie-cache")));
  HieRun(tree, true).extract_all();
  EXPECT_EQ(HieRun(tree, false).extract_all(), 3) << "--no-cache does not read the cache either";
}

TEST(LanguageIndexCache, ConcurrentRunsOnOneWorkspace) {
  TempTree tree;
  for (int i = 0; i < 100; ++i) {
    tree.write("m" + std::to_string(i) + ".fk", "import m" + std::to_string((i + 1) % 100) + "\n");
    tree.age("m" + std::to_string(i) + ".fk");
  }
  const std::string expected = edges_text(HieRun(tree, false).index->all_edges());
  std::vector<std::thread> runs;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    runs.emplace_back([&] {
      for (int round = 0; round < 5; ++round) {
        HieRun run(tree, true, 1);
        if (edges_text(run.index->all_edges()) != expected) ++mismatches;
        run.cache.save();
        if (!run.cache.notes().empty()) ++mismatches;
      }
    });
  }
  for (auto& run : runs) run.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace hie::stdlib::common
