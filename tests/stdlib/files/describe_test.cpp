#include <gtest/gtest.h>

#include <set>

#include "library/arguments.h"
#include "stdlib/files/register.h"
#include "tests/stdlib/files/files_test_helpers.h"

namespace hie::stdlib::files {
namespace {

using library::FunctionKind;

class FilesDescribe : public FilesTest {
 protected:
  library::LibraryDoc doc() {
    library::CallContext ctx{workspace(), nullptr};
    auto result = library_.describe(ctx);
    EXPECT_TRUE(result.ok());
    return result.value();
  }
};

TEST_F(FilesDescribe, DescribesEveryFunction) {
  const library::LibraryDoc d = doc();
  EXPECT_EQ(d.name, "files");
  EXPECT_TRUE(d.self_described);
  EXPECT_FALSE(d.description.empty());
  std::vector<std::string> selectors;
  std::vector<std::string> checks;
  for (const auto& function : d.functions) {
    (function.kind == FunctionKind::Selector ? selectors : checks).push_back(function.name);
    EXPECT_FALSE(function.description.empty()) << function.name;
    ASSERT_TRUE(function.example.has_value()) << function.name;
    EXPECT_NE(function.example->find("files." + function.name + "("), std::string::npos) << function.name;
    EXPECT_EQ(function.return_type, function.kind == FunctionKind::Selector ? "scope" : "") << function.name;
    for (const auto& param : function.params) {
      EXPECT_FALSE(param.description.empty()) << function.name << "." << param.name;
      static const std::set<std::string> kTypes = {"scope", "string", "integer", "number"};
      EXPECT_TRUE(kTypes.count(param.type)) << function.name << "." << param.name << ": " << param.type;
    }
  }
  EXPECT_EQ(selectors, (std::vector<std::string>{"file_selector", "folder_selector", "glob_selector", "union",
                                                 "intersect", "exclude", "filter"}));
  EXPECT_EQ(checks, (std::vector<std::string>{"exists", "contains", "no_files_matching", "max_size", "is_empty",
                                              "not_empty", "count_at_most", "contains_text", "no_text", "max_lines"}));
}

TEST_F(FilesDescribe, SignaturesReadAsInTheSpec) {
  std::map<std::string, std::string> signatures;
  for (const auto& function : doc().functions) signatures[function.name] = library::format_signature("files", function);
  EXPECT_EQ(signatures["exists"], "files.exists(scope, name: string)");
  EXPECT_EQ(signatures["file_selector"], "files.file_selector(path: string)");
  EXPECT_EQ(signatures["max_size"], "files.max_size(scope, bytes: number)");
  EXPECT_EQ(signatures["union"], "files.union(a: scope, b: scope, others: scope...)");
  EXPECT_EQ(signatures["no_text"], "files.no_text(scope, regex: string)");
}

TEST(FilesRegister, RegistersTheFilesLibrary) {
  library::LibraryRegistry registry;
  register_builtin_files(registry);
  ASSERT_NE(registry.find("files"), nullptr);
  EXPECT_EQ(registry.find("files")->name(), "files");
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"files"}));
}

}  // namespace
}  // namespace hie::stdlib::files
