// Requirements (LANGUAGE.md §7.4), every form, plain and descendant, requires/forbids/allows.
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

// Runs a pattern with the given requirement lines against `body` (the implementing element's body).
RunResult run_requirement(Harness& h, const std::string& requirements, const std::string& body,
                          const std::string& extra = "") {
  h.load("import fs\npattern p {\n" + requirements + "}\n" + extra + "element e implements p {\n" + body + "}\n");
  return h.run();
}

// The requirement results (records of other origins left out).
std::vector<std::string> statuses(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& record : r.records) {
    if (record.origin != "requirement") continue;
    out.push_back(std::string(status_name(record.status)) + (record.message ? ": " + *record.message : ""));
  }
  return out;
}

TEST(EvalRequirements, RequiresScopePlainAndDescendant) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires scope src\n"
                                "    requires scope docs\n"
                                "    requires descendant scope api<python>\n"
                                "    requires descendant scope src\n",
                                "    scope src = fs.paths('a')\n"
                                "    element child {\n        scope api<python> = fs.paths('b')\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "fail: 'e' declares no scope 'docs'",
                             "pass",
                             "fail: no element below 'e' declares a scope 'src'",
                         }));
  EXPECT_EQ(r.records[0].origin, "requirement");
  EXPECT_EQ(r.records[0].check, "requires scope src");
  EXPECT_EQ(r.records[0].element, "e");
  EXPECT_EQ(r.records[0].line, 3u);
}

// The message names what is missing even when there is no candidate at all (a leaf element).
TEST(EvalRequirements, DescendantRequirementOnALeafNamesWhatIsMissing) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires descendant scope api\n"
                                "    requires descendant ref port: integer\n"
                                "    requires descendant element db\n",
                                "    scope src = fs.paths('a')\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "fail: no element below 'e' declares a scope 'api'",
                             "fail: no element below 'e' declares a ref 'port: integer'",
                             "fail: no element below 'e' is an element 'db'",
                         }));
}

TEST(EvalRequirements, RequiresScopeWithLanguageNeedsTheAnnotation) {
  Harness h;
  RunResult r = run_requirement(h, "    requires scope src<rust>\n", "    scope src<python> = fs.paths('a')\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{"fail: 'e' declares no scope 'src<rust>'"}));
}

TEST(EvalRequirements, ForbidsScopeAndRef) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    forbids scope secrets\n"
                                "    forbids descendant ref port: integer\n"
                                "    requires ref port: integer\n",
                                "    scope secrets = fs.paths('k')\n"
                                "    element child {\n        ref port: integer = 1\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "fail: forbidden a scope 'secrets' found in 'e'",
                             "fail: forbidden a ref 'port: integer' found in 'e.child'",
                             "fail: 'e' declares no ref 'port: integer'",
                         }));
}

TEST(EvalRequirements, RequiresElementChildVersusDescendant) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires element api\n"
                                "    requires element db\n"
                                "    requires descendant element db\n",
                                "    element api\n    element group {\n        element db\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "fail: 'e' has no child element that is an element 'db'",
                             "pass",
                         }));
}

TEST(EvalRequirements, RequiresElementWithTypeImplementsAndBody) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires element api: Service\n"
                                "    requires descendant element worker implements q\n"
                                "    requires element db {\n"
                                "        scope schema\n"
                                "        ref url: string\n"
                                "        check fs.nonempty(schema)\n"
                                "    }\n"
                                "    requires element cache {\n        scope data\n    }\n",
                                "    element api: Service\n"
                                "    element pool {\n        element worker implements q\n    }\n"
                                "    element db {\n"
                                "        scope schema = fs.paths('s.sql')\n"
                                "        ref url: string = 'x'\n"
                                "        check fs.nonempty( schema )\n"
                                "    }\n"
                                "    element cache {\n        scope other = fs.paths('c')\n    }\n",
                                "pattern q {\n}\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "pass",
                             "pass",
                             "fail: 'e' has no child element that is an element 'cache' with the declarations of its body",
                         }))
      << dump(r);
}

TEST(EvalRequirements, RequiresDescendantImplementsShorthand) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires descendant implements q\n"
                                "    requires implements q\n"
                                "    forbids descendant implements z\n",
                                "    element group {\n        element svc implements q\n        element bad implements z\n    }\n",
                                "pattern q {\n}\npattern z {\n}\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "fail: 'e' has no child element that is an element that implements 'q'",
                             "fail: forbidden an element that implements 'z' found in 'e.group.bad'",
                         }))
      << dump(r);
}

TEST(EvalRequirements, RequiresCheckPassesWhenAnyCandidatePasses) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires descendant check fs.has(dockerfile, 'Dockerfile')\n"
                                "    requires check fs.has(dockerfile, 'Dockerfile')\n"
                                "    requires descendant check fs.has(nothing_has_this, 'x')\n",
                                "    element web {\n        scope src = fs.paths('w')\n    }\n"
                                "    element bad {\n        scope dockerfile = fs.paths('Other')\n    }\n"
                                "    element good {\n        scope dockerfile = fs.paths('Dockerfile')\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "fail: the check's names do not resolve for 'e' (undefined name 'dockerfile')",
                             "fail: the check's names do not resolve for any element below 'e' (undefined name "
                             "'nothing_has_this')",
                         }))
      << dump(r);
  // `web` does not resolve `dockerfile`; `bad` fails, `good` passes: two evaluations.
  EXPECT_EQ(h.fs->calls("check:has"), 2);
}

TEST(EvalRequirements, RequiresCheckFailsWhenEveryCandidateFails) {
  Harness h;
  RunResult r = run_requirement(h, "    requires descendant check fs.nonempty(src)\n",
                                "    element a {\n        scope src = fs.paths()\n    }\n"
                                "    element b {\n        scope src = fs.paths()\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "fail: the check fails for every candidate below 'e': 'e.a': empty; 'e.b': empty"}));
}

TEST(EvalRequirements, ForbidsCheckFailsWhenAnyCandidatePasses) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    forbids descendant check fs.nonempty(src)\n"
                                "    forbids check fs.nonempty(src)\n",
                                "    scope src = fs.paths()\n"
                                "    element a {\n        scope src = fs.paths()\n    }\n"
                                "    element b {\n        scope src = fs.paths('x')\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{"fail: the forbidden check passes for 'e.b'", "pass"}));
}

TEST(EvalRequirements, RequiresCheckResolvesPatternMembersThroughTheInstance) {
  Harness h;
  h.load(R"(import fs
pattern svc {
    element container {
        scope dockerfile
    }
    requires descendant check fs.has(container.dockerfile, 'Dockerfile')
}
element orders implements svc {
    scope df binds svc.container.dockerfile = fs.paths('Dockerfile')
    element health
}
)");
  RunResult r = h.run();
  EXPECT_EQ(statuses(r), (std::vector<std::string>{"pass"})) << dump(r);
}

TEST(EvalRequirements, LanguageRequirements) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    requires language python\n"
                                "    forbids language rust\n"
                                "    requires language go\n",
                                "    scope a<python> = fs.paths('a.py')\n"
                                "    element x {\n        scope b<rust> = fs.paths('b.rs')\n    }\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{
                             "pass",
                             "fail: scopes annotated <rust> in 'e': 'e.x.b'",
                             "fail: no scope of 'e' or below is annotated <go>",
                         }));
}

TEST(EvalRequirements, AllowsLanguageRestrictsEveryAnnotatedScopeTogether) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    allows language python\n"
                                "    allows language rust\n",
                                "    scope a<python> = fs.paths('a.py')\n"
                                "    element x {\n        scope b<rust> = fs.paths('b.rs')\n"
                                "        scope c<go> = fs.paths('c.go')\n        scope d = fs.paths('d')\n    }\n");
  ASSERT_EQ(r.records.size(), 1u) << dump(r);
  EXPECT_EQ(r.records[0].check, "allows language python, rust");
  EXPECT_EQ(r.records[0].status, CheckStatus::Fail);
  EXPECT_EQ(r.records[0].message.value_or(""),
            "scopes in languages that are not allowed (allowed: python, rust): 'e.x.c' <go>");
}

TEST(EvalRequirements, DocumentationOnlyAllowsYieldNoResultAndW054OncePerPattern) {
  Harness h;
  RunResult r = run_requirement(h,
                                "    allows scope src\n"
                                "    allows descendant element x\n"
                                "    requires scope src\n",
                                "    scope src = fs.paths('a')\n");
  EXPECT_EQ(statuses(r), (std::vector<std::string>{"pass"}));
  std::size_t w054 = 0;
  for (const auto& d : h.diagnostics.items()) w054 += d.code == "W054" ? 1 : 0;
  EXPECT_EQ(w054, 1u);
}

}  // namespace
}  // namespace hie::eval::testing
