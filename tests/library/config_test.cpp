#include "library/config.h"

#include <gtest/gtest.h>

#include "tests/workspace/temp_tree.h"

namespace hie::library {
namespace {

using hie::testing::TempTree;
using syntax::DiagnosticList;

struct Loaded {
  Config config;
  DiagnosticList diagnostics;
};

Loaded load(const TempTree& tree, std::string_view text) {
  tree.write("hielements.toml", text);
  Loaded loaded;
  loaded.config = load_config(tree.path("hielements.toml"), loaded.diagnostics);
  return loaded;
}

// "E071 3:1 message" for compact expectations.
std::string brief(const syntax::Diagnostic& d) {
  return d.code + " " + std::to_string(d.span.start.line) + ":" + std::to_string(d.span.start.column) + " " + d.message;
}

TEST(Config, DefaultsWithoutAFile) {
  const Config config;
  EXPECT_TRUE(config.file.empty());
  EXPECT_TRUE(config.check.specs.empty());
  EXPECT_EQ(config.check.jobs, 0);
  EXPECT_EQ(config.check.timeout_seconds, 30);
  EXPECT_TRUE(config.workspace.exclude.empty());
  EXPECT_TRUE(config.workspace.gitignore);
  EXPECT_EQ(config.connections.unowned, "allow");
  EXPECT_FALSE(config.connections.strict_uses);
  EXPECT_TRUE(config.libraries.is_table());
  EXPECT_TRUE(config.plugins.is_table());
}

TEST(Config, EmptyFileGivesDefaults) {
  TempTree tree;
  const Loaded loaded = load(tree, "# nothing configured\n");
  EXPECT_TRUE(loaded.diagnostics.empty());
  EXPECT_EQ(loaded.config.file, tree.path("hielements.toml"));
  EXPECT_EQ(loaded.config.directory(), tree.root());
  EXPECT_EQ(loaded.config.check.timeout_seconds, 30);
  EXPECT_TRUE(loaded.config.workspace.gitignore);
}

TEST(Config, ReadsEverySection) {
  TempTree tree;
  const Loaded loaded = load(tree, R"(
[check]
specs = ["architecture.hie", "more/extra.hie"]
jobs = 4
timeout = 10

[workspace]
exclude = ["build/**", "third_party/**"]
gitignore = false

[connections]
unowned = "forbid"
strict_uses = true

[libraries]
sample = { executable = "python3", args = ["plugins/sample_plugin.py"] }

[libraries.heavy]
type = "wasm"
path = "plugins/heavy.wasm"

[plugins]
dir = "plugins"
)");
  ASSERT_TRUE(loaded.diagnostics.empty()) << brief(loaded.diagnostics.items().front());
  const Config& c = loaded.config;
  EXPECT_EQ(c.check.specs, (std::vector<std::string>{"architecture.hie", "more/extra.hie"}));
  EXPECT_EQ(c.check.jobs, 4);
  EXPECT_EQ(c.check.timeout_seconds, 10);
  EXPECT_EQ(c.workspace.exclude, (std::vector<std::string>{"build/**", "third_party/**"}));
  EXPECT_FALSE(c.workspace.gitignore);
  EXPECT_EQ(c.connections.unowned, "forbid");
  EXPECT_TRUE(c.connections.strict_uses);
  // [libraries] and [plugins] are kept as parsed, for the plugin loader.
  EXPECT_EQ(toml::find<std::string>(c.libraries, "sample", "executable"), "python3");
  EXPECT_EQ(toml::find<std::string>(c.libraries, "heavy", "type"), "wasm");
  EXPECT_EQ(toml::find<std::string>(c.plugins, "dir"), "plugins");
  const auto options = c.workspace_options();
  EXPECT_EQ(options.exclude, c.workspace.exclude);
  EXPECT_FALSE(options.gitignore);
}

TEST(Config, UnknownKeysAreErrorsNamingFileAndKey) {
  TempTree tree;
  const Loaded loaded = load(tree,
                             "verbose = true\n"
                             "[check]\n"
                             "jobs = 2\n"
                             "job = 3\n"
                             "[workspace]\n"
                             "exlude = [\"build\"]\n"
                             "[connections]\n"
                             "strict = true\n"
                             "[extras]\n"
                             "x = 1\n");
  const std::string file = tree.path("hielements.toml").string();
  ASSERT_EQ(loaded.diagnostics.size(), 5u);
  const auto& d = loaded.diagnostics.items();
  EXPECT_EQ(brief(d[0]), "E071 1:1 unknown key 'verbose' in '" + file + "'");
  EXPECT_EQ(brief(d[1]), "E071 4:1 unknown key 'check.job' in '" + file + "'");
  EXPECT_EQ(brief(d[2]), "E071 6:1 unknown key 'workspace.exlude' in '" + file + "'");
  EXPECT_EQ(brief(d[3]), "E071 8:1 unknown key 'connections.strict' in '" + file + "'");
  EXPECT_EQ(brief(d[4]), "E071 9:1 unknown key 'extras' in '" + file + "'");
  EXPECT_EQ(d[1].file, file);
  EXPECT_EQ(d[1].severity, syntax::Severity::Error);
  ASSERT_TRUE(d[1].help.has_value());
  EXPECT_EQ(*d[1].help, "[check] accepts specs, jobs and timeout");
  ASSERT_TRUE(d[0].help.has_value());
  EXPECT_EQ(*d[0].help,
            "the sections are [check], [workspace], [connections], [python], [rust], [libraries] and [plugins]");
  // The settings that were right are kept.
  EXPECT_EQ(loaded.config.check.jobs, 2);
}

TEST(Config, LanguageSections) {
  TempTree tree;
  const Loaded loaded = load(tree,
                             "[python]\nroots = [\"lib\", \"./services//api/\"]\ntype_only_imports = \"ignore\"\n"
                             "[rust]\ntype_only_imports = \"count\"\n");
  ASSERT_TRUE(loaded.diagnostics.empty()) << brief(loaded.diagnostics.items().front());
  const auto& python = loaded.config.languages.at("python");
  EXPECT_EQ(python.roots, (std::vector<std::string>{"lib", "services/api"}));
  EXPECT_EQ(python.type_only_imports, "ignore");
  EXPECT_EQ(loaded.config.languages.at("rust").type_only_imports, "count");
  EXPECT_FALSE(load(tree, "").config.languages.contains("python"));
}

TEST(Config, LanguageSectionErrors) {
  TempTree tree;
  const Loaded loaded = load(tree,
                             "[python]\nroots = [\"../outside\", \"ok\"]\ntype_only_imports = \"drop\"\nroot = []\n"
                             "[rust]\nroots = [\"src\"]\n");
  const std::string file = tree.path("hielements.toml").string();
  ASSERT_EQ(loaded.diagnostics.size(), 4u);
  const auto& d = loaded.diagnostics.items();
  EXPECT_EQ(brief(d[0]), "E072 2:10 'python.roots' must name directories inside the workspace, not '../outside'");
  EXPECT_EQ(brief(d[1]), "E072 3:21 'python.type_only_imports' must be \"count\" or \"ignore\", not \"drop\"");
  EXPECT_EQ(brief(d[2]), "E071 4:1 unknown key 'python.root' in '" + file + "'");
  EXPECT_EQ(brief(d[3]), "E071 6:1 unknown key 'rust.roots' in '" + file + "'");
  EXPECT_EQ(*d[3].help, "[rust] accepts type_only_imports");
  EXPECT_EQ(loaded.config.languages.at("python").roots, (std::vector<std::string>{"ok"}));
}

TEST(Config, WrongTypesAndValues) {
  TempTree tree;
  const Loaded loaded = load(tree,
                             "[check]\n"
                             "specs = \"a.hie\"\n"
                             "jobs = -1\n"
                             "timeout = 0\n"
                             "[workspace]\n"
                             "exclude = [\"ok/**\", 3]\n"
                             "gitignore = \"yes\"\n"
                             "[connections]\n"
                             "unowned = \"deny\"\n"
                             "strict_uses = 1\n");
  const auto& d = loaded.diagnostics.items();
  ASSERT_EQ(d.size(), 7u);
  EXPECT_EQ(brief(d[0]), "E072 2:9 'check.specs' must be an array of strings, not a string");
  EXPECT_EQ(brief(d[1]), "E072 3:8 'check.jobs' must be 0 (one job per core) or more, not -1");
  EXPECT_EQ(brief(d[2]), "E072 4:11 'check.timeout' must be a number of seconds, 1 or more, not 0");
  EXPECT_EQ(brief(d[3]), "E072 6:21 'workspace.exclude' must be an array of strings, but an item is an integer");
  EXPECT_EQ(brief(d[4]), "E072 7:13 'workspace.gitignore' must be true or false, not a string");
  EXPECT_EQ(brief(d[5]), "E072 9:11 'connections.unowned' must be \"allow\" or \"forbid\", not \"deny\"");
  EXPECT_EQ(brief(d[6]), "E072 10:15 'connections.strict_uses' must be true or false, not an integer");
  // Defaults stay where the value was wrong.
  EXPECT_EQ(loaded.config.check.jobs, 0);
  EXPECT_EQ(loaded.config.check.timeout_seconds, 30);
  EXPECT_TRUE(loaded.config.workspace.exclude.empty());
  EXPECT_EQ(loaded.config.connections.unowned, "allow");
}

TEST(Config, SectionsMustBeTables) {
  TempTree tree;
  const Loaded loaded = load(tree, "check = 1\nlibraries = \"x\"\n");
  const auto& d = loaded.diagnostics.items();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(brief(d[0]), "E072 1:9 'check' must be a table (a [check] section), not an integer");
  EXPECT_EQ(brief(d[1]), "E072 2:13 'libraries' must be a table (a [libraries] section), not a string");
}

TEST(Config, InvalidExcludeGlobsPointAtTheItem) {
  TempTree tree;
  const Loaded loaded = load(tree, "[workspace]\nexclude = [\"build/**\", \"src/**.rs\"]\n");
  const auto& d = loaded.diagnostics.items();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "E072");
  EXPECT_EQ(d[0].span.start.line, 2u);
  EXPECT_EQ(d[0].span.start.column, 24u);
  EXPECT_EQ(d[0].message.rfind("invalid glob 'src/**.rs' in 'workspace.exclude': '**' must be a whole path segment", 0),
            0u);
  EXPECT_EQ(loaded.config.workspace.exclude, (std::vector<std::string>{"build/**"}));
}

TEST(Config, ColumnsCountCodePoints) {
  TempTree tree;
  const Loaded loaded = load(tree, "[workspace]\nexclude = [\"\xC3\xA9\", 3]\n");
  const auto& d = loaded.diagnostics.items();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span.start.line, 2u);
  EXPECT_EQ(d[0].span.start.column, 17u);  // `exclude = ["é", ` is 16 code points (17 bytes)
  EXPECT_EQ(d[0].span.start.offset, 12u + 17u);
  EXPECT_EQ(d[0].span.end.column, 18u);
}

TEST(Config, SyntaxErrorsHavePositions) {
  TempTree tree;
  const Loaded missing_value = load(tree, "[check]\njobs = \n");
  ASSERT_EQ(missing_value.diagnostics.size(), 1u);
  const auto& d = missing_value.diagnostics.items()[0];
  EXPECT_EQ(d.code, "E070");
  EXPECT_EQ(d.span.start.line, 2u);
  EXPECT_EQ(d.span.start.column, 8u);
  EXPECT_EQ(d.message.rfind("invalid TOML in '" + tree.path("hielements.toml").string() + "': missing value", 0), 0u)
      << d.message;

  const Loaded duplicate = load(tree, "[check]\njobs = 1\njobs = 2\n");
  ASSERT_EQ(duplicate.diagnostics.size(), 1u);
  EXPECT_EQ(duplicate.diagnostics.items()[0].code, "E070");
  EXPECT_EQ(duplicate.diagnostics.items()[0].span.start.line, 3u);
  EXPECT_NE(duplicate.diagnostics.items()[0].message.find("already exists"), std::string::npos);

  const Loaded bad_header = load(tree, "[check\n");
  ASSERT_EQ(bad_header.diagnostics.size(), 1u);
  EXPECT_EQ(bad_header.diagnostics.items()[0].code, "E070");
  EXPECT_EQ(bad_header.diagnostics.items()[0].span.start.line, 1u);
}

TEST(Config, UnreadableFiles) {
  TempTree tree;
  DiagnosticList diagnostics;
  const Config missing = load_config(tree.path("nope.toml"), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].code, "E073");
  EXPECT_EQ(diagnostics.items()[0].message,
            "cannot read configuration file '" + tree.path("nope.toml").string() + "': No such file or directory");
  EXPECT_EQ(missing.check.timeout_seconds, 30);

  tree.mkdir("dir.toml");
  DiagnosticList dir_diagnostics;
  load_config(tree.path("dir.toml"), dir_diagnostics);
  ASSERT_EQ(dir_diagnostics.size(), 1u);
  EXPECT_EQ(dir_diagnostics.items()[0].code, "E073");
  EXPECT_NE(dir_diagnostics.items()[0].message.find("it is a directory"), std::string::npos);
}

TEST(Config, FindConfigWalksUp) {
  TempTree tree;
  tree.write("repo/hielements.toml", "");
  tree.mkdir("repo/src/deep/er");
  EXPECT_EQ(find_config(tree.path("repo/src/deep/er")), tree.path("repo/hielements.toml"));
  EXPECT_EQ(find_config(tree.path("repo")), tree.path("repo/hielements.toml"));
  EXPECT_EQ(find_config(tree.path("repo/src/deep/er/")), tree.path("repo/hielements.toml"));
  tree.write("repo/src/hielements.toml", "");
  EXPECT_EQ(find_config(tree.path("repo/src/deep")), tree.path("repo/src/hielements.toml"));
  // A directory named like the file does not count.
  tree.mkdir("other/hielements.toml");
  const auto above = find_config(tree.path("other"));
  EXPECT_TRUE(!above.has_value() || above->parent_path() != tree.path("other"));
}

TEST(Config, FindConfigFromARelativeDirectory) {
  TempTree tree;
  tree.write("hielements.toml", "");
  tree.mkdir("a/b");
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(tree.path("a"));
  const auto found = find_config("b");
  std::filesystem::current_path(previous);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->is_absolute());
  EXPECT_TRUE(std::filesystem::equivalent(*found, tree.path("hielements.toml")));
}

#ifdef HIE_SOURCE_DIR
// The older tool's sample configurations (outside the repository: skipped when absent).
TEST(Config, OlderToolsSampleConfigurations) {
  const std::filesystem::path examples =
      std::filesystem::path(HIE_SOURCE_DIR) / ".." / "shared" / "conformance" / "reference-files" / "examples";
  if (!std::filesystem::exists(examples / "hielements.toml")) GTEST_SKIP() << "no conformance corpus";
  DiagnosticList plain;
  load_config(examples / "hielements.toml", plain);
  EXPECT_TRUE(plain.empty());
  // Not valid TOML 1.0: an inline table spread over several lines.
  DiagnosticList hybrid;
  load_config(examples / "hielements_hybrid.toml", hybrid);
  ASSERT_EQ(hybrid.size(), 1u);
  EXPECT_EQ(hybrid.items()[0].code, "E070");
  EXPECT_EQ(hybrid.items()[0].span.start.line, 17u);
}
#endif

}  // namespace
}  // namespace hie::library
