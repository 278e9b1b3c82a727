// The dependency graph end to end through the real binary: `hie deps`, the common vocabulary, `arch`, connection
// rules with evidence, and the fact cache (.hie-cache/: invalidation, corruption, --no-cache, concurrent runs).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::ordered_json;

std::string fixture() { return workspace_dir("graph_shop"); }

RunResult hie_in(const std::string& dir, std::vector<std::string> args) { return run_hie_in(dir, std::move(args)); }

// A private copy of the fixture (the cache is written into the workspace).
class Copy {
 public:
  Copy() {
    std::string pattern = (fs::temp_directory_path() / "hie-graph-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    root_ = fs::path(pattern) / "ws";
    fs::copy(fixture(), root_, fs::copy_options::recursive);
    fs::remove_all(root_ / ".hie-cache");
  }
  ~Copy() {
    std::error_code ec;
    fs::remove_all(root_.parent_path(), ec);
  }
  std::string dir() const { return root_.string(); }
  fs::path path(const std::string& rel) const { return root_ / rel; }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(path(rel), std::ios::binary | std::ios::trunc) << text;
  }

 private:
  fs::path root_;
};

TEST(CliDeps, TextGolden) {
  RunResult result = hie_in(fixture(), {"deps", "--no-cache"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("shop/domain/orders.py:7 -> shop/api/views.py  (python from shop.api.views, type-only)\n"));
  EXPECT_THAT(result.out, HasSubstr("native/src/slow.rs:2 -> <external>  (rust use serde::Serialize)\n"));
  expect_golden("deps_text", result);
}

TEST(CliDeps, JsonForOnePathAndLanguage) {
  RunResult result = hie_in(fixture(), {"deps", "shop/domain", "--language", "python", "-f", "json", "--no-cache"});
  EXPECT_EQ(result.exit_code, 0);
  expect_golden("deps_json", result);
  const Json doc = Json::parse(result.out);
  EXPECT_EQ(doc["schema"], "hie.deps/1");
  for (const auto& edge : doc["edges"]) {
    EXPECT_TRUE(edge["from"].get<std::string>().starts_with("shop/domain/")) << edge.dump();
    EXPECT_EQ(edge["language"], "python");
  }
  const auto& first = doc["edges"][0];
  std::vector<std::string> keys;
  for (const auto& item : first.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"from", "line", "to", "module", "kind", "type_only", "language"}));
  EXPECT_TRUE(first["to"].is_null());  // `from typing import TYPE_CHECKING`: external
}

TEST(CliDeps, BadArgumentsExitTwo) {
  RunResult language = hie_in(fixture(), {"deps", "--language", "cobol", "--no-cache"});
  EXPECT_EQ(language.exit_code, 2);
  EXPECT_THAT(language.err, HasSubstr("error: unknown language 'cobol'"));
  EXPECT_THAT(language.err, HasSubstr("the languages are python, rust"));
  RunResult missing = hie_in(fixture(), {"deps", "nope/", "--no-cache"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("'nope/' is not a file or directory of the workspace"));
  RunResult outside = hie_in(fixture(), {"deps", "..", "--no-cache"});
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_THAT(outside.err, HasSubstr("is outside the workspace"));
}

TEST(CliGraphCheck, CommonVocabularyArchAndConnectionsGolden) {
  RunResult result = hie_in(fixture(), {"check", "--no-cache"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out,
              HasSubstr("--> Dependency cycle in 'shop/domain': shop/domain/orders.py:4 -> shop/domain/pricing.py, "
                        "shop/domain/pricing.py:1 -> shop/domain/orders.py\n"));
  EXPECT_THAT(result.out, HasSubstr("ERROR     frontend :: arch.no_cycles(src)"));
  EXPECT_THAT(result.out, HasSubstr("no dependency information for 1 file (web.js)"));
  expect_golden("check_graph_shop", result);
}

TEST(CliGraphCheck, ViolationsCarryFileAndLineEvidenceInJson) {
  RunResult result = hie_in(fixture(), {"check", "-f", "json", "--no-cache"});
  EXPECT_EQ(result.exit_code, 1);
  const Json doc = Json::parse(result.out);
  bool connection = false, cycle = false;
  for (const auto& r : doc["results"]) {
    if (r["element"] == "shop.domain" && r["origin"] == "connection") {
      connection = true;
      ASSERT_EQ(r["evidence"].size(), 1u);
      EXPECT_EQ(r["evidence"][0]["file"], "shop/domain/orders.py");
      EXPECT_EQ(r["evidence"][0]["line"], 7);
    }
    if (r["check"] == "python.no_cycles(src)") {
      cycle = true;
      ASSERT_EQ(r["evidence"].size(), 2u);
      EXPECT_EQ(r["evidence"][1]["file"], "shop/domain/pricing.py");
      EXPECT_EQ(r["evidence"][1]["line"], 1);
    }
  }
  EXPECT_TRUE(connection);
  EXPECT_TRUE(cycle);
}

TEST(CliGraphCheck, ConnectionRulesAllowsRequiresUsesUnownedStrictUses) {
  RunResult plain = hie_in(fixture(), {"check", "connections.hie", "--no-cache"});
  EXPECT_EQ(plain.exit_code, 1);
  expect_golden("check_graph_connections", plain);
  RunResult strict = hie_in(fixture(), {"--config", "forbid_unowned.toml", "check", "connections.hie", "--no-cache"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.out, HasSubstr("1 dependency outside the allowed targets: shop/api/views.py:3 -> requests"));
  EXPECT_THAT(strict.out, HasSubstr("at shop/api/views.py:2"));
  expect_golden("check_graph_connections_strict", strict);
}

TEST(CliFactCache, WrittenThenReusedWithIdenticalResults) {
  Copy ws;
  RunResult cold = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_THAT(cold.err, HasSubstr("fact cache: 0 unchanged, 0 read and reused, 11 extracted"));
  EXPECT_TRUE(fs::exists(ws.path(".hie-cache/facts-python.bin")));
  EXPECT_TRUE(fs::exists(ws.path(".hie-cache/facts-rust.bin")));
  RunResult warm = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_THAT(warm.err, HasSubstr(" 0 extracted"));
  EXPECT_EQ(warm.out, cold.out);
  EXPECT_EQ(warm.out, hie_in(fixture(), {"check", "--no-cache"}).out);
  // The cache is not part of the workspace index.
  EXPECT_THAT(hie_in(ws.dir(), {"eval", "files.glob_selector('.hie-cache/**')"}).out, HasSubstr("\"paths\": []"));
}

TEST(CliFactCache, EditRenameAndDeleteAreSeen) {
  Copy ws;
  hie_in(ws.dir(), {"check"});
  // Edit: the db no longer imports the api, so one layering violation is gone.
  ws.write("shop/db/session.py", "import sqlite3\n\n\ndef connect():\n    return sqlite3.connect(':memory:')\n");
  RunResult edited = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_THAT(edited.err, HasSubstr(" 1 extracted"));
  EXPECT_THAT(edited.out, HasSubstr("--> 1 dependency goes up the layers: shop/domain/orders.py:7 -> shop/api/views.py"));
  EXPECT_THAT(edited.out, HasSubstr("PASS      shop.db :: forbids connection to shop.api"));
  // Rename: same content, no extraction; the import of `pricing` now resolves to nothing, breaking the cycle.
  fs::rename(ws.path("shop/domain/pricing.py"), ws.path("shop/domain/costs.py"));
  RunResult renamed = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_THAT(renamed.err, HasSubstr(" 0 extracted"));
  EXPECT_THAT(renamed.out, HasSubstr("PASS      shop.domain :: python.no_cycles(src)"));
  // Delete: its edges disappear.
  fs::remove(ws.path("shop/domain/costs.py"));
  RunResult deleted = hie_in(ws.dir(), {"deps", "shop/domain"});
  EXPECT_THAT(deleted.out, Not(HasSubstr("costs.py")));
  EXPECT_EQ(deleted.out, hie_in(ws.dir(), {"deps", "shop/domain", "--no-cache"}).out);
}

TEST(CliFactCache, CorruptedCacheIsRebuiltNeverTrusted) {
  Copy ws;
  const std::string expected = hie_in(ws.dir(), {"check"}).out;
  std::string bytes = read_text(ws.path(".hie-cache/facts-python.bin").string());
  bytes[bytes.size() / 2] ^= 0x41;
  ws.write(".hie-cache/facts-python.bin", bytes);
  RunResult damaged = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_EQ(damaged.out, expected);
  EXPECT_THAT(damaged.err, HasSubstr("fact cache '.hie-cache/facts-python.bin' ignored and rebuilt: checksum mismatch"));
  ws.write(".hie-cache/facts-rust.bin", "garbage");
  RunResult garbage = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_EQ(garbage.out, expected);
  EXPECT_THAT(garbage.err, HasSubstr("facts-rust.bin' ignored and rebuilt: not a fact cache"));
  RunResult healed = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_THAT(healed.err, Not(HasSubstr("ignored and rebuilt")));
  EXPECT_THAT(healed.err, HasSubstr(" 0 extracted"));
}

TEST(CliFactCache, NoCacheNeitherReadsNorWrites) {
  Copy ws;
  RunResult result = hie_in(ws.dir(), {"-v", "check", "--no-cache"});
  EXPECT_THAT(result.err, HasSubstr("extracted (--no-cache)"));
  EXPECT_FALSE(fs::exists(ws.path(".hie-cache")));
  hie_in(ws.dir(), {"deps"});
  EXPECT_TRUE(fs::exists(ws.path(".hie-cache")));
  RunResult again = hie_in(ws.dir(), {"-v", "deps", "--no-cache"});
  EXPECT_THAT(again.err, HasSubstr("0 unchanged, 0 read and reused, 11 extracted (--no-cache)"));
  EXPECT_THAT(hie_in(ws.dir(), {"-v", "eval", "--no-cache", "python.no_cycles(files.folder_selector('shop'))"}).err,
              HasSubstr("(--no-cache)"));
}

TEST(CliFactCache, ConcurrentRunsAgreeAndLeaveAValidCache) {
  Copy ws;
  const std::string expected = hie_in(fixture(), {"check", "--no-cache"}).out;
  std::vector<RunResult> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = hie_in(ws.dir(), {"check", "-j", "2"}); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result.out, expected);
  RunResult after = hie_in(ws.dir(), {"-v", "check"});
  EXPECT_EQ(after.out, expected);
  EXPECT_THAT(after.err, Not(HasSubstr("ignored and rebuilt")));
  for (const auto& entry : fs::directory_iterator(ws.path(".hie-cache"))) {
    EXPECT_THAT(entry.path().filename().string(), Not(HasSubstr(".tmp-")));
  }
}

TEST(CliGraphConfig, TypeOnlyImportsIgnoredAndWarningsForBadFiles) {
  Copy ws;
  ws.write("hielements.toml", "[check]\nspecs = [\"shop.hie\"]\n[python]\ntype_only_imports = \"ignore\"\n");
  RunResult ignored = hie_in(ws.dir(), {"deps", "shop/domain/orders.py"});
  EXPECT_EQ(ignored.exit_code, 0);
  EXPECT_THAT(ignored.out, Not(HasSubstr("type-only")));
  EXPECT_THAT(ignored.out, HasSubstr("shop/domain/orders.py:3 -> shop/db/session.py"));
  ws.write("shop/latin1.py", "# caf\xe9\nimport os\n");
  RunResult warned = hie_in(ws.dir(), {"deps"});
  EXPECT_THAT(warned.err, HasSubstr("warning: python: shop/latin1.py: not valid UTF-8"));
  RunResult cached = hie_in(ws.dir(), {"deps"});
  EXPECT_THAT(cached.err, HasSubstr("warning: python: shop/latin1.py: not valid UTF-8"));
  ws.write("hielements.toml", "[python]\ntype_only_imports = \"sometimes\"\n");
  RunResult bad = hie_in(ws.dir(), {"deps"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("'python.type_only_imports' must be \"count\" or \"ignore\""));
}

}  // namespace
}  // namespace hie::e2e
