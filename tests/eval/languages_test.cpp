// Language declarations: connection_check applied to parent/child pairs with <L> scopes.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

TEST(EvalLanguages, ConnectionCheckAppliesToEveryParentChildPairWithLanguageScopes) {
  Harness h;
  h.load(R"(import fs
language python {
    connection_check parent_has(parent: scope[], child: scope[]): fs.has(parent, 'p.py')
    connection_check both(all: scope[]): fs.count(all, 3)
}
element app {
    scope src<python> = fs.paths('p.py')
    scope other = fs.paths('ignored.txt')
    element api {
        scope src<python> = fs.paths('api/a.py', 'api/b.py')
        element leaf {
            scope src<python> = fs.paths('api/leaf.py')
        }
    }
    element docs {
        scope pages = fs.paths('docs/x.md')
    }
    element rust_part {
        scope src<rust> = fs.paths('r.rs')
    }
}
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS app.api :: fs.has(parent, 'p.py') [language python]",
                          "PASS app.api :: fs.count(all, 3) [language python]",
                          "FAIL app.api.leaf :: fs.has(parent, 'p.py') [language python] -> missing p.py",
                          "PASS app.api.leaf :: fs.count(all, 3) [language python]",
                      }))
      << dump(r);
  EXPECT_EQ(r.records[0].line, 3u);
  EXPECT_EQ(r.records[0].origin, "language python");
}

TEST(EvalLanguages, ConnectionCheckBodyIsValidated) {
  Harness h;
  h.load(R"(import fs
language python {
    connection_check bad(a: scope[], b: scope[]): fs.imports_allowed(a, b)
    connection_check arity(a: scope[], b: scope[], c: scope[]): fs.pass()
    connection_check unknown(a: scope[]): fs.nonempty(zzz)
}
)",
         true);
  std::vector<std::string> codes;
  for (const auto& d : h.diagnostics.items()) codes.push_back(d.code + " " + std::to_string(d.span.start.line));
  EXPECT_EQ(codes, (std::vector<std::string>{"E055 3", "E056 4", "E050 5"}));
}

TEST(EvalLanguages, UndeclaredNonBuiltinLanguageIsW056) {
  Harness h;
  h.load(R"(import fs
language kotlin
element app {
    scope a<kotlin> = fs.paths('a.kt')
    scope b<python> = fs.paths('b.py')
    scope c<cobol> = fs.paths('c.cbl')
}
)");
  std::vector<std::string> w056;
  for (const auto& d : h.diagnostics.items()) {
    if (d.code == "W056") w056.push_back(std::to_string(d.span.start.line) + ":" + std::to_string(d.span.start.column) + " " + d.message);
  }
  EXPECT_EQ(w056, (std::vector<std::string>{"6:13 undeclared language 'cobol'"}));
}

}  // namespace
}  // namespace hie::eval::testing
