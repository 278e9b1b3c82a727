// The `rust` library on the fixture workspace testdata/workspaces/rust_shop: every function, including the cases
// where the older tool's substring search was wrong.
#include "stdlib/rust/rust_library.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/fact_cache.h"
#include "library/registry.h"
#include "stdlib/rust/register.h"
#include "workspace/workspace.h"

namespace hie::stdlib::rust {
namespace {

using library::CheckOutcome;
using library::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class RustLibraryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = std::filesystem::path(HIE_SOURCE_DIR) / "testdata/workspaces/rust_shop";
    workspace_ = std::make_unique<workspace::Workspace>(workspace::Workspace::open(root_, {}));
    cache_ = std::make_unique<graph::FactCache>(root_, false);
    common::StdlibOptions options;
    options.workspace = workspace_.get();
    options.cache = cache_.get();
    options.jobs = 2;
    registry_ = std::make_unique<library::LibraryRegistry>();
    index_ = register_rust(*registry_, options);
  }
  static void TearDownTestSuite() {
    index_.reset();
    registry_.reset();
    cache_.reset();
    workspace_.reset();
  }

  library::Library& rust() { return *registry_->find("rust"); }

  Value call(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_, registry_.get()};
    auto result = rust().call(function, args, ctx);
    EXPECT_TRUE(result.ok()) << function << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : Value();
  }
  std::vector<std::string> paths(std::string_view function, std::vector<Value> args) {
    Value v = call(function, std::move(args));
    return v.is_scope() ? v.as_scope().paths : std::vector<std::string>{};
  }
  // "pass", "fail: message" or "error CODE: message".
  std::string check(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_, registry_.get()};
    auto result = rust().check(function, args, ctx);
    if (!result.ok()) return "error " + result.error().code + ": " + result.error().message;
    const CheckOutcome& o = result.value();
    if (o.status == CheckOutcome::Status::Pass) return "pass";
    if (o.status == CheckOutcome::Status::Fail) return "fail: " + o.message;
    return "error " + o.code + ": " + o.message;
  }
  static Value str(std::string s) { return Value::string(std::move(s)); }
  static Value folder(std::string dir) {
    library::ScopeData scope{"Folder", dir, {}, std::nullopt, true};
    for (const auto& f : workspace_->files_under(dir)) scope.paths.push_back(f);
    return Value::scope(std::move(scope));
  }
  static Value file(std::string path) { return Value::scope({"File", path, {path}, std::nullopt, true}); }

  static inline std::filesystem::path root_;
  static inline std::unique_ptr<workspace::Workspace> workspace_;
  static inline std::unique_ptr<graph::FactCache> cache_;
  static inline std::unique_ptr<library::LibraryRegistry> registry_;
  static inline std::shared_ptr<const common::LanguageIndex> index_;
};

const std::string kShop = "crates/shop/src/";

TEST_F(RustLibraryTest, CrateSelector) {
  EXPECT_THAT(paths("crate_selector", {str("core-types")}),
              ElementsAre("crates/core-types/src/lib.rs", "crates/core-types/src/model.rs"));
  EXPECT_THAT(paths("crate_selector", {str("shop")}),
              ElementsAre(kShop + "api/handlers.rs", kShop + "api/mod.rs", kShop + "db.rs", kShop + "domain.rs",
                          kShop + "domain_rules.rs", kShop + "main.rs", kShop + "orphan.rs"));
  EXPECT_THAT(paths("crate_selector", {str("nope")}), IsEmpty());
}

TEST_F(RustLibraryTest, ModuleSelectorIsExact) {
  EXPECT_THAT(paths("module_selector", {str("shop::api")}), ElementsAre(kShop + "api/handlers.rs", kShop + "api/mod.rs"));
  EXPECT_THAT(paths("module_selector", {str("crate::domain")}), ElementsAre(kShop + "domain.rs", kShop + "domain_rules.rs"));
  EXPECT_THAT(paths("module_selector", {str("handlers")}), ElementsAre(kShop + "api/handlers.rs"));
  EXPECT_THAT(paths("module_selector", {str("core_types::model")}), ElementsAre("crates/core-types/src/model.rs"));
  // The older tool kept only the last segment: 'other::api' found shop's api.
  EXPECT_THAT(paths("module_selector", {str("other::api")}), IsEmpty());
}

TEST_F(RustLibraryTest, SymbolSelectorsMatchWholeNamesOfRealDeclarations) {
  EXPECT_THAT(paths("function_selector", {str("parse_expr")}), ElementsAre(kShop + "api/handlers.rs"));
  EXPECT_THAT(paths("function_selector", {str("parse")}), IsEmpty());  // older: prefix of parse_expr, and db.rs's comment
  EXPECT_THAT(paths("struct_selector", {str("Ghost")}), IsEmpty());    // only in a comment
  EXPECT_THAT(paths("enum_selector", {str("Token")}), IsEmpty());      // older: prefix of TokenKind
  EXPECT_THAT(paths("enum_selector", {str("TokenKind")}), ElementsAre("crates/core-types/src/model.rs"));
  EXPECT_THAT(paths("trait_selector", {str("Priced")}), ElementsAre(kShop + "domain.rs"));
  EXPECT_THAT(paths("impl_selector", {str("Order")}), ElementsAre("crates/core-types/src/model.rs"));
  EXPECT_THAT(paths("const_selector", {str("DEFAULT_POOL_SIZE")}), ElementsAre(kShop + "db.rs"));
  EXPECT_THAT(paths("struct_selector", {folder("crates/core-types"), str("Cart")}), IsEmpty());
  EXPECT_THAT(paths("struct_selector", {folder("crates/shop"), str("Cart")}), ElementsAre(kShop + "domain.rs"));
}

TEST_F(RustLibraryTest, ExistsChecksWithOlderMessagesAndOptionalScope) {
  EXPECT_EQ(check("function_exists", {str("handle")}), "pass");
  EXPECT_EQ(check("function_exists", {str("parse")}), "fail: Function 'parse' not found");
  EXPECT_EQ(check("function_exists", {folder("crates/core-types"), str("handle")}),
            "fail: Function 'handle' not found in 'crates/core-types'");
  EXPECT_EQ(check("struct_exists", {str("Ghost")}), "fail: Struct 'Ghost' not found");
  EXPECT_EQ(check("enum_exists", {str("Token")}), "fail: Enum 'Token' not found");
  EXPECT_EQ(check("trait_exists", {str("Priced")}), "pass");
  EXPECT_EQ(check("impl_exists", {str("Cart")}), "pass");
  EXPECT_EQ(check("impl_exists", {str("Pool")}), "fail: Impl for 'Pool' not found");
  // The common vocabulary's kinds the older tool did not have.
  EXPECT_EQ(check("module_exists", {str("handlers")}), "pass");
  EXPECT_EQ(check("const_exists", {str("DEFAULT_POOL_SIZE")}), "pass");
}

TEST_F(RustLibraryTest, ArgumentErrorsKeepTheOlderCodes) {
  EXPECT_THAT(check("function_exists", {Value::integer(3)}),
              ::testing::StartsWith("error E312: function_exists requires a function name"));
  EXPECT_THAT(check("implements", {str("A")}), ::testing::StartsWith("error E316: implements requires a trait name"));
  EXPECT_THAT(check("has_tests", {str("src")}), ::testing::StartsWith("error E322: has_tests requires a scope"));
  EXPECT_THAT(check("no_such_check", {}), ::testing::StartsWith("error E399: Unknown check function: rust.no_such_check"));
}

TEST_F(RustLibraryTest, Implements) {
  EXPECT_EQ(check("implements", {str("Order"), str("Display")}), "pass");  // impl fmt::Display for Order
  EXPECT_EQ(check("implements", {str("Order"), str("std::fmt::Display")}), "pass");
  EXPECT_EQ(check("implements", {str("Order"), str("Default")}), "pass");
  EXPECT_EQ(check("implements", {str("Cart"), str("Priced")}), "pass");
  EXPECT_EQ(check("implements", {str("Cart"), str("Display")}), "fail: 'Cart' does not implement 'Display'");
  EXPECT_EQ(check("implements", {folder("crates/core-types"), str("Cart"), str("Priced")}),
            "fail: 'Cart' does not implement 'Priced' in 'crates/core-types'");
}

TEST_F(RustLibraryTest, Uses) {
  EXPECT_EQ(check("uses", {file(kShop + "api/handlers.rs"), str("crate::db")}), "pass");
  EXPECT_EQ(check("uses", {file(kShop + "api/handlers.rs"), str("serde")}), "pass");
  EXPECT_EQ(check("uses", {file(kShop + "api/mod.rs"), str("core_types")}), "pass");
  // main.rs writes `api::serve()` (a child module): that is crate::api.
  EXPECT_EQ(check("uses", {file(kShop + "main.rs"), str("crate::api")}), "pass");
  EXPECT_EQ(check("uses", {file(kShop + "domain_rules.rs"), str("crate::domain")}), "pass");  // use super::Cart
  // db.rs mentions crate::api only in a comment and a string.
  EXPECT_EQ(check("uses", {file(kShop + "db.rs"), str("api")}), "fail: Module does not use 'api'");
}

TEST_F(RustLibraryTest, DerivesDocsTests) {
  EXPECT_EQ(check("has_derive", {folder("crates/core-types"), str("Clone")}), "pass");
  // db.rs has "#[derive(Clone)]" in a string only; domain.rs derives Default and Debug.
  EXPECT_EQ(check("has_derive", {file(kShop + "db.rs"), str("Clone")}), "fail: No #[derive(Clone)] found");
  EXPECT_EQ(check("has_derive", {file(kShop + "domain.rs"), str("Clone")}), "fail: No #[derive(Clone)] found");
  EXPECT_EQ(check("has_docs", {folder("crates/core-types")}), "pass");
  EXPECT_EQ(check("has_docs", {folder("crates/shop/src/api")}), "fail: No documentation comments found");
  EXPECT_EQ(check("has_tests", {file(kShop + "domain.rs")}), "pass");
  EXPECT_EQ(check("has_tests", {file(kShop + "db.rs")}), "fail: No tests found");  // "#[test]" in a comment
}

TEST_F(RustLibraryTest, DependsOnAndNoDependencyUseTheModuleTree) {
  const Value api = call("module_selector", {str("shop::api")});
  const Value db = call("module_selector", {str("shop::db")});
  const Value domain = call("module_selector", {str("shop::domain")});
  const Value core = call("crate_selector", {str("core-types")});
  EXPECT_EQ(check("depends_on", {api, db}), "pass");
  EXPECT_EQ(check("depends_on", {api, core}), "pass");  // use core_types::Order
  EXPECT_EQ(check("depends_on", {db, api}), "fail: No dependency found: source does not use 'handlers, api'");
  // The older tool found `api::` in db.rs's comments and strings.
  EXPECT_EQ(check("no_dependency", {db, api}), "pass");
  EXPECT_EQ(check("no_dependency", {api, domain}),
            "fail: Forbidden dependency detected: crates/shop/src/api/mod.rs:3 -> crates/shop/src/domain.rs (use "
            "crate::domain::Cart), crates/shop/src/api/mod.rs:7 -> crates/shop/src/domain.rs (path "
            "crate::domain::Cart::default)");
  EXPECT_EQ(check("depends_on", {domain, core}), "pass");  // the code path core_types::Order
}

TEST_F(RustLibraryTest, NoDependencyFailureCarriesEvidence) {
  library::CallContext ctx{*workspace_, registry_.get()};
  std::vector<Value> args{call("module_selector", {str("shop::api")}), call("module_selector", {str("shop::domain")})};
  auto result = rust().check("no_dependency", args, ctx);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().evidence.size(), 2u);
  EXPECT_EQ(result.value().evidence[0].file, kShop + "api/mod.rs");
  EXPECT_EQ(result.value().evidence[0].line, 3u);
  EXPECT_EQ(result.value().evidence[0].message, "use crate::domain::Cart -> crates/shop/src/domain.rs");
  EXPECT_EQ(result.value().evidence[1].line, 7u);
}

TEST_F(RustLibraryTest, DependencyChecksErrorsLikeTheOlderTool) {
  Value empty = Value::scope({"Folder", "nothing", {}, std::nullopt, true});
  EXPECT_EQ(check("depends_on", {empty, folder("crates")}), "error E308: Source scope has no paths");
  EXPECT_THAT(check("depends_on", {folder("crates"), file("Cargo.toml")}),
              ::testing::StartsWith("error E308: Could not determine target module names"));
}

TEST_F(RustLibraryTest, PipelineConnectsAndTypeCompatible) {
  const Value order = call("struct_selector", {str("Order")});
  const Value cart = call("struct_selector", {str("Cart")});
  const Value api = call("module_selector", {str("shop::api")});
  const Value db = call("module_selector", {str("shop::db")});
  EXPECT_EQ(check("pipeline_connects", {order, api}), "pass");  // api uses Order
  EXPECT_EQ(check("pipeline_connects", {order, db}), "fail: Pipeline not connected: 'Order' is not used by input scope");
  EXPECT_EQ(check("pipeline_connects", {db, api}), "pass");  // db's first pub struct is Pool, used by handlers
  EXPECT_EQ(check("type_compatible", {order, cart}), "pass");  // Cart holds Orders
  EXPECT_EQ(check("type_compatible", {db, order}), "fail: Types 'Pool' and 'Order' are not compatible");
  Value no_types = call("module_selector", {str("shop::api")});
  EXPECT_EQ(check("type_compatible", {no_types, order}), "error E308: Could not determine type from first scope");
}

TEST_F(RustLibraryTest, CommonVocabularyOverTheRustGraph) {
  const Value api = call("module_selector", {str("shop::api")});
  const Value db = call("module_selector", {str("shop::db")});
  const Value domain = call("module_selector", {str("shop::domain")});
  EXPECT_EQ(check("imports", {api, str("serde")}), "pass");
  EXPECT_EQ(check("imports", {db, str("serde")}), "fail: No file in 'shop::db' imports 'serde'");
  EXPECT_THAT(check("no_import", {api, str("core_types")}), HasSubstr("crates/shop/src/api/mod.rs:4"));
  EXPECT_EQ(check("no_cycles", {api}), "pass");
  // domain.rs calls `rules::total` and the child does `use super::Cart;`: a cycle of uses between the two files
  // (the `mod rules;` at line 2 is not a use and never part of a cycle).
  EXPECT_EQ(check("no_cycles", {domain}),
            "fail: Dependency cycle in 'shop::domain': crates/shop/src/domain.rs:15 -> crates/shop/src/domain_rules.rs, "
            "crates/shop/src/domain_rules.rs:1 -> crates/shop/src/domain.rs");
  EXPECT_EQ(check("layers", {Value::list({api, domain, db})}), "pass");
  EXPECT_THAT(check("layers", {Value::list({db, api})}), HasSubstr("api/handlers.rs:1"));
  EXPECT_EQ(check("only_depends_on", {api, Value::list({db, domain, call("crate_selector", {str("core-types")})})}),
            "pass");
}

TEST_F(RustLibraryTest, EdgesOfTheIndex) {
  std::vector<std::string> edges;
  for (const auto& e : index_->edges(kShop + "domain.rs")) {
    edges.push_back(std::to_string(e.line) + " " + e.kind + " " + e.module + " -> " + e.to.value_or("(external)"));
  }
  // `Order` is re-exported by core_types' lib.rs (`pub use model::Order`): the longest module prefix is the root.
  EXPECT_THAT(edges, ElementsAre("2 mod rules -> crates/shop/src/domain_rules.rs",
                                 "6 path core_types::Order -> crates/core-types/src/lib.rs",
                                 "15 path self::rules::total -> crates/shop/src/domain_rules.rs"));
}

TEST_F(RustLibraryTest, DescribeListsEveryFunction) {
  library::CallContext ctx{*workspace_, registry_.get()};
  auto doc = rust().describe(ctx);
  ASSERT_TRUE(doc.ok());
  std::set<std::string> names;
  for (const auto& f : doc.value().functions) names.insert(f.name);
  for (const char* name : {"crate_selector", "module_selector", "struct_selector", "enum_selector", "function_selector",
                           "trait_selector", "impl_selector", "const_selector", "struct_exists", "enum_exists",
                           "function_exists", "trait_exists", "impl_exists", "module_exists", "const_exists",
                           "implements", "uses", "has_derive", "has_docs", "has_tests", "depends_on", "no_dependency",
                           "pipeline_connects", "type_compatible", "files", "symbol_selector", "imports", "no_import",
                           "no_cycles", "layers", "only_depends_on"}) {
    EXPECT_TRUE(names.count(name)) << name;
  }
}

}  // namespace
}  // namespace hie::stdlib::rust
