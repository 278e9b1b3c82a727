// Name resolution order (LANGUAGE.md §5), case by case.
#include <gtest/gtest.h>

#include "tests/sema/sema_test_support.h"

namespace hie::sema::testing {
namespace {

TEST(SemaResolution, OwnScopeShadowsAncestorScope) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('shop')
    element api {
        scope src = files.folder_selector('shop/api')
        check files.exists(src, 'a')
    }
    element web {
        check files.exists(src, 'b')
    }
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop.api", 0)), "shop.api.src");
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop.web", 0)), "shop.src");
}

TEST(SemaResolution, ChildScopeSiblingAndFullPaths) {
  auto a = analyze_one(R"(import files
element shop {
    element api {
        scope src = files.folder_selector('api')
    }
    element web {
        scope src = files.folder_selector('web')
        check files.exists(api.src, 'x')
        check files.exists(shop.api.src, 'x')
    }
    check files.exists(api.src, 'y')
    check files.exists(web.src, 'y')
}
element other {
    check files.exists(shop.web.src, 'z')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop.web", 0)), "shop.api.src");  // sibling via parent
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop.web", 1)), "shop.api.src");  // full path
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop", 0)), "shop.api.src");      // child.src
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop", 1)), "shop.web.src");
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "other", 0)), "shop.web.src");     // top-level element
}

TEST(SemaResolution, ChildElementBeforeTopLevelElement) {
  auto a = analyze_one(R"(import files
element db {
    scope src = files.folder_selector('db')
}
element shop {
    element db {
        scope src = files.folder_selector('shop/db')
    }
    check files.exists(db.src, 'x')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "shop", 0)), "shop.db.src");
}

TEST(SemaResolution, ElementUsedAsValueIsItsFootprint) {
  auto a = analyze_one(R"(import files
element shop {
    element api {
        scope src = files.folder_selector('api')
    }
    check files.not_empty(api)
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const RExpr& arg = check_arg(a.model, "shop", 0);
  EXPECT_EQ(arg.kind, RExpr::Kind::Footprint);
  EXPECT_EQ(arg.element, a.model.find_element("shop.api"));
}

TEST(SemaResolution, UndefinedNameIsE050WithDidYouMean) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('shop')
    check files.exists(srcc, 'README.md')
}
)");
  const auto* d = find_code(a.diagnostics, "E050");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "undefined name 'srcc'");
  EXPECT_EQ(d->span.start.line, 4u);
  EXPECT_EQ(d->span.start.column, 24u);
  EXPECT_EQ(d->span.end.column, 28u);
  ASSERT_TRUE(d->help.has_value());
  EXPECT_EQ(*d->help, "did you mean 'src'?");
  EXPECT_FALSE(a.model.node(a.model.find_element("shop")).checks[0].expr.valid());
}

TEST(SemaResolution, UnknownMemberOfElementIsE050) {
  auto a = analyze_one(R"(import files
element shop {
    element api {
        scope src = files.folder_selector('api')
    }
    check files.exists(api.scr, 'x')
}
)");
  const auto* d = find_code(a.diagnostics, "E050");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "element 'shop.api' has no scope, ref or element named 'scr'");
  EXPECT_EQ(d->span.start.column, 28u);
  EXPECT_EQ(d->help.value_or(""), "did you mean 'src'?");
}

TEST(SemaResolution, ScopeHasNoMembers) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('api')
    check files.exists(src.x, 'x')
}
)");
  const auto* d = find_code(a.diagnostics, "E050");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "'src' is scope 'shop.src', which has no member 'x'");
}

TEST(SemaResolution, ImportAsMakesAliasOnly) {
  auto a = analyze_one(R"(import files as f
element shop {
    scope src = f.folder_selector('shop')
    check f.exists(src, 'x')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const auto& check = a.model.node(a.model.find_element("shop")).checks[0].expr;
  EXPECT_EQ(check.library, "files");
  EXPECT_EQ(check.function, "exists");
  EXPECT_TRUE(check.is_check);
}

TEST(SemaResolution, FromImportMakesFunctionsCallableUnqualified) {
  auto a = analyze_one(R"(from files import exists, folder_selector
element shop {
    scope src = folder_selector('shop')
    check exists(src, 'x')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const auto& check = a.model.node(a.model.find_element("shop")).checks[0].expr;
  EXPECT_EQ(check.library, "files");
  EXPECT_EQ(check.function, "exists");
  const auto& scope = a.model.slot(a.model.find_element_slot("shop.src")).expr;
  EXPECT_EQ(scope.kind, RExpr::Kind::Call);
  EXPECT_EQ(scope.library, "files");
  EXPECT_FALSE(scope.is_check);
}

TEST(SemaResolution, FromImportOfUnknownFunctionIsE055) {
  auto a = analyze_one("from files import exits\n");
  const auto* d = find_code(a.diagnostics, "E055");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "library 'files' has no function 'exits'");
  EXPECT_EQ(d->help.value_or(""), "did you mean 'exists'?");
  EXPECT_EQ(d->span.start.column, 19u);
}

TEST(SemaResolution, UnqualifiedCallWithoutFromImportIsE205) {
  auto a = analyze_one(R"(import files
element shop {
    check exists(x, 'x')
}
)");
  EXPECT_NE(find_code(a.diagnostics, "E205"), nullptr) << dump(a.diagnostics);
}

TEST(SemaResolution, LibraryWithoutImportIsW002AndStillResolved) {
  auto a = analyze_one(R"(element shop {
    scope src = files.folder_selector('shop')
    check files.exists(src, 'x')
}
)");
  ASSERT_EQ(codes(a.diagnostics), std::vector<std::string>{"W002"}) << dump(a.diagnostics);
  const auto* d = find_code(a.diagnostics, "W002");
  EXPECT_EQ(d->message, "library 'files' is used without an import");
  EXPECT_EQ(d->span.start.line, 2u);
  EXPECT_EQ(d->span.start.column, 17u);
  EXPECT_TRUE(a.model.node(a.model.find_element("shop")).checks[0].expr.valid());
}

TEST(SemaResolution, ImportOfUnknownLibraryIsW001) {
  auto a = analyze_one(R"(import sample
element shop {
    scope src = sample.simple_selector('x')
    check sample.always_pass()
}
)");
  ASSERT_EQ(codes(a.diagnostics), std::vector<std::string>{"W001"}) << dump(a.diagnostics);
  EXPECT_EQ(a.diagnostics.items()[0].span.start.column, 8u);
  // Still a library call: the run reports the unknown library for each use.
  const auto& check = a.model.node(a.model.find_element("shop")).checks[0].expr;
  EXPECT_EQ(check.kind, RExpr::Kind::Call);
  EXPECT_EQ(check.library, "sample");
}

TEST(SemaResolution, UnknownLibraryWithoutImportIsE050) {
  auto a = analyze_one(R"(element shop {
    scope df = docker.file_selector('Dockerfile')
}
)");
  const auto* d = find_code(a.diagnostics, "E050");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "undefined name 'docker'");
  EXPECT_NE(d->help.value_or("").find("no library named 'docker' is registered"), std::string::npos);
}

TEST(SemaResolution, CallOfElementMemberIsE205) {
  auto a = analyze_one(R"(import files
element shop {
    element container {
        scope df = files.file_selector('Dockerfile')
    }
    check container.df.exposes_port(8080)
}
)");
  const auto* d = find_code(a.diagnostics, "E205");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "'container.df.exposes_port(...)' is not a library function call: 'container' is an element, not a library");
  EXPECT_NE(d->help.value_or("").find("check library.function(arguments)"), std::string::npos);
}

TEST(SemaResolution, CheckThatIsNotACallIsE204) {
  auto a = analyze_one(R"(import files
element shop {
    scope src = files.folder_selector('x')
    check src
}
)");
  const auto* d = find_code(a.diagnostics, "E204");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->span.start.line, 4u);
}

TEST(SemaResolution, LibraryNamesWinInCalleePosition) {
  // An element named like a library does not hide the library in `files.exists(...)`: only libraries are callable.
  auto a = analyze_one(R"(import files
element files {
    scope src = files.folder_selector('x')
    check files.exists(src, 'a')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(a.model.node(a.model.find_element("files")).checks[0].expr.library, "files");
}

TEST(SemaResolution, FileImportMakesPatternsUsable) {
  auto a = analyze_sources({{"specs/main.hie", "import 'lib/patterns.hie'\nimport files\n"
                                               "element svc implements layered {\n"
                                               "    scope m binds layered.api.module = files.folder_selector('a')\n"
                                               "}\n"},
                            {"specs/lib/patterns.hie", "import files\npattern layered {\n"
                                                       "    element api {\n        scope module\n    }\n"
                                                       "    check files.not_empty(api.module)\n}\n"}},
                           {"specs/main.hie"});
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  ASSERT_EQ(a.model.files.size(), 2u);
  EXPECT_EQ(a.model.files[1].path, "specs/lib/patterns.hie");
  EXPECT_EQ(a.model.instances.size(), 1u);
}

TEST(SemaResolution, FileImportedTwiceIsLoadedOnce) {
  auto a = analyze_sources({{"a.hie", "import 'c.hie'\nimport 'b.hie'\n"},
                            {"b.hie", "import 'c.hie'\n"},
                            {"c.hie", "element c\n"}},
                           {"a.hie"});
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(a.model.files.size(), 3u);
  EXPECT_EQ(a.model.elements.size(), 1u);
}

TEST(SemaResolution, ImportCycleIsE060) {
  auto a = analyze_sources({{"a.hie", "import 'b.hie'\n"}, {"b.hie", "import 'a.hie'\n"}}, {"a.hie"});
  const auto* d = find_code(a.diagnostics, "E060");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "import cycle: a.hie -> b.hie -> a.hie");
  EXPECT_EQ(d->file, "b.hie");
  EXPECT_EQ(d->span.start.column, 8u);
}

TEST(SemaResolution, MissingImportedFileIsE062) {
  auto a = analyze_sources({{"a.hie", "import 'missing.hie'\n"}}, {"a.hie"});
  const auto* d = find_code(a.diagnostics, "E062");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->file, "a.hie");
}

TEST(SemaResolution, FromFileImportChecksNames) {
  auto a = analyze_sources({{"a.hie", "from 'b.hie' import layered, nope\n"}, {"b.hie", "pattern layered {\n}\n"}},
                           {"a.hie"});
  ASSERT_EQ(codes(a.diagnostics), std::vector<std::string>{"E050"}) << dump(a.diagnostics);
  EXPECT_NE(a.diagnostics.items()[0].message.find("'nope'"), std::string::npos);
}

TEST(SemaResolution, ResultsDoNotDependOnDeclarationOrder) {
  // A check may use scopes of elements declared later (the older tool only saw earlier ones).
  auto a = analyze_one(R"(import files
element first {
    check files.exists(second.src, 'x')
}
element second {
    scope src = files.folder_selector('s')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "first", 0)), "second.src");
}

TEST(SemaResolution, UsesTargetsMayBeElementsOrScopes) {
  auto a = analyze_one(R"(import files
element svc {
    scope metrics_mod = files.folder_selector('m')
    element api {
        scope module = files.folder_selector('api')
        module uses metrics_mod
    }
    element web {
        scope module = files.folder_selector('web')
        module uses api
    }
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const auto& api = a.model.node(a.model.find_element("svc.api")).uses.at(0);
  EXPECT_EQ(api.text, "module uses metrics_mod");
  EXPECT_EQ(api.target.kind, Target::Kind::Slot);
  EXPECT_EQ(a.model.slot(api.target.slot).display, "svc.metrics_mod");
  EXPECT_EQ(a.model.slot(api.source_slot).display, "svc.api.module");
  const auto& web = a.model.node(a.model.find_element("svc.web")).uses.at(0);
  EXPECT_EQ(web.target.kind, Target::Kind::Element);
  EXPECT_EQ(web.target.element, a.model.find_element("svc.api"));
}

}  // namespace
}  // namespace hie::sema::testing
