#include "graph/fact_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "../workspace/temp_tree.h"
#include "graph/content_hash.h"
#include "graph/fact_serialization.h"

namespace hie::graph {
namespace {

using hie::testing::TempTree;

FileFacts sample_facts(int seed) {
  FileFacts facts;
  facts.language = "python";
  facts.imports.push_back({"a.b", "c", static_cast<std::uint32_t>(seed), "from", 2, true, false});
  facts.imports.push_back({"os", "", 300000, "import", 0, false, true});
  facts.symbols.push_back({"class", "Parser" + std::to_string(seed), "Base", 12, true});
  facts.warnings.push_back("not valid UTF-8");
  return facts;
}

CachedFile cached(std::string path, int seed, std::int64_t mtime = 1000) {
  CachedFile file;
  file.path = std::move(path);
  file.stamp = {10, mtime, mtime, 77};
  file.facts = std::make_shared<FileFacts>(sample_facts(seed));
  file.hash = content_hash("content " + std::to_string(seed));
  return file;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ContentHash, EqualBytesEqualHashDifferentBytesDiffer) {
  EXPECT_EQ(content_hash("import os\n"), content_hash("import os\n"));
  EXPECT_NE(content_hash("import os\n"), content_hash("import os \n"));
  EXPECT_NE(hash_bytes(""), hash_bytes(std::string(1, '\0')));
  std::string long_text(10000, 'x');
  std::string other = long_text;
  other[9000] = 'y';
  EXPECT_NE(hash_bytes(long_text), hash_bytes(other));
}

TEST(FactSerialization, RoundTripsEveryField) {
  ByteWriter out;
  write_facts(out, sample_facts(5));
  ByteReader in(out.bytes());
  FileFacts back;
  ASSERT_TRUE(read_facts(in, &back));
  EXPECT_TRUE(in.at_end());
  EXPECT_EQ(back, sample_facts(5));
}

TEST(FactSerialization, SizeEstimateIsNeverBelowTheEncoding) {
  // FactStore::encode() reserves its buffer from the estimates: one below the encoding would make it grow again.
  FileFacts facts = sample_facts(7);
  facts.imports.push_back({std::string(300, 'm'), std::string(200, 'n'), 4'000'000'000u, "from", 300, false, false});
  facts.symbols.push_back({"call", std::string(20000, 'c'), "", 1, false});
  for (const FileFacts& each : {FileFacts{}, sample_facts(1), facts}) {
    ByteWriter out;
    write_facts(out, each);
    EXPECT_GE(encoded_size_estimate(each), out.bytes().size());
  }
}

TEST(FactSerialization, TruncatedInputFails) {
  ByteWriter out;
  write_facts(out, sample_facts(5));
  for (std::size_t cut = 0; cut < out.bytes().size(); ++cut) {
    ByteReader in(std::string_view(out.bytes()).substr(0, cut));
    FileFacts back;
    EXPECT_FALSE(read_facts(in, &back)) << "cut at " << cut;
  }
}

TEST(FactStore, EncodeDecodeRoundTripSharesEqualContent) {
  FactStore store("python", 3);
  std::vector<CachedFile> files = {cached("a.py", 1), cached("b.py", 2), cached("c.py", 1)};
  files[2].facts = files[0].facts;  // same content, same facts object
  store.replace(files);
  EXPECT_TRUE(store.changed());
  FactStore loaded("python", 3);
  std::string why;
  ASSERT_TRUE(loaded.decode(store.encode(), &why)) << why;
  ASSERT_EQ(loaded.files().size(), 3u);
  EXPECT_EQ(loaded.find("b.py")->stamp, files[1].stamp);
  EXPECT_EQ(loaded.find("b.py")->facts, nullptr) << "still encoded until asked for";
  EXPECT_EQ(*loaded.facts_of(*loaded.find("b.py")), sample_facts(2));
  EXPECT_EQ(loaded.facts_of(*loaded.find("a.py")), loaded.facts_of(*loaded.find("c.py"))) << "decoded once, shared";
  EXPECT_EQ(loaded.find("zzz.py"), nullptr);
  EXPECT_NE(loaded.find_content(content_hash("content 2")), nullptr);
  EXPECT_EQ(loaded.find_content(content_hash("content 9")), nullptr);
  EXPECT_FALSE(loaded.changed());
  loaded.replace(loaded.files());
  EXPECT_FALSE(loaded.changed()) << "the same files again is no change";
}

// A store written again after a change copies the records nobody decoded as they are, next to fresh facts, and
// keeps each file's warnings flag without decoding.
TEST(FactStore, ReencodingKeepsUndecodedRecordsAndWarningsFlags) {
  FactStore store("python", 3);
  std::vector<CachedFile> files = {cached("a.py", 1), cached("b.py", 2)};
  auto quiet = std::make_shared<FileFacts>(sample_facts(1));
  quiet->warnings.clear();
  files[0].facts = quiet;
  auto warned = files[1].facts;  // sample facts carry a warning
  store.replace(files);
  FactStore loaded("python", 3);
  std::string why;
  ASSERT_TRUE(loaded.decode(store.encode(), &why)) << why;
  EXPECT_FALSE(loaded.find("a.py")->has_warnings);
  EXPECT_TRUE(loaded.find("b.py")->has_warnings);
  std::vector<CachedFile> next = loaded.files();  // undecoded: facts null, records set
  next.push_back(cached("c.py", 3));              // a new file, fresh facts
  loaded.replace(next);
  EXPECT_TRUE(loaded.changed());
  FactStore again("python", 3);
  ASSERT_TRUE(again.decode(loaded.encode(), &why)) << why;
  ASSERT_EQ(again.files().size(), 3u);
  EXPECT_EQ(*again.facts_of(*again.find("a.py")), *quiet);
  EXPECT_EQ(*again.facts_of(*again.find("b.py")), *warned);
  EXPECT_TRUE(again.find("b.py")->has_warnings);
  EXPECT_EQ(*again.facts_of(*again.find("c.py")), sample_facts(3));
}

TEST(FactStore, EveryDamagedByteIsDetected) {
  FactStore store("python", 3);
  store.replace({cached("a.py", 1), cached("b.py", 2)});
  const std::string bytes = store.encode();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
    FactStore loaded("python", 3);
    std::string why;
    EXPECT_FALSE(loaded.decode(damaged, &why)) << "flipped byte " << i;
    EXPECT_TRUE(loaded.files().empty());
    EXPECT_TRUE(loaded.changed()) << "a damaged file is rewritten";
  }
  FactStore truncated("python", 3);
  std::string why;
  EXPECT_FALSE(truncated.decode(bytes.substr(0, bytes.size() / 2), &why));
}

TEST(FactStore, OtherExtractorVersionOrLanguageIsDiscarded) {
  FactStore store("python", 3);
  store.replace({cached("a.py", 1)});
  std::string why;
  FactStore newer("python", 4);
  EXPECT_FALSE(newer.decode(store.encode(), &why));
  EXPECT_EQ(why, "written by another extractor version");
  FactStore rust("rust", 3);
  EXPECT_FALSE(rust.decode(store.encode(), &why));
}

TEST(FactCache, SaveThenLoadInANewRun) {
  TempTree tree;
  {
    FactCache cache(tree.root(), true);
    cache.store("python", 1).replace({cached("a.py", 1)});
    EXPECT_TRUE(cache.save().empty());
  }
  EXPECT_TRUE(std::filesystem::exists(tree.path(".hie-cache/facts-python.bin")));
  EXPECT_TRUE(std::filesystem::exists(tree.path(".hie-cache/.gitignore")));
  FactCache cache(tree.root(), true);
  const CachedFile* hit = cache.store("python", 1).find("a.py");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(*cache.store("python", 1).facts_of(*hit), sample_facts(1));
  EXPECT_TRUE(cache.notes().empty());
}

TEST(FactCache, UnchangedStoreIsNotRewritten) {
  TempTree tree;
  {
    FactCache cache(tree.root(), true);
    cache.store("python", 1).replace({cached("a.py", 1)});
    cache.save();
  }
  const auto file = tree.path(".hie-cache/facts-python.bin");
  std::filesystem::last_write_time(file, std::filesystem::file_time_type{});
  FactCache cache(tree.root(), true);
  FactStore& store = cache.store("python", 1);
  store.replace(store.files());
  cache.save();
  EXPECT_EQ(std::filesystem::last_write_time(file), std::filesystem::file_time_type{});
}

TEST(FactCache, DamagedFileIsIgnoredNotedAndRebuilt) {
  TempTree tree;
  tree.write(".hie-cache/facts-python.bin", "HIEFACT1 this is not a cache at all, really not");
  FactCache cache(tree.root(), true);
  FactStore& store = cache.store("python", 1);
  EXPECT_TRUE(store.files().empty());
  ASSERT_EQ(cache.notes().size(), 1u);
  EXPECT_NE(cache.notes()[0].find("ignored and rebuilt"), std::string::npos);
  store.replace({cached("a.py", 1)});
  EXPECT_TRUE(cache.save().empty());
  FactCache again(tree.root(), true);
  EXPECT_NE(again.store("python", 1).find("a.py"), nullptr);
}

TEST(FactCache, DisabledCacheNeverReadsOrWrites) {
  TempTree tree;
  {
    FactCache cache(tree.root(), true);
    cache.store("python", 1).replace({cached("a.py", 1)});
    cache.save();
  }
  const std::string before = read_all(tree.path(".hie-cache/facts-python.bin"));
  FactCache cache(tree.root(), false);
  FactStore& store = cache.store("python", 1);
  EXPECT_EQ(store.find("a.py"), nullptr);
  store.replace({cached("b.py", 2)});
  EXPECT_TRUE(cache.save().empty());
  EXPECT_EQ(read_all(tree.path(".hie-cache/facts-python.bin")), before);
}

TEST(FactCache, UnwritableDirectoryIsAProblemNotACrash) {
  TempTree tree;
  tree.write(".hie-cache", "a file where the directory should be");
  FactCache cache(tree.root(), true);
  cache.store("python", 1).replace({cached("a.py", 1)});
  auto problems = cache.save();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("cannot create the fact cache directory"), std::string::npos);
}

TEST(FactCache, ConcurrentSavesLeaveAWholeFile) {
  TempTree tree;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        FactCache cache(tree.root(), true);
        std::vector<CachedFile> files;
        for (int i = 0; i < 50; ++i) files.push_back(cached("f" + std::to_string(1000 + i) + ".py", t * 100 + i));
        cache.store("python", 1).replace(std::move(files));
        cache.save();
        FactCache reader(tree.root(), true);
        reader.store("python", 1);
        EXPECT_TRUE(reader.notes().empty()) << reader.notes().front();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::size_t leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(tree.path(".hie-cache"))) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++leftovers;
  }
  EXPECT_EQ(leftovers, 0u);
}

}  // namespace
}  // namespace hie::graph
