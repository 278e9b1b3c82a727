// Pattern checks at run time: once per implementing element, names resolved in the instance, reported under E.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

TEST(EvalPatterns, PatternCheckRunsOncePerImplementingElementWithItsBindings) {
  Harness h;
  h.load(R"(import fs
pattern layered {
    element api {
        scope module
    }
    element db {
        scope module = fs.paths('shared/db.py')
    }
    check fs.has(api.module, 'api.py')
    check fs.has(layered.db.module, 'shared/db.py')
}
element orders implements layered {
    scope api_mod binds layered.api.module = fs.paths('api.py')
    check fs.pass()
}
element payments implements layered {
    layered.api.module = fs.paths('other.py')
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS orders :: fs.pass() [element]",
                          "PASS orders :: fs.has(api.module, 'api.py') [pattern layered]",
                          "PASS orders :: fs.has(layered.db.module, 'shared/db.py') [pattern layered]",
                          "FAIL payments :: fs.has(api.module, 'api.py') [pattern layered] -> missing api.py",
                          "PASS payments :: fs.has(layered.db.module, 'shared/db.py') [pattern layered]",
                      }))
      << dump(r);
  EXPECT_EQ(r.records[1].line, 9u);  // the position of the pattern check
  EXPECT_NE(r.records[1].fingerprint, r.records[3].fingerprint);  // same check, other element
  // The default is evaluated once per instance (each instance has its own slot).
  EXPECT_EQ(h.fs->calls("call:paths"), 4);
}

TEST(EvalPatterns, UnboundMemberIsAnErrorResultWhenRunAnyway) {
  Harness h;
  h.load(R"(import fs
pattern p {
    element a {
        scope m
    }
    check fs.nonempty(a.m)
}
element e implements p
)",
         true);
  ASSERT_NE(std::find_if(h.diagnostics.items().begin(), h.diagnostics.items().end(),
                         [](const auto& d) { return d.code == "E053"; }),
            h.diagnostics.items().end());
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Error);
  EXPECT_EQ(r.records[0].code.value_or(""), "E053");
  EXPECT_EQ(r.records[0].message.value_or(""),
            "scope 'e.p.a.m' could not be evaluated: 'e' does not bind it and the pattern gives no default");
}

TEST(EvalPatterns, BoundLanguageAnnotationOfThePatternMemberApplies) {
  Harness h;
  h.load(R"(import fs
pattern p {
    element a {
        scope m<rust>
    }
    check fs.nonempty(a.m)
}
element e implements p {
    scope mine binds p.a.m = fs.lang('python', 'x.py')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].code, "W011");
  EXPECT_EQ(r.diagnostics.items()[0].message,
            "scope 'e.p.a.m' is annotated <rust> but its selector returned a python scope");
}

TEST(EvalPatterns, ComposedPatternChecksRunForTheOuterImplementingElement) {
  Harness h;
  h.load(R"(import fs
pattern logged {
    element log {
        scope module
    }
    check fs.has(log.module, 'log.py')
}
pattern service {
    element api implements logged {
        scope module
        scope log_mod binds logged.log.module = fs.paths('log.py')
    }
    check fs.nonempty(api.module)
}
element orders implements service {
    scope api_mod binds service.api.module = fs.paths('orders/api.py')
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS orders :: fs.nonempty(api.module) [pattern service]",
                          "PASS orders :: fs.has(log.module, 'log.py') [pattern logged]",
                      }))
      << dump(r);
}

TEST(EvalPatterns, PatternUsesIsCheckedPerInstance) {
  Harness h;
  FakeProvider* provider = nullptr;
  {
    auto p = std::make_shared<FakeProvider>();
    p->edge("web/a.py", "core/b.py", 7);
    provider = p.get();
    h.graph.add_provider(p);
  }
  (void)provider;
  h.load(R"(import fs
pattern frontend {
    element ui {
        scope src
        src uses core
    }
    element core {
        scope src
    }
}
element app implements frontend {
    scope web binds frontend.ui.src = fs.paths('web/a.py')
    scope lib binds frontend.core.src = fs.paths('core/b.py')
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{"PASS app :: src uses core [uses]"})) << dump(r);
}

}  // namespace
}  // namespace hie::eval::testing
