// Parser: expressions (names, literals, lists, member access, calls), their spans and source text, and the
// errors E003, E007, E027, E028, E031.
#include <gtest/gtest.h>

#include <string>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::parse_text;

// Parses `scope v = <text>` inside an element and returns the parse.
testing::Parsed parse_value(const std::string& text) {
  return parse_text("element e {\n  scope v = " + text + "\n}\n");
}

const Expr& value_of(const testing::Parsed& parsed) { return *parsed.file.elements.at(0).body.scopes.at(0).value; }

TEST(ParserExpressions, Literals) {
  auto parsed = parse_value("'it\\'s'");
  ASSERT_EQ(codes(parsed), "");
  EXPECT_EQ(value_of(parsed).kind, ExprKind::String);
  EXPECT_EQ(value_of(parsed).string_value, "it's");

  parsed = parse_value("42");
  EXPECT_EQ(value_of(parsed).kind, ExprKind::Number);
  EXPECT_TRUE(value_of(parsed).is_integer);
  EXPECT_EQ(value_of(parsed).int_value, 42);
  EXPECT_EQ(value_of(parsed).float_value, 42.0);
  EXPECT_EQ(value_of(parsed).number_text, "42");

  parsed = parse_value("-1");
  EXPECT_EQ(value_of(parsed).int_value, -1);
  EXPECT_EQ(value_of(parsed).number_text, "-1");

  parsed = parse_value("-9223372036854775808");
  EXPECT_EQ(codes(parsed), "");
  EXPECT_EQ(value_of(parsed).int_value, INT64_MIN);

  parsed = parse_value("10.0");
  EXPECT_FALSE(value_of(parsed).is_integer);
  EXPECT_EQ(value_of(parsed).float_value, 10.0);
  EXPECT_EQ(value_of(parsed).number_text, "10.0");

  parsed = parse_value("true");
  EXPECT_EQ(value_of(parsed).kind, ExprKind::Boolean);
  EXPECT_TRUE(value_of(parsed).bool_value);
  parsed = parse_value("false");
  EXPECT_FALSE(value_of(parsed).bool_value);
}

TEST(ParserExpressions, ListsAndTrailingCommas) {
  auto parsed = parse_value("[]");
  ASSERT_EQ(codes(parsed), "");
  EXPECT_EQ(value_of(parsed).kind, ExprKind::List);
  EXPECT_TRUE(value_of(parsed).args.empty());

  parsed = parse_value("[a, 'b', [1, 2,],]");
  ASSERT_EQ(codes(parsed), "");
  const Expr& list = value_of(parsed);
  ASSERT_EQ(list.args.size(), 3u);
  EXPECT_EQ(list.args[0]->kind, ExprKind::Identifier);
  EXPECT_EQ(list.args[2]->args.size(), 2u);
  EXPECT_EQ(list.span.start.column, 13u);
  EXPECT_EQ(list.span.end.column, 31u);
}

TEST(ParserExpressions, MemberAccessAndCalls) {
  const auto parsed = parse_value("files.exists(files.folder_selector('src'), 'x',)");
  ASSERT_EQ(codes(parsed), "");
  const Expr& call = value_of(parsed);
  ASSERT_EQ(call.kind, ExprKind::Call);
  ASSERT_EQ(call.callee->kind, ExprKind::MemberAccess);
  EXPECT_EQ(call.callee->object->name, "files");
  EXPECT_EQ(call.callee->member.name, "exists");
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(call.args[0]->kind, ExprKind::Call);
  EXPECT_EQ(call.args[1]->string_value, "x");
  EXPECT_EQ(parsed.file.elements[0].body.scopes[0].value_text, "files.exists(files.folder_selector('src'), 'x',)");
}

TEST(ParserExpressions, ChainedPostfixes) {
  const auto parsed = parse_value("a.b(1).c.d()()");
  ASSERT_EQ(codes(parsed), "");
  const Expr& outer = value_of(parsed);
  EXPECT_EQ(outer.kind, ExprKind::Call);
  EXPECT_EQ(outer.callee->kind, ExprKind::Call);
  EXPECT_EQ(outer.callee->callee->kind, ExprKind::MemberAccess);
  EXPECT_EQ(outer.callee->callee->member.name, "d");
  EXPECT_EQ(outer.span.start.column, 13u);
  EXPECT_EQ(outer.span.end.column, 27u);
}

TEST(ParserExpressions, NameKeywordsArePrimaries) {
  const auto parsed = parse_value("f(scope, element.check, connection)");
  ASSERT_EQ(codes(parsed), "");
  const Expr& call = value_of(parsed);
  EXPECT_EQ(call.args[0]->name, "scope");
  EXPECT_EQ(call.args[1]->member.name, "check");
  EXPECT_EQ(call.args[2]->name, "connection");
}

TEST(ParserExpressions, MultiLineCallsJoinLines) {
  const auto parsed = parse_text(
      "element e:\n"
      "    check f(\n"
      "  a,\n"
      "            b)\n"
      "    check g([\n"
      "        1,\n"
      "    ])\n");
  EXPECT_EQ(codes(parsed), "");
  ASSERT_EQ(parsed.file.elements[0].body.checks.size(), 2u);
  EXPECT_EQ(parsed.file.elements[0].body.checks[1].expr->args[0]->args.size(), 1u);
}

TEST(ParserExpressions, MissingExpressionIsE003) {
  auto parsed = parse_text("element e {\n  scope v =\n  scope w = ,\n  check\n  scope ok = 1\n}\n");
  EXPECT_EQ(codes(parsed), "E003@2:12 E003@3:13 E003@4:8");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected an expression, found a newline");
  EXPECT_EQ(parsed.diagnostics.items()[1].message, "expected an expression, found ','");
  EXPECT_EQ(parsed.file.elements[0].body.scopes.size(), 1u);
  EXPECT_EQ(codes(parse_value("f(,)")), "E003@2:15");
  EXPECT_EQ(codes(parse_value("(a)")), "E003@2:13");
  EXPECT_EQ(codes(parse_value("a.'b'")), "E004@2:15");
}

TEST(ParserExpressions, MissingSeparatorIsE007) {
  auto parsed = parse_value("f(a b)");
  EXPECT_EQ(codes(parsed), "E007@2:17");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected ',' or ')' after argument, found 'b'");
  parsed = parse_value("[a b]");
  EXPECT_EQ(codes(parsed), "E007@2:16");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected ',' or ']' after list element, found 'b'");
}

TEST(ParserExpressions, UnclosedBracketIsE027) {
  auto parsed = parse_text("element e {\n  check f(a,\n");
  EXPECT_EQ(codes(parsed), "E027@2:10 E026@1:11");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "unclosed '('");
  parsed = parse_text("element e { check g([1, 2 }\nelement f {}\n");
  EXPECT_EQ(codes(parsed), "E027@1:21");
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

TEST(ParserExpressions, StrayClosingBracketIsE028) {
  auto parsed = parse_value("f())");
  EXPECT_EQ(codes(parsed), "E028@2:16");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "unmatched ')'");
  EXPECT_EQ(codes(parse_value(")")), "E028@2:13");
  EXPECT_EQ(codes(parse_text(")\nelement e {}\n")), "E028@1:1");
}

TEST(ParserExpressions, DeepNestingIsCappedWithE031) {
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  auto parsed = parse_value(deep);
  EXPECT_EQ(codes(parsed), "E031@2:269");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expression nested too deeply (more than 256 levels)");
  ASSERT_EQ(parsed.file.elements.size(), 1u);

  std::string chain = "a";
  for (int i = 0; i < 100000; ++i) chain += ".b";
  parsed = parse_value(chain);
  EXPECT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics.items()[0].code, "E031");

  std::string calls = "f";
  for (int i = 0; i < 100000; ++i) calls += "()";
  EXPECT_EQ(parse_value(calls).diagnostics.items().at(0).code, "E031");

  const std::string just_deep_enough = std::string(255, '[') + std::string(255, ']');
  EXPECT_EQ(codes(parse_value(just_deep_enough)), "");
}

}  // namespace
}  // namespace hie::syntax
