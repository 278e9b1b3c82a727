#include "stdlib/arch/arch_library.h"

#include <gtest/gtest.h>

#include "../../workspace/temp_tree.h"
#include "../common/fake_language.h"

namespace hie::stdlib::arch {
namespace {

using hie::testing::TempTree;
using library::CheckOutcome;
using library::ScopeData;
using library::Value;

// A second fake language (".fk2" files resolving `import x` to `x.fk`) shows that arch sees the union graph.
class OtherFrontend final : public common::LanguageFrontend {
 public:
  std::string_view language() const override { return "other"; }
  bool handles(std::string_view path) const override { return path.ends_with(".fk2"); }
  std::uint32_t extractor_version() const override { return 1; }
  graph::FileFacts extract(std::string_view text) const override { return inner_.extract(text); }
  std::unique_ptr<common::Resolver> prepare(const common::LanguageIndex& index) const override {
    return inner_.prepare(index);
  }
  std::vector<std::string> symbol_kinds() const override { return {"function"}; }
  std::string_view module_separator() const override { return "."; }

 private:
  common::testing::FakeFrontend inner_;
};

class ArchLibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Edges: other/b.fk2 -> a.fk (from the second language into the first), a.fk -> c.fk.
    tree_.write("a.fk", "import c\n");
    tree_.write("c.fk", "\n");
    tree_.write("other/b.fk2", "import a\n");
    tree_.write("web.js", "import x from './y.js'\n");
    workspace_ = std::make_unique<workspace::Workspace>(workspace::Workspace::open(tree_.root(), {}));
    cache_ = std::make_unique<graph::FactCache>(tree_.root(), false);
    options_.workspace = workspace_.get();
    options_.cache = cache_.get();
    auto fake = std::make_shared<common::LanguageIndex>(std::make_shared<common::testing::FakeFrontend>(), options_);
    auto other = std::make_shared<common::LanguageIndex>(std::make_shared<OtherFrontend>(), options_);
    library_ = std::make_unique<ArchLibrary>(std::vector<std::shared_ptr<const common::LanguageIndex>>{fake, other});
  }
  static Value scope(std::vector<std::string> paths, std::string arg) {
    ScopeData data;
    data.kind = "Folder";
    data.arg = std::move(arg);
    data.paths = std::move(paths);
    return Value::scope(std::move(data));
  }
  library::Result<CheckOutcome> check(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{*workspace_};
    return library_->check(function, args, ctx);
  }

  TempTree tree_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<graph::FactCache> cache_;
  common::StdlibOptions options_;
  std::unique_ptr<ArchLibrary> library_;
};

TEST_F(ArchLibraryTest, SeesEdgesOfEveryLanguage) {
  auto result = check("no_dependency", {scope({"other/b.fk2"}, "other"), scope({"a.fk"}, "a")});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().message, "1 forbidden dependency from 'other' to 'a': other/b.fk2:1 -> a.fk");
  auto layers = check("layers", {Value::list({scope({"a.fk"}, "top"), scope({"other/b.fk2"}, "bottom")})});
  ASSERT_TRUE(layers.ok());
  EXPECT_EQ(layers.value().status, CheckOutcome::Status::Fail);
  auto depends = check("depends_on", {scope({"a.fk"}, "a"), scope({"c.fk"}, "c")});
  EXPECT_EQ(depends.value().status, CheckOutcome::Status::Pass);
}

TEST_F(ArchLibraryTest, UncoveredSourceFilesAreAnErrorNotAPass) {
  auto result = check("no_cycles", {scope({"a.fk", "web.js"}, ".")});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().status, CheckOutcome::Status::Error);
  EXPECT_EQ(result.value().code, "E207");
  EXPECT_NE(result.value().message.find("1 file (web.js)"), std::string::npos);
}

TEST_F(ArchLibraryTest, ArgumentErrors) {
  auto wrong = check("no_cycles", {Value::string("src")});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, kWrongArguments);
  auto item = check("only_depends_on", {scope({"a.fk"}, "a"), Value::list({Value::integer(1)})});
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.error().code, kInvalidArgument);
  EXPECT_EQ(item.error().message, "arch.only_depends_on: item 1 of the list is not a scope but an integer");
  EXPECT_EQ(check("layers", {Value::list({})}).error().code, kInvalidArgument);
  EXPECT_EQ(check("nope", {}).error().code, kUnknownFunction);
  library::CallContext ctx{*workspace_};
  EXPECT_EQ(library_->call("layers", {}, ctx).error().message,
            "Unknown function: arch.layers (arch.layers is a check: use it in a `check` statement)");
  auto doc = library_->describe(ctx);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().functions.size(), 5u);
}

}  // namespace
}  // namespace hie::stdlib::arch
