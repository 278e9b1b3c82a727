// `hie eval EXPR`: parsing a lone expression and evaluating it against the registry.
#include <gtest/gtest.h>

#include "eval/eval_expression.h"
#include "syntax/parse_expression.h"
#include "tests/eval/eval_test_support.h"

namespace hie::eval::testing {
namespace {

TEST(EvalExpression, ParsesTheExpressionGrammar) {
  syntax::DiagnosticList d;
  syntax::SourceFile source("<expression>", "fs.union(fs.paths('a', \"b\"), [1, -2.5, true],)");
  syntax::ExprPtr expr = syntax::parse_expression(source, d);
  ASSERT_TRUE(expr) << d.size();
  EXPECT_EQ(expr->kind, syntax::ExprKind::Call);
  ASSERT_EQ(expr->args.size(), 2u);
  EXPECT_EQ(expr->args[1]->kind, syntax::ExprKind::List);
  EXPECT_EQ(expr->args[1]->args[1]->float_value, -2.5);
  EXPECT_EQ(expr->callee->member.name, "union");
}

TEST(EvalExpression, ReportsTrailingTextAndUnclosedBrackets) {
  {
    syntax::DiagnosticList d;
    syntax::SourceFile source("<expression>", "fs.paths('a') extra");
    EXPECT_FALSE(syntax::parse_expression(source, d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.items()[0].code, "E008");
    EXPECT_EQ(d.items()[0].span.start.column, 15u);
  }
  {
    syntax::DiagnosticList d;
    syntax::SourceFile source("<expression>", "fs.paths('a'");
    EXPECT_FALSE(syntax::parse_expression(source, d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.items()[0].code, "E027");
  }
}

TEST(EvalExpression, SelectorGivesAValue) {
  Harness h;
  ExpressionResult r = evaluate_expression("fs.paths('b', 'a')", h.registry, h.workspace);
  ASSERT_EQ(r.kind, ExpressionResult::Kind::Value);
  ASSERT_TRUE(r.value.is_scope());
  EXPECT_EQ(r.value.as_scope().paths, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(r.diagnostics.empty());  // no import needed, no W002
}

TEST(EvalExpression, CheckGivesAnOutcome) {
  Harness h;
  ExpressionResult r = evaluate_expression("fs.has(fs.paths('a'), 'b')", h.registry, h.workspace);
  ASSERT_EQ(r.kind, ExpressionResult::Kind::Check);
  EXPECT_EQ(r.outcome.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(r.outcome.message, "missing b");
  // `fail` is both a selector and a check: a selector unless asked.
  ExpressionResult selector = evaluate_expression("fs.fail('x')", h.registry, h.workspace);
  EXPECT_EQ(selector.kind, ExpressionResult::Kind::Error);
  EXPECT_EQ(selector.error_code, "E999");
  ExpressionResult check = evaluate_expression("fs.fail('x')", h.registry, h.workspace, true);
  ASSERT_EQ(check.kind, ExpressionResult::Kind::Check);
  EXPECT_EQ(check.outcome.status, CheckOutcome::Status::Fail);
}

TEST(EvalExpression, InvalidExpressionsExplainWhy) {
  Harness h;
  ExpressionResult unknown = evaluate_expression("fs.nope('x')", h.registry, h.workspace);
  EXPECT_EQ(unknown.kind, ExpressionResult::Kind::Invalid);
  ASSERT_FALSE(unknown.diagnostics.empty());
  EXPECT_EQ(unknown.diagnostics.items()[0].code, "E055");
  EXPECT_EQ(unknown.diagnostics.items()[0].file, "<expression>");
  ExpressionResult name = evaluate_expression("fs.has(src, 'x')", h.registry, h.workspace);
  EXPECT_EQ(name.kind, ExpressionResult::Kind::Invalid);
  EXPECT_EQ(name.diagnostics.items()[0].code, "E050");
  ExpressionResult syntax_error = evaluate_expression("fs.paths(", h.registry, h.workspace);
  EXPECT_EQ(syntax_error.kind, ExpressionResult::Kind::Invalid);
  EXPECT_EQ(syntax_error.diagnostics.items()[0].code, "E027");
  ExpressionResult literal = evaluate_expression("42", h.registry, h.workspace);
  ASSERT_EQ(literal.kind, ExpressionResult::Kind::Value);
  EXPECT_EQ(literal.value.as_int(), 42);
}

}  // namespace
}  // namespace hie::eval::testing
