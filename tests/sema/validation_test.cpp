// Validation diagnostics with their spans: duplicates, library functions, arity, argument types, cycles.
#include <gtest/gtest.h>

#include "tests/sema/sema_test_support.h"

namespace hie::sema::testing {
namespace {

std::vector<std::string> located(const syntax::DiagnosticList& diagnostics, const std::string& code) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) {
    if (d.code == code) {
      out.push_back(std::to_string(d.span.start.line) + ":" + std::to_string(d.span.start.column) + " " + d.message);
    }
  }
  return out;
}

TEST(SemaValidation, DuplicateNamesAreE051) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('a')
    ref src: string = 'x'
    element api
    element api
    element src
}
element shop
pattern shop {
}
)");
  EXPECT_EQ(located(a.diagnostics, "E051"),
            (std::vector<std::string>{
                "4:9 duplicate name 'src': scope 'src' is already declared in 'shop' at line 3",
                "6:13 duplicate name 'api': element 'shop.api' is already declared at line 5",
                "7:13 duplicate name 'src': scope 'src' of 'shop' has the same name (line 3)",
                "9:9 duplicate name 'shop': element 'shop' is already declared in main.hie:2",
                "10:9 duplicate name 'shop': element 'shop' is already declared in main.hie:2",
            }))
      << dump(a.diagnostics);
}

TEST(SemaValidation, DuplicateTopLevelAcrossFilesIsE051) {
  auto a = analyze_sources({{"a.hie", "element app\n"}, {"b.hie", "element app\n"}}, {"a.hie", "b.hie"});
  const auto* d = find_code(a.diagnostics, "E051");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->file, "b.hie");
  EXPECT_EQ(d->message, "duplicate name 'app': element 'app' is already declared in a.hie:1");
  EXPECT_EQ(a.model.elements.size(), 1u);
}

TEST(SemaValidation, UnknownFunctionIsE055WithSuggestion) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selectr('a')
    check files.exist(src, 'x')
}
)");
  EXPECT_EQ(located(a.diagnostics, "E055"),
            (std::vector<std::string>{"3:23 library 'files' has no selector named 'folder_selectr'",
                                      "4:17 library 'files' has no check named 'exist'"}))
      << dump(a.diagnostics);
  EXPECT_EQ(a.diagnostics.items()[0].help.value_or(""), "did you mean 'files.folder_selector'?");
  EXPECT_EQ(a.diagnostics.items()[1].help.value_or(""), "did you mean 'files.exists'?");
}

TEST(SemaValidation, SelectorUsedAsCheckAndCheckUsedAsSelectorAreE055) {
  auto a = analyze_one(R"(import files
element shop {
    check files.folder_selector('src')
    scope src = files.exists(files.folder_selector('a'), 'x')
}
)");
  EXPECT_EQ(located(a.diagnostics, "E055"),
            (std::vector<std::string>{"3:11 'files.folder_selector' is a selector, not a check",
                                      "4:17 'files.exists' is a check, not a selector"}))
      << dump(a.diagnostics);
  EXPECT_NE(a.diagnostics.items()[0].help.value_or("").find("selectors compute scopes"), std::string::npos);
}

TEST(SemaValidation, WrongArityIsE056WithTheSignature) {
  auto a = analyze_one(R"(import files
import rust
element shop {
    scope src = files.folder_selector('a')
    check files.exists(src)
    check rust.function_exists(src, 'main', 'extra')
    check files.not_empty(src)
}
)");
  EXPECT_EQ(located(a.diagnostics, "E056"),
            (std::vector<std::string>{"5:11 'files.exists' takes 2 arguments, but 1 was given",
                                      "6:11 'rust.function_exists' takes 1 argument, but 3 were given"}))
      << dump(a.diagnostics);
  EXPECT_EQ(a.diagnostics.items()[0].help.value_or(""), "expected `files.exists(scope, name: string)`");
  EXPECT_EQ(a.diagnostics.items()[1].help.value_or(""),
            "expected `rust.function_exists(name: string)` or `rust.function_exists(scope, name: string)`");
}

TEST(SemaValidation, StringWhereAScopeIsExpectedIsE057) {
  auto a = analyze_one(R"(import files
element shop {
    check files.exists('.', 'Dockerfile')
}
)");
  EXPECT_EQ(located(a.diagnostics, "E057"),
            (std::vector<std::string>{"3:24 argument 1 of 'files.exists' (scope) must be a scope, found a string '.'"}))
      << dump(a.diagnostics);
  EXPECT_NE(a.diagnostics.items()[0].help.value_or("").find("files.file_selector('.')"), std::string::npos);
}

TEST(SemaValidation, NamedArgumentsAreTypeCheckedToo) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('a')
    ref name: string = 'README.md'
    ref size: integer = 10
    check files.exists(name, src)
    check files.max_size(src, size)
    check files.max_size(src, 'big')
}
)");
  EXPECT_EQ(located(a.diagnostics, "E057"),
            (std::vector<std::string>{
                "6:24 argument 1 of 'files.exists' (scope) must be a scope, found a string",
                "8:31 argument 2 of 'files.max_size' (bytes) must be a number, found a string 'big'",
            }))
      << dump(a.diagnostics);
}

TEST(SemaValidation, NestedSelectorReturnTypesAreChecked) {
  auto a = analyze_one(R"(import files
element shop {
    check files.exists(files.folder_selector('a'), files.folder_selector('b'))
}
)");
  EXPECT_EQ(located(a.diagnostics, "E057"),
            (std::vector<std::string>{"3:52 argument 2 of 'files.exists' (name) must be a string, found a scope"}))
      << dump(a.diagnostics);
}

TEST(SemaValidation, LibraryThatDoesNotDescribeItselfIsI001Once) {
  FakeCatalog catalog;
  catalog.libs["sample"] = std::nullopt;
  auto a = analyze_one(R"(import sample
element shop {
    scope src = sample.simple_selector('x')
    check sample.anything(src)
    check sample.other()
}
)",
                       &catalog);
  ASSERT_EQ(codes(a.diagnostics), std::vector<std::string>{"I001"}) << dump(a.diagnostics);
  EXPECT_EQ(a.diagnostics.items()[0].severity, syntax::Severity::Info);
  EXPECT_EQ(a.diagnostics.items()[0].message,
            "library 'sample' does not describe itself (it does not answer library.doc): its function names and "
            "arguments are checked at run time");
}

TEST(SemaValidation, ScopeCyclesAreE058NamingTheCycle) {
  auto a = analyze_one(R"(import files
element shop {
    scope a = files.union(b, files.folder_selector('x'))
    scope b = files.union(c)
    scope c = files.union(a)
    scope d = files.union(a)
    scope self = files.union(shop)
}
)");
  EXPECT_EQ(located(a.diagnostics, "E058"),
            (std::vector<std::string>{"3:11 cycle between scopes and refs: shop.a -> shop.b -> shop.c -> shop.a",
                                      "7:11 cycle between scopes and refs: shop.self -> shop.self"}))
      << dump(a.diagnostics);
  int d = a.model.find_element_slot("shop.d");
  EXPECT_TRUE(a.model.slot(d).cycle.empty());  // depends on a cycle, but is not on it
  EXPECT_EQ(a.model.slot(a.model.find_element_slot("shop.b")).cycle.size(), 3u);
}

TEST(SemaValidation, PatternProblemsAreReportedOncePerPatternNotPerInstance) {
  auto a = analyze_one(R"(import files
pattern p {
    element a {
        scope m
    }
    check files.exists(a.m, nope)
}
element one implements p {
    p.a.m = files.folder_selector('1')
}
element two implements p {
    p.a.m = files.folder_selector('2')
}
)");
  EXPECT_EQ(located(a.diagnostics, "E050"), (std::vector<std::string>{"6:29 undefined name 'nope'"}))
      << dump(a.diagnostics);
}

TEST(SemaValidation, UsesSourceMustBeAScopeOfTheElement) {
  auto a = analyze_one(R"(import files
element core {
    element lexer {
        scope module = files.folder_selector('lexer')
    }
    element parser {
        scope module = files.folder_selector('parser')
        modul uses lexer
        module uses lexr
    }
}
)");
  EXPECT_EQ(located(a.diagnostics, "E050"),
            (std::vector<std::string>{"8:9 'modul' is not a scope of 'core.parser'", "9:21 undefined name 'lexr'"}))
      << dump(a.diagnostics);
}

TEST(SemaValidation, DiagnosticsAreSortedByFileAndPosition) {
  auto a = analyze_one(R"(import files
element shop {
    check files.exists(zzz, 'x')
    scope src = files.folder_selectr('a')
}
)");
  ASSERT_EQ(a.diagnostics.size(), 2u) << dump(a.diagnostics);
  EXPECT_LT(a.diagnostics.items()[0].span.start.offset, a.diagnostics.items()[1].span.start.offset);
}

}  // namespace
}  // namespace hie::sema::testing

namespace hie::sema::testing {
namespace {

TEST(SemaValidation, UnknownLibraryInADocumentationOnlyValueIsW057) {
  auto a = analyze_one(R"(import files
pattern deployable {
    requires descendant scope dockerfile = docker.file_selector('Dockerfile')
    requires descendant scope src = files.folder_selector('src')
}
)");
  EXPECT_EQ(located(a.diagnostics, "W057"),
            (std::vector<std::string>{
                "3:44 'docker' is not a library; this documentation-only value is never evaluated"}));
  EXPECT_FALSE(a.diagnostics.has_errors());
}

TEST(SemaValidation, ALanguageUsedAsALibraryIsExplainedInTheHelp) {
  auto a = analyze_one(R"(import files
language docker
element app {
    scope src = files.folder_selector('src')
    check docker.base_image(src, 'python')
}
)");
  ASSERT_EQ(located(a.diagnostics, "E050").size(), 1u);
  bool explained = false;
  for (const auto& d : a.diagnostics.items()) {
    if (d.code == "E050" && d.help && d.help->find("declared as a language") != std::string::npos) explained = true;
  }
  EXPECT_TRUE(explained);
}

}  // namespace
}  // namespace hie::sema::testing
