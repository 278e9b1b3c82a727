// Connection rules, `uses` and strict_uses against a fake dependency provider, and without any provider.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

struct ConnectionHarness : Harness {
  ConnectionHarness() {
    provider = std::make_shared<FakeProvider>();
    graph.add_provider(provider);
  }
  std::vector<CheckRecord> records_with_origin(const RunResult& r, const std::string& origin) {
    std::vector<CheckRecord> out;
    for (const auto& record : r.records) {
      if (record.origin == origin) out.push_back(record);
    }
    return out;
  }
  std::shared_ptr<FakeProvider> provider;
};

const char* kShop = R"(import fs
pattern no_db {
    forbids connection to db
}
pattern no_db_tree {
    forbids connection to db.*
}
element shop {
    element api implements no_db {
        scope src = fs.paths('api/a.py', 'api/b.py')
    }
    element web implements no_db_tree {
        scope src = fs.paths('web/w.py')
        element inner {
            scope src = fs.paths('web/inner/i.py')
        }
    }
    element db {
        scope src = fs.paths('db/x.py')
        element tables {
            scope src = fs.paths('db/tables/t.py')
        }
    }
}
)";

TEST(EvalConnections, ForbidsReportsEachOffendingEdgeWithFileAndLine) {
  ConnectionHarness h;
  h.provider->edge("api/a.py", "db/x.py", 3);
  h.provider->edge("api/b.py", "web/w.py", 1);
  h.provider->edge("api/b.py", "db/tables/t.py", 9);
  h.provider->edge("web/w.py", "api/a.py", 2);
  h.provider->edge("web/inner/i.py", "db/x.py", 4);
  h.provider->handled.insert("db/x.py");
  h.provider->handled.insert("db/tables/t.py");
  h.load(kShop);
  RunResult r = h.run();
  auto rules = h.records_with_origin(r, "connection");
  ASSERT_EQ(rules.size(), 2u) << dump(r);
  EXPECT_EQ(rules[0].element, "shop.api");
  EXPECT_EQ(rules[0].check, "forbids connection to db");
  EXPECT_EQ(rules[0].status, CheckStatus::Fail);
  EXPECT_EQ(rules[0].message.value_or(""),
            "2 forbidden dependencies on 'db': api/a.py:3 -> db/x.py, api/b.py:9 -> db/tables/t.py");
  ASSERT_EQ(rules[0].evidence.size(), 2u);
  EXPECT_EQ(rules[0].evidence[0].file, "api/a.py");
  EXPECT_EQ(rules[0].evidence[0].line, 3u);
  EXPECT_EQ(rules[0].evidence[0].message, "depends on db/x.py ('db')");
  // The wildcard target; the rule covers the descendant `inner` (constraints are inherited).
  EXPECT_EQ(rules[1].element, "shop.web");
  EXPECT_EQ(rules[1].check, "forbids connection to db.*");
  EXPECT_EQ(rules[1].message.value_or(""), "1 forbidden dependency on 'db.*': web/inner/i.py:4 -> db/x.py");
}

TEST(EvalConnections, ForbidsPassesWithoutOffendingEdges) {
  ConnectionHarness h;
  h.provider->edge("api/a.py", "web/w.py", 3);
  h.provider->handled.insert("api/b.py");
  h.provider->handled.insert("web/w.py");
  h.provider->handled.insert("web/inner/i.py");
  h.load(kShop);
  RunResult r = h.run();
  for (const auto& record : h.records_with_origin(r, "connection")) {
    EXPECT_EQ(record.status, CheckStatus::Pass) << dump(r);
  }
}

TEST(EvalConnections, EdgesInsideTheElementsOwnFootprintAreIgnored) {
  ConnectionHarness h;
  // `shared/s.py` belongs to both api and db; an edge to it stays inside api's own footprint.
  h.provider->edge("api/a.py", "shared/s.py", 5);
  h.load(R"(import fs
pattern no_db {
    forbids connection to db
}
element api implements no_db {
    scope src = fs.paths('api/a.py', 'shared/s.py')
}
element db {
    scope src = fs.paths('db/x.py', 'shared/s.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Pass) << dump(r);
}

TEST(EvalConnections, ForbidsTargetInsideThePatternInstanceIsEnforced) {
  ConnectionHarness h;
  h.provider->edge("app/api/a.py", "app/repo/r.py", 2);
  h.provider->edge("app/repo/r.py", "app/repo/q.py", 2);
  h.load(R"(import fs
pattern layered {
    element presentation {
        scope module
    }
    element data {
        scope module
    }
    forbids connection to data.*
}
element app implements layered {
    scope ui binds layered.presentation.module = fs.paths('app/api/a.py')
    scope repo binds layered.data.module = fs.paths('app/repo/r.py', 'app/repo/q.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Fail) << dump(r);
  EXPECT_EQ(r.records[0].message.value_or(""),
            "1 forbidden dependency on 'data.*': app/api/a.py:2 -> app/repo/r.py");
}

TEST(EvalConnections, AllowsOnlyAllowedTargetsAndOwnSubtree) {
  ConnectionHarness h;
  h.provider->edge("front/a.py", "gateway/g.py", 1);      // allowed
  h.provider->edge("front/a.py", "front/inner/b.py", 2);  // own subtree
  h.provider->edge("front/a.py", "back/db.py", 3);        // another element: violation
  h.provider->edge("front/a.py", "tools/unowned.py", 4);  // unowned: ignored by default
  h.provider->edge("front/a.py", "", 5, "requests");      // external: ignored by default
  const char* spec = R"(import fs
pattern zone {
    allows connection to gateway
}
element front implements zone {
    scope src = fs.paths('front/a.py')
    element inner {
        scope src = fs.paths('front/inner/b.py')
    }
}
element gateway {
    scope src = fs.paths('gateway/g.py')
}
element back {
    scope src = fs.paths('back/db.py')
}
)";
  h.load(spec);
  h.provider->handled.insert("front/inner/b.py");
  RunResult r = h.run();
  auto rules = h.records_with_origin(r, "connection");
  ASSERT_EQ(rules.size(), 1u) << dump(r);
  EXPECT_EQ(rules[0].check, "allows connection to gateway");
  EXPECT_EQ(rules[0].message.value_or(""), "1 dependency outside the allowed targets: front/a.py:3 -> back/db.py");
  EXPECT_EQ(rules[0].evidence[0].message, "depends on back/db.py (owned by 'back')");

  RunOptions forbid;
  forbid.connections.unowned_forbid = true;
  RunResult strict = h.run(forbid);
  auto strict_rules = h.records_with_origin(strict, "connection");
  ASSERT_EQ(strict_rules.size(), 1u);
  EXPECT_EQ(strict_rules[0].message.value_or(""),
            "3 dependencies outside the allowed targets: front/a.py:3 -> back/db.py, front/a.py:4 -> "
            "tools/unowned.py, front/a.py:5 -> requests");
  EXPECT_EQ(strict_rules[0].evidence[2].message, "imports external module 'requests'");
}

TEST(EvalConnections, SeveralAllowsAreJudgedTogether) {
  ConnectionHarness h;
  h.provider->edge("front/a.py", "gateway/g.py", 1);
  h.provider->edge("front/a.py", "auth/x.py", 2);
  h.load(R"(import fs
pattern zone {
    allows connection to gateway
    allows connection to auth
}
element front implements zone {
    scope src = fs.paths('front/a.py')
}
element gateway {
    scope src = fs.paths('gateway/g.py')
}
element auth {
    scope src = fs.paths('auth/x.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].check, "allows connection to gateway, auth");
  EXPECT_EQ(r.records[0].status, CheckStatus::Pass) << dump(r);
}

TEST(EvalConnections, RequiresConnectionAppliesToTheElementAndEachDescendant) {
  ConnectionHarness h;
  h.provider->edge("mesh/user/u.py", "logging/log.py", 1);
  h.provider->handled.insert("mesh/order/o.py");
  h.load(R"(import fs
pattern mesh_zone {
    requires connection to logging
}
element mesh implements mesh_zone {
    element user {
        scope src = fs.paths('mesh/user/u.py')
    }
    element order {
        scope src = fs.paths('mesh/order/o.py')
    }
    element docs
}
element logging {
    scope src = fs.paths('logging/log.py')
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS mesh :: requires connection to logging [connection]",
                          "PASS mesh.user :: requires connection to logging [connection]",
                          "FAIL mesh.order :: requires connection to logging [connection] -> no dependency from "
                          "'mesh.order' on 'logging'",
                      }))
      << dump(r);
}

TEST(EvalConnections, UsesPassesWithAnEdgeOrWhenInsideAndFailsOtherwise) {
  ConnectionHarness h;
  h.provider->edge("core/parser.py", "core/lexer.py", 4);
  h.provider->handled.insert("core/interp.py");
  h.load(R"(import fs
element core {
    element lexer {
        scope module = fs.paths('core/lexer.py')
    }
    element parser {
        scope module = fs.paths('core/parser.py')
        module uses lexer
    }
    element interpreter {
        scope module = fs.paths('core/interp.py')
        module uses parser
    }
    element docs {
        scope pages = fs.paths('core/lexer.py')
        pages uses lexer
    }
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS core.parser :: module uses lexer [uses]",
                          "FAIL core.interpreter :: module uses parser [uses] -> no dependency from scope "
                          "'core.interpreter.module' on 'parser'",
                          "PASS core.docs :: pages uses lexer [uses]",
                      }))
      << dump(r);
}

TEST(EvalConnections, StrictUsesFailsForUndeclaredDependencies) {
  ConnectionHarness h;
  h.provider->edge("a/a.py", "b/b.py", 1);
  h.provider->edge("a/a.py", "c/c.py", 2);
  h.provider->edge("a/a.py", "tools/t.py", 3);  // unowned: not an element's
  h.provider->handled.insert("b/b.py");
  h.provider->handled.insert("c/c.py");
  h.load(R"(import fs
element a {
    scope src = fs.paths('a/a.py')
    src uses b
}
element b {
    scope src = fs.paths('b/b.py')
}
element c {
    scope src = fs.paths('c/c.py')
}
)");
  RunOptions options;
  options.connections.strict_uses = true;
  RunResult r = h.run(options);
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS a :: src uses b [uses]",
                          "FAIL a :: strict_uses [uses] -> 1 undeclared dependency: a/a.py:2 -> c/c.py",
                          "PASS b :: strict_uses [uses]",
                          "PASS c :: strict_uses [uses]",
                      }))
      << dump(r);
  RunResult lax = h.run();
  EXPECT_EQ(lax.records.size(), 1u);
}

TEST(EvalConnections, WithoutAProviderTheRuleIsAnErrorNamingTheFiles) {
  Harness h;  // no provider at all
  h.load(R"(import fs
pattern no_db {
    forbids connection to db
}
element api implements no_db {
    scope src = fs.paths('src/a.py', 'src/b.py', 'src/c.py', 'src/d.py', 'README.md')
}
element db {
    scope src = fs.paths('db/x.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].code.value_or(""), "E207");
  EXPECT_EQ(r.records[0].message.value_or(""),
            "no dependency information for 4 files (src/a.py, src/b.py, src/c.py, …): no language library provides "
            "dependencies for them yet");
}

TEST(EvalConnections, NonSourceFilesNeedNoDependencyInformation) {
  Harness h;
  h.load(R"(import fs
pattern no_db {
    forbids connection to db
}
element docs implements no_db {
    scope pages = fs.paths('docs/index.md', 'docs/logo.png')
}
element db {
    scope src = fs.paths('db/x.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Pass) << dump(r);
}

TEST(EvalConnections, AViolationAmongCoveredFilesIsReportedEvenIfOthersAreUncovered) {
  ConnectionHarness h;
  h.provider->edge("api/a.py", "db/x.py", 3);
  h.load(R"(import fs
pattern no_db {
    forbids connection to db
}
element api implements no_db {
    scope src = fs.paths('api/a.py', 'api/b.rs')
}
element db {
    scope src = fs.paths('db/x.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Fail) << dump(r);
}

TEST(EvalConnections, TargetMatchingNoElementIsW055AndChecksNothing) {
  ConnectionHarness h;
  h.load(R"(import fs
pattern secure {
    forbids connection to external.*
}
element api implements secure {
    scope src = fs.paths('api/a.py')
}
)");
  const syntax::Diagnostic* w055 = nullptr;
  for (const auto& d : h.diagnostics.items()) {
    if (d.code == "W055") w055 = &d;
  }
  ASSERT_NE(w055, nullptr);
  EXPECT_EQ(w055->message, "connection target 'external.*' matches no element (undefined name 'external')");
  EXPECT_EQ(w055->span.start.line, 3u);
  EXPECT_EQ(w055->span.start.column, 27u);
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Pass);
}

}  // namespace
}  // namespace hie::eval::testing
