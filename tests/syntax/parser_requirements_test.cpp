// Parser: every requirement form in pattern bodies (requires/allows/forbids, descendant, each target), their
// bodies in both block forms, source text and spans, and E011.
#include <gtest/gtest.h>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::join_names;
using testing::parse_text;

const std::vector<RequirementDecl>& requirements_of(const testing::Parsed& parsed) {
  return parsed.file.patterns.at(0).body.requirements;
}

TEST(ParserRequirements, EveryTarget) {
  const auto parsed = parse_text(
      "pattern p {\n"
      "    requires scope api_docs\n"
      "    requires descendant scope dockerfile<docker> = docker.file_selector('Dockerfile')\n"
      "    allows ref port: integer\n"
      "    forbids descendant check files.exists(src, 'x')\n"
      "    requires element handler\n"
      "    requires descendant element svc: Service implements microservice\n"
      "    requires descendant implements dockerized\n"
      "    forbids connection to external.untrusted.*\n"
      "    allows connection api_gateway.public_api\n"
      "    requires language python\n"
      "    forbids language rust\n"
      "}\n");
  ASSERT_EQ(codes(parsed), "");
  const auto& r = requirements_of(parsed);
  ASSERT_EQ(r.size(), 11u);

  EXPECT_EQ(r[0].action, RequirementAction::Requires);
  EXPECT_FALSE(r[0].descendant);
  EXPECT_EQ(r[0].target, RequirementTarget::Scope);
  EXPECT_EQ(r[0].scope->name.name, "api_docs");
  EXPECT_EQ(r[0].scope->value, nullptr);
  EXPECT_EQ(r[0].source_text, "requires scope api_docs");

  EXPECT_TRUE(r[1].descendant);
  EXPECT_EQ(r[1].scope->language->name, "docker");
  EXPECT_EQ(r[1].scope->value_text, "docker.file_selector('Dockerfile')");

  EXPECT_EQ(r[2].action, RequirementAction::Allows);
  EXPECT_EQ(r[2].target, RequirementTarget::Ref);
  EXPECT_EQ(r[2].ref->type.name, "integer");

  EXPECT_EQ(r[3].action, RequirementAction::Forbids);
  EXPECT_EQ(r[3].target, RequirementTarget::Check);
  EXPECT_EQ(r[3].check->source_text, "files.exists(src, 'x')");
  EXPECT_EQ(r[3].source_text, "forbids descendant check files.exists(src, 'x')");

  EXPECT_EQ(r[4].target, RequirementTarget::Element);
  EXPECT_EQ(r[4].element_name.name, "handler");
  EXPECT_EQ(r[4].element_body, nullptr);

  EXPECT_EQ(r[5].element_name.name, "svc");
  EXPECT_EQ(r[5].element_type->name, "Service");
  EXPECT_EQ(r[5].element_implements->name, "microservice");
  EXPECT_EQ(r[5].source_text, "requires descendant element svc: Service implements microservice");

  EXPECT_EQ(r[6].target, RequirementTarget::Implements);
  EXPECT_EQ(r[6].element_name.name, "_anonymous");
  EXPECT_EQ(r[6].element_implements->name, "dockerized");

  EXPECT_EQ(r[7].target, RequirementTarget::Connection);
  EXPECT_EQ(join_names(r[7].connection_path, "."), "external.untrusted");
  EXPECT_TRUE(r[7].connection_wildcard);
  EXPECT_EQ(r[7].source_text, "forbids connection to external.untrusted.*");
  EXPECT_EQ(r[7].span.start.column, 5u);
  EXPECT_EQ(r[7].span.end.column, 47u);

  EXPECT_EQ(join_names(r[8].connection_path, "."), "api_gateway.public_api");
  EXPECT_FALSE(r[8].connection_wildcard);

  EXPECT_EQ(r[9].target, RequirementTarget::Language);
  EXPECT_EQ(r[9].language.name, "python");
  EXPECT_EQ(r[10].action, RequirementAction::Forbids);
}

TEST(ParserRequirements, ElementBodiesInBothForms) {
  const auto parsed = parse_text(
      "pattern p:\n"
      "    requires element api:\n"
      "        scope module<rust>\n"
      "        ref handler: Handler\n"
      "    requires descendant element db implements storage {\n"
      "        scope schema\n"
      "        check sql.valid(schema)\n"
      "    }\n"
      "    requires element one_line { scope x }\n"
      "    check after()\n");
  ASSERT_EQ(codes(parsed), "");
  const auto& pattern = parsed.file.patterns.at(0);
  EXPECT_EQ(pattern.body.checks.size(), 1u);
  const auto& r = pattern.body.requirements;
  ASSERT_EQ(r.size(), 3u);
  ASSERT_NE(r[0].element_body, nullptr);
  EXPECT_FALSE(r[0].element_body->brace_block);
  EXPECT_EQ(r[0].element_body->name.name, "api");
  EXPECT_EQ(r[0].element_body->body.scopes.size(), 1u);
  EXPECT_EQ(r[0].element_body->body.refs.size(), 1u);
  EXPECT_EQ(r[0].source_text, "requires element api");
  EXPECT_EQ(r[0].span.end.line, 4u);

  ASSERT_NE(r[1].element_body, nullptr);
  EXPECT_TRUE(r[1].element_body->brace_block);
  EXPECT_EQ(r[1].element_body->implements.at(0).name, "storage");
  EXPECT_EQ(r[1].element_body->body.checks.size(), 1u);
  EXPECT_EQ(r[1].source_text, "requires descendant element db implements storage");
  EXPECT_EQ(r[1].span.start.line, 5u);
  EXPECT_EQ(r[1].span.end.line, 8u);
  EXPECT_EQ(r[1].span.end.column, 6u);
  EXPECT_EQ(r[1].element_body->span.start.column, 25u);

  EXPECT_EQ(r[2].element_body->body.scopes.size(), 1u);
}

TEST(ParserRequirements, BodiesAreElementBodies) {
  const auto parsed = parse_text(
      "pattern p {\n"
      "    requires element api {\n"
      "        requires scope x\n"
      "        element nested { scope unbounded_is_fine }\n"
      "    }\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E012@3:9");
  ASSERT_EQ(requirements_of(parsed).size(), 1u);
  EXPECT_EQ(requirements_of(parsed)[0].element_body->body.elements.size(), 1u);
}

TEST(ParserRequirements, DocCommentsAttach) {
  const auto parsed = parse_text(
      "pattern p {\n"
      "    ## every service logs\n"
      "    requires connection to logging.*\n"
      "}\n");
  ASSERT_EQ(codes(parsed), "");
  EXPECT_EQ(requirements_of(parsed).at(0).doc, "every service logs");
}

TEST(ParserRequirements, BadTargetIsE011) {
  const auto parsed = parse_text(
      "pattern p {\n"
      "    requires descendant foo bar\n"
      "    forbids\n"
      "    requires scope ok\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E011@2:25 E011@3:12");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected 'scope', 'ref', 'check', 'element', 'implements', 'connection' or 'language' after "
            "'requires descendant', found 'foo'");
  EXPECT_EQ(parsed.diagnostics.items()[1].message,
            "expected 'scope', 'ref', 'check', 'element', 'implements', 'connection' or 'language' after "
            "'forbids', found a newline");
  EXPECT_EQ(requirements_of(parsed).size(), 1u);
}

TEST(ParserRequirements, TargetErrors) {
  EXPECT_EQ(codes(parse_text("pattern p {\n  forbids connection to a.*.b\n}\n")), "E008@2:28");
  EXPECT_EQ(codes(parse_text("pattern p {\n  forbids connection to *\n}\n")), "E004@2:25");
  EXPECT_EQ(codes(parse_text("pattern p {\n  requires implements\n}\n")), "E004@2:22");
  EXPECT_EQ(codes(parse_text("pattern p {\n  requires element x implements a, b\n}\n")), "E007@2:34");
  EXPECT_EQ(codes(parse_text("pattern p {\n  requires ref r = 1\n}\n")), "E015@2:12");
  EXPECT_EQ(codes(parse_text("pattern p {\n  requires language\n}\n")), "E004@2:20");
}

TEST(ParserRequirements, KeywordsInConnectionPaths) {
  const auto parsed = parse_text("pattern p {\n  forbids connection to element.scope.*\n}\n");
  ASSERT_EQ(codes(parsed), "");
  EXPECT_EQ(join_names(requirements_of(parsed)[0].connection_path, "."), "element.scope");
}

}  // namespace
}  // namespace hie::syntax
