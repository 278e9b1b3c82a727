// Parser: element body statements (scope, ref, check, uses, V1 bindings, nested elements), keywords as names,
// and the errors E002, E004, E007, E008, E012, E014, E015, E016.
#include <gtest/gtest.h>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::join_names;
using testing::parse_text;

const ElementDecl& only_element(const testing::Parsed& parsed) {
  EXPECT_EQ(parsed.file.elements.size(), 1u);
  return parsed.file.elements.at(0);
}

TEST(ParserDeclarations, ScopeForms) {
  const auto parsed = parse_text(
      "element e {\n"
      "    scope a = files.folder_selector('src')\n"
      "    scope b<rust> = rust.module_selector('b')\n"
      "    scope c : python = python.module_selector('c')\n"
      "    scope d<rust> binds p.api.module = rust.module_selector('d')\n"
      "    scope e binds p.x = f()\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& scopes = only_element(parsed).body.scopes;
  ASSERT_EQ(scopes.size(), 5u);
  EXPECT_EQ(scopes[0].name.name, "a");
  EXPECT_FALSE(scopes[0].language.has_value());
  EXPECT_EQ(scopes[0].value_text, "files.folder_selector('src')");
  EXPECT_EQ(scopes[0].span.start.line, 2u);
  EXPECT_EQ(scopes[0].span.start.column, 5u);
  EXPECT_EQ(scopes[0].span.end.column, 43u);
  EXPECT_EQ(scopes[1].language->name, "rust");
  EXPECT_FALSE(scopes[1].legacy_colon_language);
  EXPECT_EQ(scopes[2].language->name, "python");
  EXPECT_TRUE(scopes[2].legacy_colon_language);
  ASSERT_TRUE(scopes[3].binds.has_value());
  EXPECT_EQ(join_names(*scopes[3].binds, "."), "p.api.module");
  EXPECT_EQ(scopes[3].language->name, "rust");
  EXPECT_EQ(join_names(*scopes[4].binds, "."), "p.x");
}

TEST(ParserDeclarations, RefForms) {
  const auto parsed = parse_text(
      "element e:\n"
      "    ref port: integer = 8080\n"
      "    connection_point handler: HttpHandler = rust.function_selector(m, 'h')\n"
      "    ref r: Metrics binds o.metrics.prometheus = f(m)\n"
      "    ref s: scope = files.folder_selector('x')\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& refs = only_element(parsed).body.refs;
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].name.name, "port");
  EXPECT_EQ(refs[0].type.name, "integer");
  EXPECT_EQ(refs[0].value_text, "8080");
  EXPECT_FALSE(refs[0].legacy_connection_point);
  EXPECT_TRUE(refs[1].legacy_connection_point);
  EXPECT_EQ(refs[1].type.name, "HttpHandler");
  EXPECT_EQ(join_names(*refs[2].binds, "."), "o.metrics.prometheus");
  EXPECT_EQ(refs[3].type.name, "scope");  // a keyword used as a type name
}

TEST(ParserDeclarations, ChecksKeepTheirSourceText) {
  const auto parsed = parse_text(
      "element e {\n"
      "    check files.exists(src,   \"a b\")   # comment\n"
      "    check rust.no_dependency(\n"
      "        a.module,\n"
      "        b.module,\n"
      "    )\n"
      "    scope after = 1\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& element = only_element(parsed);
  ASSERT_EQ(element.body.checks.size(), 2u);
  EXPECT_EQ(element.body.checks[0].source_text, "files.exists(src,   \"a b\")");
  EXPECT_EQ(element.body.checks[0].span.start.column, 5u);
  EXPECT_EQ(element.body.checks[1].source_text, "rust.no_dependency(\n        a.module,\n        b.module,\n    )");
  EXPECT_EQ(element.body.checks[1].span.end.line, 6u);
  ASSERT_EQ(element.body.scopes.size(), 1u);
  EXPECT_EQ(element.body.scopes[0].span.start.line, 7u);
}

TEST(ParserDeclarations, UsesStatements) {
  const auto parsed = parse_text(
      "element e {\n"
      "    src uses core.lexer\n"
      "    module uses parser\n"
      "    scope uses element.x\n"  // a keyword-named scope
      "}\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& uses = only_element(parsed).body.uses;
  ASSERT_EQ(uses.size(), 3u);
  EXPECT_EQ(uses[0].source.name, "src");
  EXPECT_EQ(join_names(uses[0].target, "."), "core.lexer");
  EXPECT_EQ(uses[0].span.start.column, 5u);
  EXPECT_EQ(uses[0].span.end.column, 24u);
  EXPECT_EQ(join_names(uses[1].target, "."), "parser");
  EXPECT_EQ(uses[2].source.name, "scope");
  EXPECT_EQ(join_names(uses[2].target, "."), "element.x");
}

TEST(ParserDeclarations, V1BindingsAllowKeywordSegments) {
  const auto parsed = parse_text(
      "element c implements compiler:\n"
      "    compiler.lexer.scope = rust.module_selector('lexer')\n"
      "    compiler.parser.ast = rust.function_selector(compiler.parser.scope, 'parse')\n"
      "    scope.check.element = 1\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& bindings = only_element(parsed).body.bindings;
  ASSERT_EQ(bindings.size(), 3u);
  EXPECT_EQ(join_names(bindings[0].path, "."), "compiler.lexer.scope");
  EXPECT_EQ(bindings[0].value_text, "rust.module_selector('lexer')");
  EXPECT_EQ(bindings[0].span.start.column, 5u);
  EXPECT_EQ(join_names(bindings[2].path, "."), "scope.check.element");
}

TEST(ParserDeclarations, KeywordsAsNames) {
  const auto parsed = parse_text(
      "element scope {\n"
      "    scope check = f()\n"
      "    ref element: uses = g()\n"
      "    element pattern\n"
      "    check h(check, element.language)\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "");
  const auto& element = only_element(parsed);
  EXPECT_EQ(element.name.name, "scope");
  EXPECT_EQ(element.body.scopes[0].name.name, "check");
  EXPECT_EQ(element.body.refs[0].name.name, "element");
  EXPECT_EQ(element.body.refs[0].type.name, "uses");
  EXPECT_EQ(element.body.elements[0].name.name, "pattern");
  EXPECT_EQ(element.body.checks[0].source_text, "h(check, element.language)");
}

TEST(ParserDeclarations, ReservedWordsAreNotNames) {
  const auto parsed = parse_text("element import {}\nelement ok {}\n");
  EXPECT_EQ(codes(parsed), "E004@1:9");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected a name after 'element', found 'import'");
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  EXPECT_EQ(codes(parse_text("element e { scope true = 1 }\n")), "E004@1:19");
}

TEST(ParserDeclarations, MissingNameIsE004) {
  const auto parsed = parse_text("element {\n  scope x = 1\n}\nelement b {}\n");
  EXPECT_EQ(codes(parsed), "E004@1:9");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected a name after 'element', found '{'");
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  EXPECT_EQ(parsed.file.elements[0].name.name, "b");
}

TEST(ParserDeclarations, UntypedRefIsE015) {
  const auto parsed = parse_text("element e {\n  ref api = f()\n  scope ok = 1\n}\n");
  EXPECT_EQ(codes(parsed), "E015@2:3");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "ref 'api' needs a type: `ref api: Type = ...`");
  EXPECT_EQ(only_element(parsed).body.scopes.size(), 1u);
  EXPECT_EQ(codes(parse_text("element e {\n  connection_point api\n}\n")), "E015@2:3");
  EXPECT_EQ(codes(parse_text("element e {\n  ref api Type\n}\n")), "E007@2:11");
}

TEST(ParserDeclarations, UnboundedOutsidePatternsAreE014AndE015) {
  const auto parsed = parse_text(
      "element e {\n"
      "  scope s<rust>\n"
      "  ref r: Handler\n"
      "  element inner {\n"
      "    scope t binds p.x\n"
      "  }\n"
      "}\n"
      "pattern p {\n"
      "  scope u\n"
      "  element pe { scope v\n ref w: T }\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E014@2:3 E015@3:3 E014@5:5");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "unbounded scope 's' is only allowed in templates (patterns), not in regular elements");
  EXPECT_EQ(parsed.diagnostics.items()[0].help, "give it a value: `scope s = <expression>`");
  EXPECT_EQ(parsed.diagnostics.items()[1].message,
            "unbounded ref 'r' is only allowed in templates (patterns), not in regular elements");
  // The declarations are kept, so later passes see the element as written.
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
  EXPECT_EQ(parsed.file.patterns[0].body.elements[0].body.refs.size(), 1u);
}

TEST(ParserDeclarations, RequirementsInElementsAreE012) {
  const auto parsed = parse_text(
      "element e {\n"
      "  forbids connection to db.*\n"
      "  requires element x {\n"
      "    scope y\n"
      "  }\n"
      "  scope ok = 1\n"
      "}\n"
      "pattern p {\n"
      "  element pe {\n"
      "    allows language rust\n"
      "  }\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E012@2:3 E012@3:3 E012@10:5");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "'forbids' is only allowed in templates (patterns), not in regular elements");
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
}

TEST(ParserDeclarations, UsesWithoutSourceIsE016) {
  const auto parsed = parse_text("element e {\n  uses core\n}\n");
  EXPECT_EQ(codes(parsed), "E016@2:3");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected a name before 'uses'");
}

TEST(ParserDeclarations, BadBodyStatementIsE002) {
  const auto parsed = parse_text(
      "element e {\n"
      "  scpe x = 1\n"
      "  files.exists(src)\n"
      "  x = 1\n"
      "  scope ok = 1\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E002@2:3 E002@3:15 E002@4:3");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected 'scope', 'ref', 'check', 'element', 'uses' or a binding in an element body, found 'scpe'");
  EXPECT_EQ(parsed.diagnostics.items()[0].help, "did you mean 'scope'?");
  EXPECT_EQ(parsed.diagnostics.items()[1].message, "a call cannot be a statement on its own");
  EXPECT_EQ(parsed.diagnostics.items()[1].help, "to run a check write `check files.exists(...)`");
  EXPECT_EQ(only_element(parsed).body.scopes.size(), 1u);
}

TEST(ParserDeclarations, PatternBodyRejectsBindings) {
  const auto parsed = parse_text("pattern p {\n  p.a.b = 1\n  src uses x\n  check f()\n}\n");
  EXPECT_EQ(codes(parsed), "E002@2:3");
  ASSERT_EQ(parsed.file.patterns.size(), 1u);
  EXPECT_EQ(parsed.file.patterns[0].body.uses.size(), 1u);
  EXPECT_EQ(parsed.file.patterns[0].body.checks.size(), 1u);
  EXPECT_EQ(codes(parse_text("pattern p {\n  import x\n}\n")), "E002@2:3");
}

TEST(ParserDeclarations, BindingWithoutEqualsIsE007) {
  const auto parsed = parse_text("element e {\n  p.a.b f()\n}\n");
  EXPECT_EQ(codes(parsed), "E007@2:9");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected '=' after the binding path 'p.a.b', found 'f'");
}

TEST(ParserDeclarations, JunkAfterAStatementIsE008) {
  const auto parsed = parse_text(
      "element e {\n"
      "  scope a = f() g\n"
      "  scope b<rust> x\n"
      "  check h() ]\n"
      "  scope c = 1\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E008@2:17 E008@3:17 E028@4:13");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected a newline, found 'g'");
  EXPECT_EQ(parsed.diagnostics.items()[1].message, "expected 'binds', '=' or a newline, found 'x'");
  EXPECT_EQ(parsed.diagnostics.items()[2].message, "unmatched ']'");
  // Statements with trailing junk are kept; the junk is skipped.
  EXPECT_EQ(only_element(parsed).body.scopes.size(), 3u);
  EXPECT_EQ(only_element(parsed).body.checks.size(), 1u);
}

TEST(ParserDeclarations, ElementHeaderErrors) {
  auto parsed = parse_text("element a implements p.q {\n}\nelement b {}\n");
  EXPECT_EQ(codes(parsed), "E007@1:23");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected '{', ':' or a newline after 'element a', found '.'");
  EXPECT_EQ(parsed.diagnostics.items()[0].help, "pattern names after 'implements' are single names");
  EXPECT_EQ(parsed.file.elements.size(), 1u);
  parsed = parse_text("element a p {\n}\n");
  EXPECT_EQ(codes(parsed), "E007@1:11");
  EXPECT_EQ(parsed.diagnostics.items()[0].help, "to implement a pattern write `element a implements p`");
  EXPECT_EQ(codes(parse_text("element a implements {\n}\n")), "E004@1:22");
  EXPECT_EQ(codes(parse_text("element a {} b\n")), "E008@1:14");
}

TEST(ParserDeclarations, ElementSpanCoversTheBlock) {
  const auto parsed = parse_text("\n  element a {\n  scope x = 1\n  }  \n", "t.hie");
  EXPECT_EQ(codes(parsed), "E025@2:3");  // an indented top-level line; the element is parsed anyway
  const ElementDecl& a = parsed.file.elements.at(0);
  EXPECT_EQ(a.span.start.line, 2u);
  EXPECT_EQ(a.span.start.column, 3u);
  EXPECT_EQ(a.span.end.line, 4u);
  EXPECT_EQ(a.span.end.column, 4u);
  EXPECT_EQ(a.name.span.start.column, 11u);
}

}  // namespace
}  // namespace hie::syntax
