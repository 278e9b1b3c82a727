// The older tool's spellings get the same meaning: `template`, `connection_point`, `scope x : lang`, V1 blocks.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

TEST(EvalLegacyForms, TemplateConnectionPointAndColonLanguage) {
  Harness h;
  h.load(R"(import fs
template service:
    element api:
        scope module : python
    check fs.language(api.module, 'python')
    requires language python

element orders implements service:
    scope src : python = fs.paths('orders/a.py')
    connection_point port: integer = 2
    service.api.module = fs.paths('orders/api.py')
    check fs.language(src, 'python')
    check fs.count(fs.paths('a', 'b'), port)
)");
  RunResult r = h.run();
  EXPECT_EQ(lines(r), (std::vector<std::string>{
                          "PASS orders :: fs.language(src, 'python') [element]",
                          "PASS orders :: fs.count(fs.paths('a', 'b'), port) [element]",
                          "PASS orders :: fs.language(api.module, 'python') [pattern service]",
                          "PASS orders :: requires language python [requirement]",
                      }))
      << dump(r);
}

TEST(EvalLegacyForms, LanguageAnnotationIsVisibleToChecks) {
  Harness h;
  h.load(R"(import fs
element app {
    scope a<rust> = fs.paths('a.rs')
    scope b = fs.paths('b')
    check fs.language(a, 'rust')
    check fs.language(b, 'rust')
}
)");
  RunResult r = h.run();
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].status, CheckStatus::Pass);
  EXPECT_EQ(r.records[1].message.value_or(""), "language none");
}

}  // namespace
}  // namespace hie::eval::testing
