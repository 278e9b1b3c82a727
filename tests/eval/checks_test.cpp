// Element checks, lazy memoized scopes and refs, failure propagation, selector/check namespaces.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

TEST(EvalChecks, ElementChecksPassFailAndError) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope src = fs.paths('a.py', 'b.py')
    check fs.nonempty(src)
    check fs.fail('broken')
    check fs.error('oops')
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS shop :: fs.nonempty(src) [element]",
                          "FAIL shop :: fs.fail('broken') [element] -> broken",
                          "ERROR shop :: fs.error('oops') [element] -> oops",
                      }));
  EXPECT_EQ(r.records[2].code.value_or(""), "E998");
  EXPECT_EQ(r.records[0].file, "main.hie");
  EXPECT_EQ(r.records[0].line, 4u);
  EXPECT_EQ(r.records[0].column, 5u);
  EXPECT_EQ(r.summary.total, 3u);
  EXPECT_EQ(r.summary.passed, 1u);
  EXPECT_EQ(r.summary.failed, 1u);
  EXPECT_EQ(r.summary.errors, 1u);
  EXPECT_EQ(r.records[0].fingerprint.size(), 16u);
}

TEST(EvalChecks, SelectorsAndChecksAreSeparateNamespaces) {
  // `fail` exists both as a selector (library error) and as a check (a failure): nested calls are selectors.
  Harness h;
  h.load(R"(import fs
element shop {
    check fs.nonempty(fs.fail('selector failed'))
    check fs.fail('check failed')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].message.value_or(""), "selector failed");
  EXPECT_EQ(r.records[0].code.value_or(""), "E999");
  EXPECT_EQ(r.records[1].status, CheckStatus::Fail);
  EXPECT_EQ(h.fs->calls("call:fail"), 1);
  EXPECT_EQ(h.fs->calls("check:fail"), 1);
}

// Selectors written inline in checks: a deterministic library (the built-ins) is called once per run for the same
// scalar arguments; any other library (plugins) every time.
TEST(EvalChecks, InlineSelectorsOfDeterministicLibrariesAreCalledOncePerArguments) {
  const std::string spec = R"(import fs
element shop {
    check fs.has(fs.paths('a'), 'a')
    check fs.nonempty(fs.paths('a'))
    check fs.count(fs.paths('a', 'b'), 2)
    check fs.count(fs.paths('a', 'b'), 2)
    check fs.count(fs.union(fs.paths('a'), fs.paths('c')), 2)
    check fs.count(fs.union(fs.paths('a'), fs.paths('c')), 2)
}
)";
  for (bool deterministic : {false, true}) {
    Harness h;
    h.fs->deterministic = deterministic;
    h.load(spec);
    RunResult r = h.run(jobs(4));
    EXPECT_EQ(r.summary.passed, 6u) << dump(r);
    // Scalar arguments are keyed ('a' and 'a','b' are different calls); scope arguments are not (union twice).
    EXPECT_EQ(h.fs->calls("call:paths"), deterministic ? 3 : 8) << deterministic;
    EXPECT_EQ(h.fs->calls("call:union"), 2) << deterministic;
  }
}

TEST(EvalChecks, ScopesAreLazyAndEvaluatedAtMostOnce) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope used = fs.paths('a')
    scope unused = fs.paths('never')
    check fs.nonempty(used)
    check fs.has(used, 'a')
    element api {
        check fs.count(used, 1)
    }
}
)");
  RunResult r = h.run(jobs(4));
  EXPECT_EQ(r.summary.passed, 3u) << dump(r);
  EXPECT_EQ(h.fs->calls("call:paths"), 1);  // `used` once for three checks, `unused` never
}

TEST(EvalChecks, SelectorFailureSurfacesAtEveryCheckThatNeedsTheScope) {
  Harness h;
  h.load(R"(import fs
element shop {
    element api {
        scope src = fs.fail('permission denied')
        check fs.nonempty(src)
    }
    scope all = fs.paths('x')
    check fs.has(api.src, 'x')
    check fs.nonempty(all)
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 3u) << dump(r);
  EXPECT_EQ(r.records[0].element, "shop");
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].message.value_or(""), "scope 'shop.api.src' could not be evaluated: permission denied");
  EXPECT_EQ(r.records[0].code.value_or(""), "E999");
  EXPECT_EQ(r.records[1].status, CheckStatus::Pass);
  EXPECT_EQ(r.records[2].element, "shop.api");
  EXPECT_EQ(r.records[2].message.value_or(""), "scope 'shop.api.src' could not be evaluated: permission denied");
  EXPECT_EQ(h.fs->calls("call:fail"), 1);  // failures are memoized too
}

TEST(EvalChecks, FailureOfADependencyNamesTheRootCause) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope base = fs.fail('disk on fire')
    scope derived = fs.union(base)
    check fs.nonempty(derived)
}
)",
         true);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].message.value_or(""), "scope 'shop.base' could not be evaluated: disk on fire");
}

TEST(EvalChecks, ScopeMustSelectFiles) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope name = fs.text('x')
    check fs.nonempty(name)
}
)",
         true);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].code.value_or(""), "E206");
  EXPECT_EQ(r.records[0].message.value_or(""), "scope 'shop.name' must select files, but its value is a string");
}

TEST(EvalChecks, RefBasicTypesAreChecked) {
  Harness h;
  h.load(R"(import fs
element shop {
    ref port: integer = 8080
    ref name: string = 8080
    ref label: HttpHandler = 'anything'
    check fs.is_string(name)
    check fs.is_string(label)
    check fs.count(fs.paths(), port)
}
)",
         true);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].message.value_or(""), "ref 'shop.name' is declared `: string` but its value is an integer");
  EXPECT_EQ(r.records[1].status, CheckStatus::Pass);  // nominal type: any value
  EXPECT_EQ(r.records[2].status, CheckStatus::Fail);  // 0 paths != 8080: the integer ref reached the check
  EXPECT_EQ(r.records[2].message.value_or(""), "count 0");
}

TEST(EvalChecks, LanguageAnnotationIsRecordedAndMismatchWarns) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope a<python> = fs.paths('a.py')
    scope b<python> = fs.lang('rust', 'b.rs')
    check fs.nonempty(a)
    check fs.nonempty(b)
}
)");
  RunResult r = h.run();
  EXPECT_EQ(r.summary.passed, 2u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.code, "W011");
  EXPECT_EQ(d.message, "scope 'shop.b' is annotated <python> but its selector returned a rust scope");
  EXPECT_EQ(d.span.start.line, 4u);
}

TEST(EvalChecks, StrictWarnsForEveryEmptyScope) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope empty = fs.paths()
    scope full = fs.paths('a')
    scope never_used = fs.paths()
    check fs.nonempty(full)
}
)");
  RunResult plain = h.run();
  EXPECT_TRUE(plain.diagnostics.empty());
  RunResult strict_result = h.run(strict());
  ASSERT_EQ(strict_result.diagnostics.size(), 2u);
  EXPECT_EQ(strict_result.diagnostics.items()[0].code, "W010");
  EXPECT_EQ(strict_result.diagnostics.items()[0].message, "scope 'shop.empty' selected nothing");
  EXPECT_EQ(strict_result.diagnostics.items()[1].message, "scope 'shop.never_used' selected nothing");
}

TEST(EvalChecks, UnknownLibraryIsAnErrorResultForEachUse) {
  Harness h;
  h.load(R"(import sample
import fs
element shop {
    check sample.always_pass()
    check fs.pass()
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].message.value_or(""), "Unknown library: sample");
  EXPECT_EQ(r.records[0].code.value_or(""), "E203");
  EXPECT_EQ(r.records[1].status, CheckStatus::Pass);
}

TEST(EvalChecks, FailedLibraryReportsItsLoadError) {
  Harness h;
  h.registry.add_failed("broken", library::LibraryError{"E500", "Failed to start: no such file"});
  h.load(R"(import broken
element shop {
    check broken.anything()
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].message.value_or(""), "library 'broken' could not be loaded: Failed to start: no such file");
}

TEST(EvalChecks, CycleIsE058AtValidationAndAnErrorResultAtRunTime) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope a = fs.union(b)
    scope b = fs.union(a)
    check fs.nonempty(a)
}
)",
         true);
  const syntax::Diagnostic* e058 = nullptr;
  for (const auto& d : h.diagnostics.items()) {
    if (d.code == "E058") e058 = &d;
  }
  ASSERT_NE(e058, nullptr);
  EXPECT_EQ(e058->message, "cycle between scopes and refs: shop.a -> shop.b -> shop.a");
  EXPECT_EQ(e058->span.start.line, 3u);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].code.value_or(""), "E058");
  EXPECT_EQ(r.records[0].message.value_or(""),
            "scope 'shop.a' could not be evaluated: cycle between scopes and refs: shop.a -> shop.b -> shop.a");
  EXPECT_EQ(h.fs->calls("call:union"), 0);
}

TEST(EvalChecks, InvalidChecksYieldErrorRecordsWhenRunAnyway) {
  Harness h;
  h.load(R"(import fs
element shop {
    check fs.nonempty(srcc)
    check fs.pass()
}
)",
         true);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].code.value_or(""), "E050");
  EXPECT_EQ(r.records[0].message.value_or(""), "undefined name 'srcc'");
  EXPECT_EQ(r.records[1].status, CheckStatus::Pass);
}

TEST(EvalChecks, ElementAsValueIsItsFootprint) {
  Harness h;
  h.load(R"(import fs
element shop {
    scope root = fs.paths('x')
    element api {
        scope src = fs.paths('api/a', 'api/b')
    }
    element db {
        scope src = fs.paths('db/a')
    }
    check fs.count(shop, 4)
    check fs.count(api, 2)
}
)");
  RunResult r = h.run();
  EXPECT_EQ(r.summary.passed, 2u) << dump(r);
}

}  // namespace
}  // namespace hie::eval::testing
