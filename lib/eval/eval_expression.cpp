#include "eval/eval_expression.h"

#include "eval/evaluator.h"
#include "sema/analyze.h"
#include "sema/library_catalog.h"
#include "syntax/parse_expression.h"

namespace hie::eval {

ExpressionResult evaluate_expression(std::string_view text, library::LibraryRegistry& registry,
                                     const workspace::Workspace& workspace, std::optional<bool> as_check) {
  ExpressionResult result;
  syntax::SourceFile source("<expression>", std::string(text));
  syntax::ExprPtr expr = syntax::parse_expression(source, result.diagnostics);
  if (!expr) return result;

  library::CallContext context{workspace, &registry};
  sema::RegistryCatalog catalog(registry, context);
  sema::RExpr resolved = sema::resolve_expression(*expr, source.path(), catalog, as_check, result.diagnostics);
  if (result.diagnostics.has_errors() || !resolved.valid()) return result;

  sema::Model model;
  graph::DependencyGraph graph;
  Evaluator ev(model, registry, workspace, graph, RunOptions{});
  if (resolved.kind == sema::RExpr::Kind::Call && resolved.is_check) {
    result.kind = ExpressionResult::Kind::Check;
    result.outcome = ev.check(resolved);
    return result;
  }
  Evaluated value = ev.eval(resolved);
  if (!value.ok) {
    result.kind = ExpressionResult::Kind::Error;
    result.error_code = value.failure.code;
    result.error_message = value.failure.message;
    return result;
  }
  result.kind = ExpressionResult::Kind::Value;
  result.value = std::move(value.value);
  return result;
}

}  // namespace hie::eval
