// [libraries] through the real binary: a bad entry next to a good one, E061, paths resolved against
// hielements.toml (also under -C), sha256 pins, capabilities, [plugins] dir and the older tool's `type` spelling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_harness.h"
#include "plugin_e2e_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

std::string config_dir() { return testdata_dir() + "/workspaces/plugins_config"; }

TEST(PluginConfig, BadEntryDisablesOnlyItsLibrary) {
  RunOptions options;
  options.args = {"check"};
  options.cwd = config_dir();
  options.env = {{"HIE_FIXED_DURATION", "1"}};
  RunResult result = run_hie(options);
  // Everything ran; the configuration is invalid, so the exit code is 2 (as with --keep-going).
  expect_golden("plugin_config_check", result);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.out, HasSubstr("PASS      config :: good.pass()"));
  EXPECT_THAT(result.err, HasSubstr("error[E511]: library 'typo': unknown key 'limts'"));
  EXPECT_THAT(result.err, HasSubstr("--> hielements.toml:5:76"));
  EXPECT_THAT(result.err, HasSubstr("error[E061]"));
}

TEST(PluginConfig, PathsAreRelativeToTheConfigurationFileUnderDashC) {
  // From testdata/plugins, "../../plugins/well_behaved.py" would not exist: it must be read from the config's
  // directory.
  RunOptions options;
  options.args = {"-C", "plugins", "check", "../workspaces/plugins_config/config.hie"};
  options.cwd = testdata_dir();
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS      config :: good.pass()"));
}

TEST(PluginConfig, ValidateReportsEntryErrorsAndFails) {
  RunOptions options;
  options.args = {"validate", "config.hie"};
  options.cwd = config_dir();
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E511]"));
  EXPECT_THAT(result.err, HasSubstr("error[E061]"));
}

// A workspace in a temporary directory with the well-behaved plugin in plugins/ and the given [libraries] lines.
struct Workspace {
  TempDir dir;
  explicit Workspace(const std::string& libraries, const std::string& spec = "import good\n"
                                                                        "element e {\n    check good.pass()\n}\n") {
    fs::create_directories(dir.path() + "/plugins");
    fs::copy_file(testdata_dir() + "/plugins/well_behaved.py", dir.path() + "/plugins/well_behaved.py");
    fs::copy_file(testdata_dir() + "/plugins/rpc_io.py", dir.path() + "/plugins/rpc_io.py");
    write_text(dir.path() + "/hielements.toml", "[libraries]\n" + libraries);
    write_text(dir.path() + "/e.hie", spec);
  }
  RunResult check(std::vector<std::string> extra = {}) const {
    RunOptions options;
    options.args = {"check"};
    options.args.insert(options.args.end(), extra.begin(), extra.end());
    options.cwd = dir.path();
    return run_hie(options);
  }
};

constexpr const char* kGood = R"(good = { executable = "python3", args = ["plugins/well_behaved.py"])";

TEST(PluginConfig, PluginsGetTheEnvironmentHieWasGiven) {
  // hie restarts itself once with glibc's huge-page tunable added to GLIBC_TUNABLES (cmd/hie/huge_pages.cpp); the
  // restarted process puts the user's value back before it starts anything.
  Workspace ws(std::string(kGood) + " }\n",
               "import good\nelement e {\n    check good.environment('GLIBC_TUNABLES')\n"
               "    check good.environment('HIE_SAVED_GLIBC_TUNABLES')\n}\n");
  RunOptions options;
  options.args = {"check"};
  options.cwd = ws.dir.path();
  options.env = {{"GLIBC_TUNABLES", "glibc.malloc.arena_max=8"}};
  RunResult result = run_hie(options);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("GLIBC_TUNABLES=glibc.malloc.arena_max=8\n"));
  EXPECT_THAT(result.out, HasSubstr("HIE_SAVED_GLIBC_TUNABLES=<unset>"));
}

TEST(PluginConfig, Sha256MatchLoads) {
  const std::string digest = sha256_of(testdata_dir() + "/plugins/well_behaved.py");
  ASSERT_EQ(digest.size(), 64u);
  Workspace ws(std::string(kGood) + ", sha256 = \"" + digest + "\" }\n");
  RunResult result = ws.check();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS      e :: good.pass()"));
}

TEST(PluginConfig, Sha256MismatchDisablesTheLibraryAndShowsBothDigests) {
  const std::string digest = sha256_of(testdata_dir() + "/plugins/well_behaved.py");
  const std::string pinned(64, 'a');
  Workspace ws(std::string(kGood) + ", sha256 = \"" + pinned + "\" }\n");
  RunResult result = ws.check();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E516]"));
  EXPECT_THAT(result.err, HasSubstr(digest));
  EXPECT_THAT(result.err, HasSubstr(pinned));
  EXPECT_THAT(result.out, HasSubstr("ERROR     e :: good.pass()"));
}

TEST(PluginConfig, OverrideReplacesABuiltin) {
  Workspace ws(R"(files = { executable = "python3", args = ["plugins/well_behaved.py"], override = true })" "\n",
               "import files\nelement e {\n    check files.pass()\n}\n");
  RunResult result = ws.check();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS      e :: files.pass()"));
}

TEST(PluginConfig, OlderToolTypeSpellingAndConfigValues) {
  // type = "external" as the older tool wrote it; config numbers and booleans are accepted (passed as strings, see
  // tests/library/library_entries_test.cpp).
  Workspace ws(R"(good = { type = "external", executable = "python3", args = ["plugins/well_behaved.py"], config = { limit = 10, strict = true, name = "x" } })" "\n");
  RunResult result = ws.check();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS      e :: good.pass()"));
}

TEST(PluginConfig, WriteAccessIsRefusedAndWorkspaceOnlyFalseWarns) {
  Workspace ws(std::string(kGood) + ", capabilities = { fs = \"write\" } }\n" +
               R"(other = { executable = "python3", args = ["plugins/well_behaved.py"], capabilities = { fs = "read", workspace_only = false } })" "\n");
  RunResult result = ws.check();
  EXPECT_THAT(result.err, HasSubstr("error[E517]"));
  EXPECT_THAT(result.err, HasSubstr("checks never modify the workspace"));
  EXPECT_THAT(result.err, HasSubstr("warning[W510]"));
  EXPECT_EQ(result.exit_code, 2);
}

TEST(PluginConfig, CannotInferTypeAndMissingExecutable) {
  Workspace ws("good = { args = [\"x\"] }\nother = { executable = \"plugins/missing.py\" }\n");
  RunResult result = ws.check();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("error[E512]: library 'good': cannot infer library type"));
  EXPECT_THAT(result.err, HasSubstr("error[E515]"));
  EXPECT_THAT(result.err, HasSubstr("missing.py"));
}

TEST(PluginConfig, PluginsDirDiscoveryAndExplicitEntriesWin) {
  Workspace ws(std::string(kGood) + " }\n");
  write_text(ws.dir.path() + "/hielements.toml",
             "[libraries]\n" + std::string(kGood) + " }\n\n[plugins]\ndir = \"wasm\"\n");
  write_text(ws.dir.path() + "/wasm/good.wasm", "not a module");
  write_text(ws.dir.path() + "/wasm/junk.wasm", "not a module either");
  write_text(ws.dir.path() + "/wasm/bad-name.wasm", "");
  RunOptions options;
  options.args = {"doc", "-f", "json"};
  options.cwd = ws.dir.path();
  RunResult result = run_hie(options);
  // good stays the process plugin; junk is a WASM library that fails to load; bad-name cannot be a library.
  EXPECT_THAT(result.out, HasSubstr(R"("name": "good",)" "\n" R"(      "kind": "external")"));
  EXPECT_THAT(result.out, HasSubstr(R"("name": "junk",)" "\n" R"(      "kind": "wasm")"));
  EXPECT_THAT(result.err, HasSubstr("error[E518]"));
  EXPECT_EQ(result.exit_code, 2);
}

TEST(PluginConfig, PluginsDirMustExist) {
  Workspace ws(std::string(kGood) + " }\n");
  write_text(ws.dir.path() + "/hielements.toml", "[libraries]\n" + std::string(kGood) + " }\n[plugins]\ndir = \"nowhere\"\n");
  RunResult result = ws.check();
  EXPECT_THAT(result.err, HasSubstr("error[E515]: 'plugins.dir'"));
  EXPECT_THAT(result.out, HasSubstr("PASS      e :: good.pass()"));
  EXPECT_THAT(result.err, Not(HasSubstr("E512")));
}

}  // namespace
}  // namespace hie::e2e
