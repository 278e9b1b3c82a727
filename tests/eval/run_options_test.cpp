// Filter, limit and skipped counting; determinism across thread counts; dry run; fingerprints.
#include <gtest/gtest.h>

#include "eval/filter.h"
#include "eval/fingerprint.h"
#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

const char* kTree = R"(import fs
element core {
    check fs.pass()
    element lexer {
        check fs.pass()
        check fs.pass()
    }
    element parser {
        check fs.pass()
        check fs.pass()
    }
}
element other {
    check fs.pass()
    check fs.pass()
    check fs.pass()
}
)";

RunOptions with(std::string filter, std::optional<std::size_t> limit) {
  RunOptions o;
  o.filter = std::move(filter);
  o.limit = limit;
  return o;
}

TEST(EvalFilter, SubstringAndGlob) {
  EXPECT_TRUE(filter_matches("", "anything"));
  EXPECT_TRUE(filter_matches("core.lexer", "x.core.lexer_y"));
  EXPECT_FALSE(filter_matches("core.lexer", "core.parser"));
  EXPECT_TRUE(filter_matches("shop.*", "shop.api"));
  EXPECT_TRUE(filter_matches("shop.*", "shop.api.db"));
  EXPECT_FALSE(filter_matches("shop.*", "shop"));
  EXPECT_FALSE(filter_matches("shop.*", "myshop.api"));
  EXPECT_TRUE(filter_matches("*.db", "shop.db"));
  EXPECT_FALSE(filter_matches("*.db", "shop.db.tables"));
  EXPECT_TRUE(filter_matches("shop.?pi", "shop.api"));
  EXPECT_TRUE(filter_matches("*", ""));
}

TEST(EvalRunOptions, FilterSkipsChecksOfOtherElements) {
  Harness h;
  h.load(kTree);
  RunResult r = h.run(with("parser", std::nullopt));
  EXPECT_EQ(r.summary.total, 2u);
  EXPECT_EQ(r.summary.skipped, 6u);
  for (const auto& record : r.records) EXPECT_EQ(record.element, "core.parser");
  RunResult glob = h.run(with("core.*", std::nullopt));
  EXPECT_EQ(glob.summary.total, 4u);
  EXPECT_EQ(glob.summary.skipped, 4u);
}

TEST(EvalRunOptions, LimitStopsAtElementBoundariesLikeTheOlderTool) {
  Harness h;
  h.load(kTree);
  RunResult r = h.run(with("core", 3));
  EXPECT_EQ(r.summary.total, 3u);
  EXPECT_EQ(r.summary.skipped, 0u);  // the parser is entered after the limit: nothing counted
  RunResult r2 = h.run(with("lexer", 1));
  EXPECT_EQ(r2.summary.total, 1u);
  EXPECT_EQ(r2.summary.skipped, 2u);  // core's check (filter) and lexer's second check (limit)
  RunResult zero = h.run(with("", 0));
  EXPECT_EQ(zero.summary.total, 0u);
  EXPECT_EQ(zero.summary.skipped, 0u);
  EXPECT_EQ(h.fs->calls("check:pass"), 4);
}

TEST(EvalRunOptions, DryRunListsThePlanAndEvaluatesNothing) {
  Harness h;
  h.load(kTree);
  DryRun plan = dry_run(h.model, with("lexer", std::nullopt));
  ASSERT_EQ(plan.checks.size(), 8u);
  EXPECT_EQ(plan.summary.total, 2u);
  EXPECT_EQ(plan.summary.skipped, 6u);
  EXPECT_FALSE(plan.checks[0].selected);
  EXPECT_TRUE(plan.checks[1].selected);
  EXPECT_EQ(plan.checks[1].element, "core.lexer");
  EXPECT_EQ(plan.checks[1].check, "fs.pass()");
  EXPECT_EQ(plan.checks[1].origin, "element");
  EXPECT_EQ(plan.checks[1].line, 5u);
  EXPECT_EQ(h.fs->total_calls(), 0);
}

TEST(EvalRunOptions, RecordsFollowElementPreOrderNotSourceOrder) {
  Harness h;
  h.load(R"(import fs
element a {
    element b {
        check fs.fail('b')
    }
    check fs.fail('a')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].element, "a");
  EXPECT_EQ(r.records[1].element, "a.b");
}

// A model with elements, patterns, requirements, connection rules and shared scopes, big enough for threads to
// interleave.
std::string big_spec() {
  std::string spec = "import fs\npattern svc {\n    element api {\n        scope module\n    }\n"
                     "    check fs.nonempty(api.module)\n    requires descendant scope src\n"
                     "    forbids connection to shared\n}\n"
                     "element shared {\n    scope src = fs.paths('shared/s.py')\n}\n";
  for (int i = 0; i < 40; ++i) {
    std::string n = std::to_string(i);
    spec += "element e" + n + " implements svc {\n";
    spec += "    scope m binds svc.api.module = fs.paths('e" + n + "/a.py'" + (i % 3 == 0 ? "" : ", 'e" + n + "/b.py'") + ")\n";
    spec += "    check fs.count(m, " + std::to_string(i % 3 == 0 ? 1 : 2) + ")\n";
    spec += "    check fs.has(shared.src, 'shared/s.py')\n";
    spec += "    check fs.fail('n" + n + "')\n";
    spec += "    element inner {\n        scope src = fs.union(m, shared.src)\n        check fs.count(src, 3)\n    }\n";
    spec += "}\n";
  }
  return spec;
}

void expect_same(const RunResult& a, const RunResult& b) {
  ASSERT_EQ(a.records.size(), b.records.size());
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    const CheckRecord& x = a.records[i];
    const CheckRecord& y = b.records[i];
    EXPECT_EQ(x.element, y.element);
    EXPECT_EQ(x.check, y.check);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.message, y.message);
    EXPECT_EQ(x.code, y.code);
    EXPECT_EQ(x.origin, y.origin);
    EXPECT_EQ(x.file, y.file);
    EXPECT_EQ(x.line, y.line);
    EXPECT_EQ(x.column, y.column);
    EXPECT_EQ(x.fingerprint, y.fingerprint);
    ASSERT_EQ(x.evidence.size(), y.evidence.size());
    for (std::size_t k = 0; k < x.evidence.size(); ++k) {
      EXPECT_EQ(x.evidence[k].file, y.evidence[k].file);
      EXPECT_EQ(x.evidence[k].line, y.evidence[k].line);
      EXPECT_EQ(x.evidence[k].message, y.evidence[k].message);
    }
  }
  EXPECT_EQ(a.summary.total, b.summary.total);
  EXPECT_EQ(a.summary.passed, b.summary.passed);
  EXPECT_EQ(a.summary.failed, b.summary.failed);
  EXPECT_EQ(a.summary.errors, b.summary.errors);
  ASSERT_EQ(a.diagnostics.size(), b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    EXPECT_EQ(a.diagnostics.items()[i].message, b.diagnostics.items()[i].message);
  }
}

TEST(EvalDeterminism, SameResultsForEveryThreadCount) {
  Harness h;
  auto provider = std::make_shared<FakeProvider>();
  for (int i = 0; i < 40; i += 2) provider->edge("e" + std::to_string(i) + "/a.py", "shared/s.py", 3);
  for (int i = 1; i < 40; i += 2) provider->handled.insert("e" + std::to_string(i) + "/a.py");
  for (int i = 0; i < 40; ++i) provider->handled.insert("e" + std::to_string(i) + "/b.py");
  h.graph.add_provider(provider);
  h.load(big_spec());
  RunOptions one = strict();
  one.jobs = 1;
  RunResult baseline = h.run(one);
  EXPECT_GT(baseline.records.size(), 200u);
  EXPECT_GT(baseline.summary.failed, 40u);
  for (unsigned jobs : {2u, 4u, 8u}) {
    RunOptions many = strict();
    many.jobs = jobs;
    RunResult again = h.run(many);
    expect_same(baseline, again);
  }
}

TEST(EvalFingerprint, StableAcrossWhitespaceAndLinesButNotElementsOrOrigins) {
  EXPECT_EQ(fingerprint("shop.api", "element", "files.exists(src, 'a b')"),
            fingerprint("shop.api", "element", "files.exists( src,'a b' )"));
  EXPECT_NE(fingerprint("shop.api", "element", "files.exists(src, 'a b')"),
            fingerprint("shop.api", "element", "files.exists(src, 'a  b')"));
  EXPECT_NE(fingerprint("shop.api", "element", "x()"), fingerprint("shop.web", "element", "x()"));
  EXPECT_NE(fingerprint("shop.api", "element", "x()"), fingerprint("shop.api", "pattern P", "x()"));
  EXPECT_EQ(fingerprint("a", "element", "x()").size(), 16u);
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);

  // Moving a check to another line keeps its fingerprint.
  Harness h;
  h.load("import fs\nelement shop {\n    check fs.pass()\n}\n");
  std::string before = h.run().records[0].fingerprint;
  h.load("import fs\n\n\nelement shop {\n\n    check   fs.pass( )\n}\n");
  EXPECT_EQ(h.run().records[0].fingerprint, before);
}

}  // namespace
}  // namespace hie::eval::testing
