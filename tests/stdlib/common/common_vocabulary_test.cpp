#include "stdlib/common/common_vocabulary.h"

#include <gtest/gtest.h>

#include "../../workspace/temp_tree.h"
#include "fake_language.h"

namespace hie::stdlib::common {
namespace {

using hie::testing::TempTree;
using library::ScopeData;
using testing::FakeFrontend;
using testing::FakeLibrary;

Value scope(std::vector<std::string> paths, std::string arg = "") {
  ScopeData data;
  data.kind = "Folder";
  data.arg = std::move(arg);
  data.paths = std::move(paths);
  return Value::scope(std::move(data));
}

// api -> svc -> dom, plus an upward edge dom/bad.fk -> api/a.fk and a cycle svc/s.fk <-> svc/t.fk.
class CommonVocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write("api/a.fk", "import svc.s\nimport requests.sessions\ndef handler\n");
    tree_.write("svc/s.fk", "import dom.d\nimport svc.t\nclass Service\n");
    tree_.write("svc/t.fk", "\n\nimport svc.s\n");
    tree_.write("dom/d.fk", "def model\n");
    tree_.write("dom/bad.fk", "import api.a\n");
    tree_.write("docs/x.md", "import api.a\n");
    workspace_ = std::make_unique<workspace::Workspace>(workspace::Workspace::open(tree_.root(), {}));
    cache_ = std::make_unique<graph::FactCache>(tree_.root(), false);
    options_.workspace = workspace_.get();
    options_.cache = cache_.get();
    options_.jobs = 2;
    index_ = std::make_shared<LanguageIndex>(std::make_shared<FakeFrontend>(), options_);
    library_ = std::make_unique<FakeLibrary>(index_);
  }

  Value folder(std::string_view dir) {
    auto files = workspace_->files_under(dir);
    return scope({files.begin(), files.end()}, std::string(dir));
  }
  Result<CheckOutcome> check(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_};
    return library_->check(function, args, ctx);
  }
  Result<Value> call(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_};
    return library_->call(function, args, ctx);
  }
  CheckOutcome outcome(std::string_view function, std::vector<Value> args) {
    auto result = check(function, std::move(args));
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : CheckOutcome::error("", "");
  }

  TempTree tree_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<graph::FactCache> cache_;
  StdlibOptions options_;
  std::shared_ptr<LanguageIndex> index_;
  std::unique_ptr<FakeLibrary> library_;
};

TEST_F(CommonVocabularyTest, Selectors) {
  auto module = call("module_selector", {Value::string("svc.s")});
  ASSERT_TRUE(module.ok());
  EXPECT_EQ(module.value().as_scope().paths, (std::vector<std::string>{"svc/s.fk"}));
  EXPECT_EQ(module.value().as_scope().language, "fake");
  EXPECT_TRUE(call("module_selector", {Value::string("nope")}).value().as_scope().paths.empty());
  auto invalid = call("module_selector", {Value::string("a..b")});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, "E901");

  auto files = call("files", {scope({"docs/x.md", "svc/s.fk", "svc/t.fk"})});
  EXPECT_EQ(files.value().as_scope().paths, (std::vector<std::string>{"svc/s.fk", "svc/t.fk"}));

  auto declaring = call("symbol_selector", {Value::string("class"), Value::string("Service")});
  EXPECT_EQ(declaring.value().as_scope().paths, (std::vector<std::string>{"svc/s.fk"}));
  EXPECT_EQ(call("symbol_selector", {Value::string("struct"), Value::string("X")}).error().code, "E901");
}

TEST_F(CommonVocabularyTest, SymbolExistsWithAndWithoutScope) {
  EXPECT_EQ(outcome("function_exists", {Value::string("model")}).status, CheckOutcome::Status::Pass);
  EXPECT_EQ(outcome("function_exists", {folder("dom"), Value::string("model")}).status, CheckOutcome::Status::Pass);
  auto missing = outcome("function_exists", {folder("api"), Value::string("model")});
  EXPECT_EQ(missing.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(missing.message, "No function named 'model' found in 'api'");
  EXPECT_EQ(outcome("class_exists", {Value::string("Nope")}).message, "No class named 'Nope' found");
}

TEST_F(CommonVocabularyTest, DependsOnAndNoDependency) {
  EXPECT_EQ(outcome("depends_on", {folder("api"), folder("svc")}).status, CheckOutcome::Status::Pass);
  auto none = outcome("depends_on", {folder("api"), folder("dom")});
  EXPECT_EQ(none.message, "No dependency from 'api' to 'dom' found");
  auto forbidden = outcome("no_dependency", {folder("dom"), folder("api")});
  EXPECT_EQ(forbidden.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(forbidden.message, "1 forbidden dependency from 'dom' to 'api': dom/bad.fk:1 -> api/a.fk");
  ASSERT_EQ(forbidden.evidence.size(), 1u);
  EXPECT_EQ(forbidden.evidence[0].file, "dom/bad.fk");
  EXPECT_EQ(forbidden.evidence[0].line, 1u);
  // docs/x.md "imports" api too, but it is not a file of the language.
  EXPECT_EQ(outcome("no_dependency", {folder("docs"), folder("api")}).status, CheckOutcome::Status::Pass);
}

TEST_F(CommonVocabularyTest, ImportsMatchModulesAndSubmodulesNotPrefixes) {
  EXPECT_EQ(outcome("no_import", {folder("api"), Value::string("req")}).status, CheckOutcome::Status::Pass);
  auto found = outcome("no_import", {folder("."), Value::string("requests")});
  EXPECT_EQ(found.message, "1 import of 'requests' in '.': api/a.fk:2");
  ASSERT_EQ(found.evidence.size(), 1u);
  EXPECT_EQ(found.evidence[0].line, 2u);
}

TEST_F(CommonVocabularyTest, OwnFunctionHidesTheCommonOne) {
  // FakeLibrary defines `imports(module)`: the common `imports(scope, module)` is gone, with all its signatures.
  EXPECT_EQ(outcome("imports", {Value::string("x")}).message, "legacy imports x");
  auto wrong = check("imports", {folder("api"), Value::string("requests")});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "E900");
}

TEST_F(CommonVocabularyTest, NoCyclesPrintsOneFullCycle) {
  auto cycle = outcome("no_cycles", {folder(".")});
  EXPECT_EQ(cycle.status, CheckOutcome::Status::Fail);
  // Cycles: api/a -> svc/s -> dom/d? no; dom/bad -> api/a -> svc/s -> svc/t -> svc/s. The first file on a cycle
  // is svc/s.fk.
  EXPECT_EQ(cycle.message, "Dependency cycle in '.': svc/s.fk:2 -> svc/t.fk, svc/t.fk:3 -> svc/s.fk");
  ASSERT_EQ(cycle.evidence.size(), 2u);
  EXPECT_EQ(cycle.evidence[1].file, "svc/t.fk");
  EXPECT_EQ(cycle.evidence[1].line, 3u);
  EXPECT_EQ(outcome("no_cycles", {folder("dom")}).status, CheckOutcome::Status::Pass);
}

TEST_F(CommonVocabularyTest, Layers) {
  auto upward = outcome("layers", {Value::list({folder("api"), folder("svc"), folder("dom")})});
  EXPECT_EQ(upward.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(upward.message, "1 dependency goes up the layers: dom/bad.fk:1 -> api/a.fk");
  EXPECT_EQ(upward.evidence.at(0).message, "-> api/a.fk (layer 'dom' depends on 'api' above it)");
  EXPECT_EQ(outcome("layers", {Value::list({folder("api"), folder("svc")})}).status, CheckOutcome::Status::Pass);
  auto not_scopes = check("layers", {Value::list({folder("api"), Value::string("svc")})});
  ASSERT_FALSE(not_scopes.ok());
  EXPECT_EQ(not_scopes.error().code, "E901");
  EXPECT_EQ(check("layers", {Value::list({})}).error().code, "E901");
}

TEST_F(CommonVocabularyTest, OnlyDependsOn) {
  EXPECT_EQ(outcome("only_depends_on", {folder("api"), Value::list({folder("svc")})}).status,
            CheckOutcome::Status::Pass);
  auto outside = outcome("only_depends_on", {folder("svc"), Value::list({})});
  EXPECT_EQ(outside.message, "1 dependency of 'svc' outside the allowed scopes: svc/s.fk:1 -> dom/d.fk");
}

TEST_F(CommonVocabularyTest, UnknownFunctionsAndWrongArguments) {
  auto unknown = check("nope", {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "E999");
  EXPECT_EQ(unknown.error().message, "Unknown check function: fake.nope");
  EXPECT_EQ(call("no_cycles", {folder(".")}).error().message,
            "Unknown function: fake.no_cycles (fake.no_cycles is a check: use it in a `check` statement)");
  auto wrong = check("function_exists", {Value::integer(3)});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "E900");
  EXPECT_NE(wrong.error().message.find("fake.function_exists(name: string) or fake.function_exists(scope, name: string)"),
            std::string::npos)
      << wrong.error().message;
}

TEST_F(CommonVocabularyTest, DescribeListsOwnThenCommonFunctions) {
  library::CallContext ctx{*workspace_};
  auto doc = library_->describe(ctx);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().name, "fake");
  EXPECT_EQ(doc.value().functions.front().description, "legacy imports");
  int exists_signatures = 0;
  for (const auto& function : doc.value().functions) exists_signatures += function.name == "class_exists";
  EXPECT_EQ(exists_signatures, 2);
}

}  // namespace
}  // namespace hie::stdlib::common
