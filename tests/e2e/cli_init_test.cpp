// `hie init NAME`: the files it creates, that they check cleanly, and that it never overwrites.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fresh, empty directory for one test.
std::string fresh_dir(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / ("hie_init_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

RunResult run_in(const std::string& dir, std::vector<std::string> args) { return run_hie_in(dir, std::move(args)); }

TEST(CliInit, CreatesAValidProjectThatChecks) {
  std::string dir = fresh_dir("creates");
  RunResult result = run_in(dir, {"init", "shop"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("shop.hie"));
  EXPECT_TRUE(file_exists(dir + "/shop.hie"));
  EXPECT_TRUE(file_exists(dir + "/hielements.toml"));
  EXPECT_TRUE(file_exists(dir + "/HIE_GUIDE.md"));
  std::string spec = read_text(dir + "/shop.hie");
  EXPECT_THAT(spec, HasSubstr("import files\n"));
  EXPECT_THAT(spec, HasSubstr("element shop {\n    scope root = files.folder_selector('.')\n"));

  RunResult validate = run_in(dir, {"validate", "shop.hie"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  RunResult check = run_in(dir, {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_THAT(check.out, HasSubstr("PASS      shop :: files.exists(root, 'shop.hie')\n"));
}

TEST(CliInit, DirectoryOption) {
  std::string dir = fresh_dir("directory");
  RunResult result = run_in(dir, {"init", "app", "-d", "sub/dir"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(file_exists(dir + "/sub/dir/app.hie"));
  EXPECT_TRUE(file_exists(dir + "/sub/dir/hielements.toml"));
}

TEST(CliInit, NeverOverwritesTheSpec) {
  std::string dir = fresh_dir("existing_spec");
  ASSERT_EQ(run_in(dir, {"init", "shop"}).exit_code, 0);
  std::string before = read_text(dir + "/shop.hie");
  RunResult again = run_in(dir, {"init", "shop"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("already exists"));
  EXPECT_EQ(read_text(dir + "/shop.hie"), before);
}

TEST(CliInit, KeepsAnExistingConfigAndGuide) {
  std::string dir = fresh_dir("existing_config");
  ASSERT_EQ(run_in(dir, {"init", "first"}).exit_code, 0);
  std::string config = read_text(dir + "/hielements.toml");
  RunResult second = run_in(dir, {"init", "second"});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_THAT(second.err, HasSubstr("hielements.toml' already exists, skipping"));
  EXPECT_THAT(second.err, HasSubstr("HIE_GUIDE.md' already exists, skipping"));
  EXPECT_TRUE(file_exists(dir + "/second.hie"));
  EXPECT_EQ(read_text(dir + "/hielements.toml"), config);
}

TEST(CliInit, RejectsNamesThatAreNotIdentifiers) {
  std::string dir = fresh_dir("names");
  for (const char* name : {"9lives", "my-app", "caf\xc3\xa9", ""}) {
    RunResult result = run_in(dir, {"init", name});
    EXPECT_EQ(result.exit_code, 2) << name;
    EXPECT_THAT(result.err, HasSubstr("invalid project name")) << name;
  }
  EXPECT_TRUE(fs::is_empty(dir));
  EXPECT_EQ(run_in(dir, {"init", "_ok9"}).exit_code, 0);
}

}  // namespace
}  // namespace hie::e2e
