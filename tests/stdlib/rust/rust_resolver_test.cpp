// Rust resolution, case by case: crates from Cargo.toml, the module tree, and each kind of import.
#include "stdlib/rust/rust_resolver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "stdlib/rust/rust_facts.h"

namespace hie::stdlib::rust {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A workspace in memory: path -> text. Rust files get their facts from the real extractor.
class RustResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add("Cargo.toml", "[workspace]\nmembers = [\"app\", \"util\"]\n");
    add("app/Cargo.toml", "[package]\nname = \"my-app\"\n[[bin]]\nname = \"tool\"\npath = \"tools/tool.rs\"\n");
    add("app/src/lib.rs", "pub mod net;\npub mod model;\nmod inline { mod deep; }\n#[path = \"special/x.rs\"]\nmod custom;\n"
                          "mod missing;\n");
    add("app/src/main.rs", "use my_app::net::http::Client;\nfn main() {}\n");
    add("app/src/net.rs", "pub mod http;\nuse crate::model::{User, Group};\nuse super::model;\n"
                          "fn f() { crate::model::load(); serde_json::to_string(&1); util::helpers::h(); }\n");
    add("app/src/net/http.rs", "use super::super::model::User;\nuse self::inner::X;\nmod inner {}\n"
                               "use std::collections::HashMap;\nextern crate util as u;\nuse u::helpers;\n");
    add("app/src/model/mod.rs", "pub mod user;\nuse crate::net;\nuse crate::net::http::{self, Client};\n");
    add("app/src/model/user.rs", "use crate::model::user::Thing;\nuse crate::nothing::here;\n");
    add("app/src/inline/deep.rs", "");
    add("app/src/special/x.rs", "");
    add("app/src/stray.rs", "use crate::net;\n");
    add("app/tools/tool.rs", "use my_app::model;\n");
    add("app/src/bin/extra.rs", "");
    add("app/tests/it.rs", "use my_app::net;\n");
    add("util/Cargo.toml", "[package]\nname = \"util\"\n");
    add("util/src/lib.rs", "pub mod helpers;\n");
    add("util/src/helpers.rs", "");
    add("loose/src/lib.rs", "mod a;\n");
    add("loose/src/a.rs", "use crate::a;\n");
    add("broken/Cargo.toml", "[package\nname = \"x\"\n");
    build();
  }

  void add(std::string path, std::string text) { texts_[std::move(path)] = std::move(text); }

  void build() {
    std::vector<std::string> all, rust;
    for (const auto& [path, text] : texts_) {
      all.push_back(path);
      if (path.ends_with(".rs")) {
        rust.push_back(path);
        facts_[path] = extract_rust_facts(text);
      }
    }
    tree_ = std::make_unique<RustModuleTree>(
        all, rust, [&](const std::string& p) -> std::optional<std::string> { return texts_.at(p); },
        [&](const std::string& p) -> const graph::FileFacts* { return &facts_.at(p); });
  }

  // "line kind module -> target" per edge ("(external)" for nullopt).
  std::vector<std::string> edges(const std::string& file) {
    std::vector<std::string> out;
    for (const auto& e : tree_->resolve(file, facts_.at(file))) {
      out.push_back(std::to_string(e.line) + " " + e.kind + " " + e.module + " -> " + e.to.value_or("(external)"));
    }
    return out;
  }

  std::vector<std::string> module(std::string_view name) {
    std::string why;
    auto files = tree_->module_files(name, &why);
    return files ? *files : std::vector<std::string>{"invalid: " + why};
  }

  std::map<std::string, std::string> texts_;
  std::map<std::string, graph::FileFacts> facts_;
  std::unique_ptr<RustModuleTree> tree_;
};

TEST_F(RustResolverTest, CratesFromCargoTomlWithDashesAsUnderscores) {
  std::vector<std::string> crates;
  for (const auto& c : tree_->crates()) crates.push_back(c.name + " " + c.root + (c.library ? " lib" : ""));
  EXPECT_THAT(crates, ElementsAre("my_app app/src/lib.rs lib", "util util/src/lib.rs lib", "tool app/tools/tool.rs",
                                  "my_app app/src/main.rs", "extra app/src/bin/extra.rs", "it app/tests/it.rs",
                                  "loose loose/src/lib.rs lib"));
}

TEST_F(RustResolverTest, ModuleTree) {
  const FileModule* http = tree_->module_of("app/src/net/http.rs");
  ASSERT_NE(http, nullptr);
  EXPECT_THAT(http->module, ElementsAre("net", "http"));
  EXPECT_TRUE(http->in_tree);
  EXPECT_THAT(tree_->module_of("app/src/model/user.rs")->module, ElementsAre("model", "user"));
  EXPECT_THAT(tree_->module_of("app/src/inline/deep.rs")->module, ElementsAre("inline", "deep"));
  EXPECT_THAT(tree_->module_of("app/src/special/x.rs")->module, ElementsAre("custom"));
  // Not declared by any `mod`: placed by its path, outside the tree.
  EXPECT_FALSE(tree_->module_of("app/src/stray.rs")->in_tree);
  EXPECT_THAT(tree_->module_of("app/src/stray.rs")->module, ElementsAre("stray"));
}

TEST_F(RustResolverTest, ModEdgesToFlatModRsInlineAndPathFiles) {
  EXPECT_THAT(edges("app/src/lib.rs"),
              ElementsAre("1 mod net -> app/src/net.rs", "2 mod model -> app/src/model/mod.rs",
                          "3 mod inline::deep -> app/src/inline/deep.rs", "5 mod custom -> app/src/special/x.rs"));
  EXPECT_THAT(edges("app/src/net.rs").front(), "1 mod http -> app/src/net/http.rs");  // a/b.rs: children in a/
  EXPECT_THAT(edges("app/src/model/mod.rs").front(), "1 mod user -> app/src/model/user.rs");
}

TEST_F(RustResolverTest, CrateSelfSuperPathsResolveToTheLongestModulePrefix) {
  EXPECT_THAT(edges("app/src/net.rs"),
              ElementsAre("1 mod http -> app/src/net/http.rs", "2 use crate::model::User -> app/src/model/mod.rs",
                          "2 use crate::model::Group -> app/src/model/mod.rs",
                          "3 use super::model -> app/src/model/mod.rs",
                          "4 path crate::model::load -> app/src/model/mod.rs", "4 path serde_json::to_string -> (external)",
                          "4 path util::helpers::h -> util/src/helpers.rs"));
  EXPECT_THAT(edges("app/src/net/http.rs"),
              ElementsAre("1 use super::super::model::User -> app/src/model/mod.rs",
                          "2 use self::inner::X -> app/src/net/http.rs", "4 use std::collections::HashMap -> (external)",
                          "5 extern_crate util -> util/src/lib.rs", "6 use u::helpers -> util/src/helpers.rs"));
  EXPECT_THAT(edges("app/src/model/user.rs"),
              ElementsAre("1 use crate::model::user::Thing -> app/src/model/user.rs",
                          "2 use crate::nothing::here -> app/src/lib.rs"));
}

TEST_F(RustResolverTest, OtherWorkspaceCratesByName) {
  EXPECT_THAT(edges("app/src/main.rs"), ElementsAre("1 use my_app::net::http::Client -> app/src/net/http.rs"));
  EXPECT_THAT(edges("app/tools/tool.rs"), ElementsAre("1 use my_app::model -> app/src/model/mod.rs"));
  EXPECT_THAT(edges("app/tests/it.rs"), ElementsAre("1 use my_app::net -> app/src/net.rs"));
}

TEST_F(RustResolverTest, FilesOutsideTheTreeResolveByTheirGuessedModule) {
  EXPECT_THAT(edges("app/src/stray.rs"), ElementsAre("1 use crate::net -> app/src/net.rs"));
}

TEST_F(RustResolverTest, CrateWithoutCargoToml) {
  EXPECT_THAT(edges("loose/src/lib.rs"), ElementsAre("1 mod a -> loose/src/a.rs"));
  EXPECT_THAT(edges("loose/src/a.rs"), ElementsAre("1 use crate::a -> loose/src/a.rs"));
}

TEST_F(RustResolverTest, WarningsForBrokenManifestsAndMissingModuleFiles) {
  ASSERT_EQ(tree_->warnings().size(), 2u);
  EXPECT_THAT(tree_->warnings()[0], ::testing::StartsWith("app/src/lib.rs:6: `mod missing;` has no file missing.rs"));
  EXPECT_THAT(tree_->warnings()[1], ::testing::StartsWith("broken/Cargo.toml: invalid Cargo.toml"));
}

TEST_F(RustResolverTest, ModuleFiles) {
  EXPECT_THAT(module("crate::net"), ElementsAre("app/src/net.rs", "app/src/net/http.rs"));
  EXPECT_THAT(module("my_app::model"), ElementsAre("app/src/model/mod.rs", "app/src/model/user.rs"));
  EXPECT_THAT(module("http"), ElementsAre("app/src/net/http.rs"));
  EXPECT_THAT(module("net::http"), ElementsAre("app/src/net/http.rs"));
  EXPECT_THAT(module("util"), ElementsAre("util/src/helpers.rs", "util/src/lib.rs"));
  EXPECT_THAT(module("ttp"), IsEmpty());  // whole segments only
  EXPECT_THAT(module("crate::"), ElementsAre(::testing::StartsWith("invalid: a Rust module path")));
  EXPECT_THAT(module("a.b"), ElementsAre(::testing::StartsWith("invalid: ")));
}

}  // namespace
}  // namespace hie::stdlib::rust
