// The resolved edges in the fact cache: a warm run with nothing changed resolves nothing, and any change to a
// file, the file list or the resolution inputs resolves everything again (never stale edges).
#include <gtest/gtest.h>

#include <chrono>

#include "../../workspace/temp_tree.h"
#include "fake_language.h"
#include "stdlib/common/language_index.h"
#include "stdlib/python/python_frontend.h"

namespace hie::stdlib::common {
namespace {

using hie::testing::TempTree;

// The fake language, with its edges cacheable: the fake resolver looks at every workspace file, so that list is
// the resolution input. Counts how often resolution was prepared.
class CachingFrontend final : public LanguageFrontend {
 public:
  mutable std::atomic<int> prepared{0};

  std::string_view language() const override { return fake_.language(); }
  bool handles(std::string_view path) const override { return fake_.handles(path); }
  std::uint32_t extractor_version() const override { return fake_.extractor_version(); }
  graph::FileFacts extract(std::string_view text) const override { return fake_.extract(text); }
  std::unique_ptr<Resolver> prepare(const LanguageIndex& index) const override {
    ++prepared;
    return fake_.prepare(index);
  }
  std::optional<std::string> resolution_inputs(const LanguageIndex& index) const override {
    std::string inputs;
    for (const auto& file : index.workspace().files()) inputs += file + '\0';
    return inputs;
  }
  std::vector<std::string> symbol_kinds() const override { return fake_.symbol_kinds(); }
  std::string_view module_separator() const override { return fake_.module_separator(); }

 private:
  testing::FakeFrontend fake_;
};

// One `hie` run: a fresh walk, cache and index; edges of every file, then the cache is saved.
struct HieRun {
  HieRun(const TempTree& tree, std::shared_ptr<const LanguageFrontend> frontend, bool cache_enabled = true,
      std::vector<std::string> python_roots = {})
      : workspace(workspace::Workspace::open(tree.root(), {})), cache(tree.root(), cache_enabled) {
    options.workspace = &workspace;
    options.cache = &cache;
    options.jobs = 2;
    if (!python_roots.empty()) options.languages["python"].roots = std::move(python_roots);
    index = std::make_shared<LanguageIndex>(std::move(frontend), options);
    for (const auto& edge : index->all_edges()) {
      text += edge.from + ":" + std::to_string(edge.line) + " -> " +
              (edge.to ? edge.to->str() : "<" + edge.module + ">") + " " + edge.kind + " " + edge.language +
              (edge.type_only ? " (type)" : "") + "\n";
    }
    cache.save();
  }

  workspace::Workspace workspace;
  graph::FactCache cache;
  StdlibOptions options;
  std::shared_ptr<LanguageIndex> index;
  std::string text;  // every edge, one per line
};

void write_fake_project(const TempTree& tree) {
  tree.write("app/main.fk", "import app.util\nimport os\ntype app.types\nimport app.extra\n");
  tree.write("app/util.fk", "def helper\nimport app.types\n");
  tree.write("app/types.fk", "class Thing\n");
  for (auto rel : {"app/main.fk", "app/util.fk", "app/types.fk"}) tree.age(rel);
}

// What a run without any cache computes: the edges every cached run must reproduce.
std::string uncached(const TempTree& tree) { return HieRun(tree, std::make_shared<CachingFrontend>(), false).text; }

TEST(EdgeCache, WarmRunResolvesNothingAndGivesTheSameEdges) {
  TempTree tree;
  write_fake_project(tree);
  auto cold_frontend = std::make_shared<CachingFrontend>();
  const std::string cold = HieRun(tree, cold_frontend).text;
  EXPECT_EQ(cold_frontend->prepared.load(), 1);
  auto warm_frontend = std::make_shared<CachingFrontend>();
  HieRun warm(tree, warm_frontend);
  EXPECT_EQ(warm_frontend->prepared.load(), 0) << "edges come from the cache";
  EXPECT_EQ(warm.text, cold);
  EXPECT_EQ(warm.text, uncached(tree));
  EXPECT_EQ(warm.index->edges("app/main.fk").at(0).from, "app/main.fk");
}

TEST(EdgeCache, EditRenameAndNewFileEachResolveAgain) {
  TempTree tree;
  write_fake_project(tree);
  HieRun(tree, std::make_shared<CachingFrontend>());
  auto expect_resolved = [&](const std::string& what) {
    auto frontend = std::make_shared<CachingFrontend>();
    HieRun run(tree, frontend);
    EXPECT_EQ(frontend->prepared.load(), 1) << what;
    EXPECT_EQ(run.text, uncached(tree)) << what;
    auto again = std::make_shared<CachingFrontend>();
    EXPECT_EQ(HieRun(tree, again).text, run.text) << what << ", then warm";
    EXPECT_EQ(again->prepared.load(), 0) << what << ", then warm";
  };
  tree.write("app/util.fk", "def helper\nimport os\nimport app.main\n");  // an edit
  expect_resolved("edit");
  std::filesystem::rename(tree.path("app/types.fk"), tree.path("app/kinds.fk"));  // same content, new path
  expect_resolved("rename");
  EXPECT_NE(uncached(tree).find("app/main.fk:3 -> <app.types>"), std::string::npos);
  tree.write("app/extra.fk", "class Extra\n");  // main.fk's external import now resolves to it
  expect_resolved("new file");
  EXPECT_NE(uncached(tree).find("app/main.fk:4 -> app/extra.fk"), std::string::npos);
  tree.write("docs/notes.txt", "not the language's file, but a resolution input of this frontend\n");
  expect_resolved("new resolution input");
}

TEST(EdgeCache, PythonNewFileDirectoryAndRootsInvalidate) {
  TempTree tree;
  tree.write("app/__init__.py", "");
  tree.write("app/main.py", "import app.core\nfrom app import helpers\nimport lib.tools\nimport os\n");
  tree.write("app/core.py", "from . import helpers\n");
  for (auto rel : {"app/__init__.py", "app/main.py", "app/core.py"}) tree.age(rel);
  auto python = std::make_shared<python::PythonFrontend>();
  auto fresh = [&](std::vector<std::string> roots = {}) {
    return HieRun(tree, python, false, std::move(roots)).text;
  };
  EXPECT_EQ(HieRun(tree, python).text, fresh());
  EXPECT_EQ(HieRun(tree, python).text, fresh()) << "warm";
  tree.write("app/helpers.py", "X = 1\n");  // `from app import helpers` now names this module
  HieRun added(tree, python);
  EXPECT_EQ(added.text, fresh());
  EXPECT_NE(added.text.find("app/main.py:2 -> app/helpers.py"), std::string::npos) << added.text;
  tree.write("vendor/lib/tools.py", "");  // `lib.tools` resolves once `vendor` is a source root
  const std::string before_roots = HieRun(tree, python).text;
  EXPECT_NE(before_roots.find("app/main.py:3 -> <lib.tools>"), std::string::npos) << before_roots;
  HieRun rooted(tree, python, true, {"vendor"});
  EXPECT_EQ(rooted.text, fresh({"vendor"}));
  EXPECT_NE(rooted.text.find("app/main.py:3 -> vendor/lib/tools.py"), std::string::npos) << rooted.text;
  EXPECT_EQ(HieRun(tree, python).text, before_roots) << "roots back to the default";
}

TEST(EdgeCache, EdgesOfAnotherFingerprintAreNeverHandedOut) {
  TempTree tree;
  write_fake_project(tree);
  HieRun(tree, std::make_shared<CachingFrontend>());
  graph::FactCache cache(tree.root(), true);
  graph::FactStore& store = cache.store("fake", 1);
  ASSERT_EQ(store.files().size(), 3u);
  // Edges recorded under another fingerprint are never handed out.
  auto paths = std::make_shared<std::vector<std::string>>();
  for (const auto& file : store.files()) paths->push_back(file.path);
  EXPECT_EQ(store.resolved_edges(graph::edge_fingerprint("something else"), paths), nullptr);
  auto frontend = std::make_shared<CachingFrontend>();
  EXPECT_EQ(HieRun(tree, frontend).text, uncached(tree));
  EXPECT_EQ(frontend->prepared.load(), 0);
}

}  // namespace
}  // namespace hie::stdlib::common
