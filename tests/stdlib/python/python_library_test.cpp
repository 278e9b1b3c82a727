// The python library on the python_shop fixture: every function of the older tool, the scope forms, the common
// vocabulary, and the older tool's false positives (comments, strings, prefix names) now answered right.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/fact_cache.h"
#include "library/registry.h"
#include "stdlib/common/language_index.h"
#include "stdlib/python/register.h"
#include "tests/workspace/temp_tree.h"
#include "workspace/workspace.h"

namespace hie::stdlib::python {
namespace {

using library::CheckOutcome;
using library::Value;
using Paths = std::vector<std::string>;
using Status = CheckOutcome::Status;

class PythonLibraryTest : public ::testing::Test {
 protected:
  void open(const std::filesystem::path& root, std::vector<std::string> roots = {}, bool ignore_type_only = false) {
    workspace_.emplace(workspace::Workspace::open(root, {}));
    cache_ = std::make_unique<graph::FactCache>(root, false);
    common::StdlibOptions options;
    options.workspace = &*workspace_;
    options.cache = cache_.get();
    options.jobs = 2;
    options.languages["python"].roots = std::move(roots);
    options.languages["python"].ignore_type_only = ignore_type_only;
    registry_ = std::make_unique<library::LibraryRegistry>();
    index_ = register_python(*registry_, options);
    library_ = registry_->find("python");
  }
  void open_shop() { open(std::string(HIE_SOURCE_DIR) + "/testdata/workspaces/python_shop", {"plugins"}); }

  library::Result<Value> call(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_, nullptr};
    return library_->call(function, args, ctx);
  }
  library::Result<CheckOutcome> check(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_, nullptr};
    return library_->check(function, args, ctx);
  }
  Paths select(std::string_view function, std::vector<Value> args) {
    auto result = call(function, std::move(args));
    EXPECT_TRUE(result.ok()) << function << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value().as_scope().paths : Paths{};
  }
  CheckOutcome outcome(std::string_view function, std::vector<Value> args) {
    auto result = check(function, std::move(args));
    EXPECT_TRUE(result.ok()) << function << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : CheckOutcome::error("", "library error");
  }
  Value module(std::string name) {
    auto result = call("module_selector", {Value::string(std::move(name))});
    EXPECT_TRUE(result.ok());
    return result.ok() ? result.value() : Value::scope({});
  }
  static Value str(std::string s) { return Value::string(std::move(s)); }
  static Value folder(std::string arg, Paths paths) {
    return Value::scope({"Folder", std::move(arg), std::move(paths), std::nullopt, true});
  }
  Value tools() { return folder("tools", {"tools/legacy.py"}); }

  std::optional<workspace::Workspace> workspace_;
  std::unique_ptr<graph::FactCache> cache_;
  std::unique_ptr<library::LibraryRegistry> registry_;
  std::shared_ptr<const common::LanguageIndex> index_;
  library::Library* library_ = nullptr;
};

TEST_F(PythonLibraryTest, ModuleSelector) {
  open_shop();
  EXPECT_EQ(select("module_selector", {str("shop.domain")}),
            (Paths{"src/shop/domain/__init__.py", "src/shop/domain/models.py", "src/shop/domain/pricing.py"}));
  EXPECT_EQ(select("module_selector", {str("shop.api.handlers")}), (Paths{"src/shop/api/handlers.py"}));
  EXPECT_EQ(select("module_selector", {str("extra.plug")}), (Paths{"plugins/extra/plug.py"}));  // [python] roots
  EXPECT_EQ(select("module_selector", {str("handlers")}), Paths{});  // the older tool matched any file stem
  const auto scope = module("shop.api");
  EXPECT_EQ(scope.as_scope().language, "python");
  auto bad = call("module_selector", {str("shop..api")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E404");
  bad = call("module_selector", {Value::integer(1)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E400");
  EXPECT_EQ(bad.error().message.rfind("module_selector requires a module path", 0), 0u) << bad.error().message;
}

TEST_F(PythonLibraryTest, FunctionAndClassSelectorsAreExact) {
  open_shop();
  // The older tool matched `def parse(` in tools/legacy.py's string and docstring; and `parse` is not `parse_expr`.
  EXPECT_EQ(select("function_selector", {str("parse")}), Paths{});
  EXPECT_EQ(select("function_selector", {str("parse_expr")}), (Paths{"src/shop/domain/pricing.py"}));
  EXPECT_EQ(select("function_selector", {str("total")}), (Paths{"src/shop/domain/models.py"}));  // a method
  EXPECT_EQ(select("function_selector", {module("shop.api"), str("list_orders")}), (Paths{"src/shop/api/handlers.py"}));
  EXPECT_EQ(select("function_selector", {module("shop.domain"), str("list_orders")}), Paths{});
  EXPECT_EQ(select("class_selector", {str("Order")}), (Paths{"src/shop/domain/models.py"}));
  EXPECT_EQ(select("class_selector", {str("Ord")}), Paths{});
  EXPECT_EQ(select("class_selector", {module("shop.infra"), str("Database")}), (Paths{"src/shop/infra/db.py"}));
  auto bad = call("function_selector", {Value::integer(3)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E401");
}

TEST_F(PythonLibraryTest, SymbolExistence) {
  open_shop();
  EXPECT_EQ(outcome("function_exists", {str("parse_expr")}).status, Status::Pass);
  EXPECT_EQ(outcome("function_exists", {str("describe")}).status, Status::Pass);  // a method
  const auto missing = outcome("function_exists", {str("parse")});
  EXPECT_EQ(missing.status, Status::Fail);
  EXPECT_EQ(missing.message, "No function named 'parse' found");
  EXPECT_EQ(outcome("function_exists", {module("shop.api"), str("parse_expr")}).status, Status::Fail);
  EXPECT_EQ(outcome("class_exists", {module("shop.domain"), str("Money")}).status, Status::Pass);
  EXPECT_EQ(outcome("class_exists", {str("Fake")}).status, Status::Fail);
  EXPECT_EQ(outcome("method_exists", {str("query")}).status, Status::Pass);
  EXPECT_EQ(outcome("method_exists", {str("parse_expr")}).status, Status::Fail);
}

TEST_F(PythonLibraryTest, ImportsAndNoImport) {
  open_shop();
  EXPECT_EQ(outcome("imports", {module("shop.api"), str("requests")}).status, Status::Pass);
  EXPECT_EQ(outcome("imports", {module("shop.domain"), str("typing")}).status, Status::Pass);
  EXPECT_EQ(outcome("imports", {module("shop.domain"), str("decimal.Decimal")}).status, Status::Pass);
  EXPECT_EQ(outcome("imports", {module("shop.api.views"), str("shop.infra")}).status, Status::Pass);  // type-only
  EXPECT_EQ(outcome("imports", {module("shop.api.views"), str("json")}).status, Status::Pass);        // in a function
  // The older tool's false positives: a docstring, a comment and a string literal.
  auto result = outcome("imports", {tools(), str("requests")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Scope does not import 'requests'");
  EXPECT_EQ(outcome("imports", {module("shop.domain"), str("shop.api")}).status, Status::Fail);
  EXPECT_EQ(outcome("imports", {module("shop.api"), str("req")}).status, Status::Fail);  // whole names
  EXPECT_EQ(outcome("no_import", {module("shop.domain"), str("requests")}).status, Status::Pass);
  result = outcome("no_import", {module("shop.api"), str("requests")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Scope imports 'requests' but should not");
  ASSERT_EQ(result.evidence.size(), 1u);
  EXPECT_EQ(result.evidence[0].file, "src/shop/api/handlers.py");
  EXPECT_EQ(result.evidence[0].line, 2u);
  EXPECT_EQ(result.evidence[0].message, "import requests");
  auto bad = check("imports", {str("src"), str("requests")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E410");
  EXPECT_EQ(bad.error().message.rfind("imports requires a scope", 0), 0u) << bad.error().message;
  bad = check("no_import", {module("shop"), Value::integer(1)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E413");
}

TEST_F(PythonLibraryTest, ReturnTypes) {
  open_shop();
  EXPECT_EQ(outcome("returns_type", {module("shop.api"), str("Response")}).status, Status::Pass);
  EXPECT_EQ(outcome("returns_type", {module("shop.domain"), str("Money")}).status, Status::Pass);  // "Money"
  EXPECT_EQ(outcome("returns_type", {module("shop.domain"), str("Optional[Order]")}).status, Status::Pass);
  EXPECT_EQ(outcome("returns_type", {module("shop.api"), str("models.Order")}).status, Status::Pass);
  auto result = outcome("returns_type", {tools(), str("Response")});  // only ResponseList, and a docstring
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "No function returns type 'Response'");
  EXPECT_EQ(outcome("returns_type", {module("shop.domain"), str("Mon")}).status, Status::Fail);

  EXPECT_EQ(outcome("function_returns_type", {module("shop.domain"), str("find_order"), str("Order")}).status,
            Status::Pass);
  EXPECT_EQ(outcome("function_returns_type", {module("shop.domain"), str("price"), str("Money")}).status, Status::Pass);
  result = outcome("function_returns_type", {module("shop.domain"), str("total"), str("int")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Function 'total' does not return type 'int'");
  ASSERT_EQ(result.evidence.size(), 1u);
  EXPECT_EQ(result.evidence[0].file, "src/shop/domain/models.py");
  EXPECT_EQ(result.evidence[0].line, 11u);
  EXPECT_EQ(result.evidence[0].message, "'total' returns 'Decimal'");
  result = outcome("function_returns_type", {module("shop.domain"), str("compute"), str("int")});
  ASSERT_EQ(result.evidence.size(), 1u);
  EXPECT_EQ(result.evidence[0].message, "'compute' has no return annotation");
  // The older tool matched `def parse(` as a prefix of `def parse_expr(`.
  EXPECT_EQ(outcome("function_returns_type", {module("shop.domain"), str("parse"), str("Money")}).status, Status::Fail);
  auto bad = check("function_returns_type", {module("shop"), str("f")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E418");
}

TEST_F(PythonLibraryTest, Calls) {
  open_shop();
  EXPECT_EQ(outcome("calls", {module("shop.api"), str("requests")}).status, Status::Pass);
  EXPECT_EQ(outcome("calls", {module("shop.api"), str("requests.get")}).status, Status::Pass);
  EXPECT_EQ(outcome("calls", {module("shop.api"), str("logger")}).status, Status::Pass);
  EXPECT_EQ(outcome("calls", {module("shop.api"), str("app.route")}).status, Status::Pass);        // a decorator
  EXPECT_EQ(outcome("calls", {module("shop.domain.models"), str("total")}).status, Status::Pass);  // in an f-string
  auto result = outcome("calls", {tools(), str("requests")});                                      // only in a comment
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Scope does not call 'requests'");
  EXPECT_EQ(outcome("calls", {module("shop.api"), str("log")}).status, Status::Fail);

  EXPECT_EQ(outcome("calls_function", {module("shop.api"), str("logger"), str("error")}).status, Status::Pass);
  EXPECT_EQ(outcome("calls_function", {tools(), str("os.path"), str("join")}).status, Status::Pass);
  EXPECT_EQ(outcome("calls_function", {tools(), str("path"), str("join")}).status, Status::Pass);
  result = outcome("calls_function", {module("shop.api"), str("logger"), str("debug")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Scope does not call 'logger.debug'");
  EXPECT_EQ(outcome("calls_function", {module("shop.api"), str("ogger"), str("info")}).status, Status::Fail);

  EXPECT_EQ(outcome("calls_scope", {module("shop.api"), module("shop.domain")}).status, Status::Pass);
  result = outcome("calls_scope", {tools(), module("shop.domain")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_EQ(result.message, "Source scope does not call anything in target scope");
  auto bad = check("calls_scope", {module("shop"), str("x")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "E425");
}

TEST_F(PythonLibraryTest, DependencyChecks) {
  open_shop();
  EXPECT_EQ(outcome("depends_on", {module("shop.api"), module("shop.domain")}).status, Status::Pass);
  EXPECT_EQ(outcome("depends_on", {module("shop.domain"), module("shop.api")}).status, Status::Fail);
  const auto result = outcome("no_dependency", {module("shop.infra"), module("shop.api")});
  EXPECT_EQ(result.status, Status::Fail);
  ASSERT_FALSE(result.evidence.empty());
  EXPECT_EQ(result.evidence[0].file, "src/shop/infra/db.py");
  EXPECT_EQ(result.evidence[0].line, 1u);
  EXPECT_EQ(outcome("no_cycles", {module("shop")}).status, Status::Pass);
  EXPECT_EQ(outcome("layers", {Value::list({module("shop.api"), module("shop.domain")})}).status, Status::Pass);
  // api/views.py imports shop.infra.db under TYPE_CHECKING: type-only edges count.
  EXPECT_EQ(outcome("layers", {Value::list({module("shop.infra"), module("shop.api"), module("shop.domain")})}).status,
            Status::Fail);
  EXPECT_EQ(outcome("layers", {Value::list({module("shop.domain"), module("shop.api")})}).status, Status::Fail);
}

TEST_F(PythonLibraryTest, EdgesOfTheFixture) {
  open_shop();
  std::vector<std::string> shown;
  for (const auto& edge : index_->edges("src/shop/api/handlers.py")) {
    shown.push_back(std::to_string(edge.line) + " " + edge.module + " -> " + edge.to.value_or("(external)"));
  }
  EXPECT_EQ(shown, (std::vector<std::string>{"1 logging -> (external)", "2 requests -> (external)",
                                             "4 ..domain -> src/shop/domain/models.py",
                                             "6 shop.domain.pricing -> src/shop/domain/pricing.py",
                                             "7 shop.domain.pricing -> src/shop/domain/pricing.py"}));
  const auto& views = index_->edges("src/shop/api/views.py");
  ASSERT_EQ(views.size(), 3u);
  EXPECT_EQ(views[1].to, "src/shop/infra/db.py");
  EXPECT_TRUE(views[1].type_only);
  const auto& plug = index_->edges("plugins/extra/plug.py");
  ASSERT_EQ(plug.size(), 1u);
  EXPECT_EQ(plug[0].to, "src/shop/domain/models.py");
}

TEST_F(PythonLibraryTest, TypeOnlyImportsCanBeIgnored) {
  open(std::string(HIE_SOURCE_DIR) + "/testdata/workspaces/python_shop", {"plugins"}, /*ignore_type_only=*/true);
  const auto& views = index_->edges("src/shop/api/views.py");
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[0].module, "typing");
  EXPECT_EQ(views[1].module, "json");  // inside a function: still an edge
  EXPECT_EQ(outcome("layers", {Value::list({module("shop.infra"), module("shop.api"), module("shop.domain")})}).status,
            Status::Pass);
}

TEST_F(PythonLibraryTest, CyclesAndWarnings) {
  hie::testing::TempTree tree;
  tree.write("pkg/__init__.py", "");
  tree.write("pkg/a.py", "from pkg import b\n");
  tree.write("pkg/b.py", "\n\nfrom . import a\n");
  tree.write("pkg/broken.py", "x = 'unterminated\n");
  open(tree.root());
  const auto result = outcome("no_cycles", {module("pkg")});
  EXPECT_EQ(result.status, Status::Fail);
  EXPECT_NE(result.message.find("pkg/a.py:1"), std::string::npos) << result.message;
  EXPECT_NE(result.message.find("pkg/b.py:3"), std::string::npos) << result.message;
  EXPECT_EQ(index_->warnings(), (std::vector<std::string>{"pkg/broken.py: line 1: unterminated string literal"}));
}

TEST_F(PythonLibraryTest, DescribeDocumentsEveryFunction) {
  open_shop();
  library::CallContext ctx{*workspace_, nullptr};
  auto doc = library_->describe(ctx);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().name, "python");
  std::vector<std::string> names;
  for (const auto& function : doc.value().functions) {
    EXPECT_FALSE(function.description.empty()) << function.name;
    EXPECT_TRUE(function.example.has_value()) << function.name;
    if (names.empty() || names.back() != function.name) names.push_back(function.name);
  }
  for (const char* name :
       {"module_selector", "function_selector", "class_selector", "imports", "no_import", "returns_type",
        "function_returns_type", "calls", "calls_function", "calls_scope", "files", "symbol_selector",
        "function_exists", "class_exists", "depends_on", "no_dependency", "no_cycles", "layers", "only_depends_on"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

}  // namespace
}  // namespace hie::stdlib::python
