// load_library_entries and the SHA-256 behind `sha256` pins: inference, defaults, timeout precedence, config values,
// path resolution, per-entry failures with positions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "library/config.h"
#include "library/library_entry.h"
#include "library/sha256.h"

namespace hie::library {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 million;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.update(chunk);
  EXPECT_EQ(million.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

class LibraryEntriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hie-entries-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "plugins");
    std::ofstream(dir_ / "plugins" / "p.py") << "print('plugin')\n";
    std::ofstream(dir_ / "plugins" / "m.wasm") << "module";
  }
  void TearDown() override { fs::remove_all(dir_); }

  LibraryEntries load(const std::string& toml) {
    std::ofstream(dir_ / "hielements.toml") << toml;
    config_ = load_config(dir_ / "hielements.toml", diagnostics_);
    return load_library_entries(config_, diagnostics_);
  }

  fs::path dir_;
  Config config_;
  syntax::DiagnosticList diagnostics_;
};

TEST_F(LibraryEntriesTest, InferenceDefaultsAndResolution) {
  LibraryEntries entries = load(
      "[libraries]\n"
      "ext = { executable = \"python3\", args = [\"plugins/p.py\", \"-v\"] }\n"
      "wasm = { path = \"plugins/m.wasm\" }\n"
      "[libraries.bypath]\n"
      "path = \"plugins/p.py\"\n");
  ASSERT_TRUE(diagnostics_.empty()) << diagnostics_.items().front().message;
  ASSERT_EQ(entries.loaded.size(), 3u);
  const LibraryEntry& bypath = entries.loaded[0];
  EXPECT_EQ(bypath.name, "bypath");
  EXPECT_EQ(bypath.kind, LibraryKind::External);
  EXPECT_EQ(bypath.path, dir_ / "plugins" / "p.py");
  const LibraryEntry& ext = entries.loaded[1];
  EXPECT_EQ(ext.kind, LibraryKind::External);
  EXPECT_EQ(ext.path, fs::path("python3"));  // bare: PATH lookup
  EXPECT_EQ(ext.args, (std::vector<std::string>{(dir_ / "plugins" / "p.py").string(), "-v"}));
  EXPECT_EQ(ext.limits.timeout_ms, 30'000u);
  const LibraryEntry& wasm = entries.loaded[2];
  EXPECT_EQ(wasm.kind, LibraryKind::Wasm);
  EXPECT_EQ(wasm.limits.timeout_ms, 5'000u);
  EXPECT_EQ(wasm.limits.memory_mb, 64u);
  EXPECT_EQ(wasm.capabilities.fs, LibraryCapabilities::Fs::None);
}

TEST_F(LibraryEntriesTest, TimeoutPrecedence) {
  LibraryEntries entries = load(
      "[check]\ntimeout = 7\n[libraries]\n"
      "a = { executable = \"python3\" }\n"
      "b = { executable = \"python3\", limits = { timeout_ms = 250 } }\n"
      "c = { path = \"plugins/m.wasm\", limits = { fuel = 1e6 } }\n");
  ASSERT_TRUE(diagnostics_.empty());
  EXPECT_EQ(entries.loaded[0].limits.timeout_ms, 7'000u);
  EXPECT_FALSE(entries.loaded[0].timeout_configured);
  EXPECT_EQ(entries.loaded[1].limits.timeout_ms, 250u);
  EXPECT_TRUE(entries.loaded[1].timeout_configured);
  EXPECT_EQ(entries.loaded[2].limits.timeout_ms, 7'000u);
  EXPECT_EQ(entries.loaded[2].limits.fuel, 1'000'000u);
}

TEST_F(LibraryEntriesTest, ConfigValuesBecomeStrings) {
  LibraryEntries entries =
      load("[libraries]\na = { executable = \"python3\", config = { n = 10, f = 1.5, b = true, s = \"x\" } }\n");
  ASSERT_TRUE(diagnostics_.empty());
  EXPECT_EQ(entries.loaded[0].config,
            (std::map<std::string, std::string>{{"b", "true"}, {"f", "1.5"}, {"n", "10"}, {"s", "x"}}));
  LibraryEntries refused = load("[libraries]\na = { executable = \"python3\", config = { l = [1] } }\n");
  ASSERT_EQ(refused.failed.size(), 1u);
  EXPECT_EQ(refused.failed[0].second.code, "E510");
}

TEST_F(LibraryEntriesTest, EachBadEntryFailsAloneWithItsPosition) {
  LibraryEntries entries = load(
      "[libraries]\n"
      "good = { executable = \"python3\" }\n"
      "typo = { executable = \"python3\", limits = { timeot_ms = 1 } }\n"
      "none = { args = [] }\n"
      "pin = { path = \"plugins/m.wasm\", sha256 = \"" + std::string(64, '0') + "\" }\n"
      "w = { executable = \"python3\", capabilities = { fs = \"write\" } }\n");
  ASSERT_EQ(entries.loaded.size(), 1u);
  EXPECT_EQ(entries.loaded[0].name, "good");
  ASSERT_EQ(entries.failed.size(), 4u);
  EXPECT_EQ(entries.failed[0].first, "none");
  EXPECT_EQ(entries.failed[0].second.code, "E512");
  EXPECT_EQ(entries.failed[1].first, "pin");
  EXPECT_EQ(entries.failed[1].second.code, "E516");
  EXPECT_THAT(entries.failed[1].second.message, HasSubstr(sha256_hex("module")));
  EXPECT_EQ(entries.failed[2].first, "typo");
  EXPECT_EQ(entries.failed[2].second.code, "E511");
  EXPECT_THAT(entries.failed[2].second.message, HasSubstr("limits.timeot_ms"));
  EXPECT_THAT(entries.failed[2].second.message, HasSubstr("hielements.toml:3:"));
  EXPECT_EQ(entries.failed[3].second.code, "E517");
  ASSERT_EQ(diagnostics_.size(), 4u);
  EXPECT_EQ(diagnostics_.items()[0].code, "E511");  // file order
  EXPECT_EQ(diagnostics_.items()[0].span.start.line, 3u);
}

TEST_F(LibraryEntriesTest, Sha256MatchAndPluginsDir) {
  LibraryEntries entries = load("[libraries]\nm = { path = \"plugins/m.wasm\", sha256 = \"" +
                                sha256_hex("module") + "\" }\n[plugins]\ndir = \"plugins\"\n");
  ASSERT_TRUE(diagnostics_.empty());
  ASSERT_EQ(entries.loaded.size(), 1u);  // plugins/m.wasm is the explicit entry, not a second library
  EXPECT_EQ(entries.loaded[0].sha256, sha256_hex("module"));
  std::ofstream(dir_ / "plugins" / "extra.wasm") << "x";
  LibraryEntries with_dir = load("[plugins]\ndir = \"plugins\"\n");
  ASSERT_EQ(with_dir.loaded.size(), 2u);
  EXPECT_EQ(with_dir.loaded[0].name, "extra");
  EXPECT_EQ(with_dir.loaded[1].name, "m");
  EXPECT_EQ(with_dir.loaded[1].kind, LibraryKind::Wasm);
}

}  // namespace
}  // namespace hie::library
