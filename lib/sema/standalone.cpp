// resolve_expression(): validating and resolving one expression outside any spec file (`hie eval`).
#include "sema/analyze.h"
#include "sema/analyzer.h"

namespace hie::sema {
namespace {

// True when the call's library describes `fn` as a check and not as a selector.
bool looks_like_check(const syntax::Expr& expr, LibraryCatalog& catalog) {
  if (expr.kind != syntax::ExprKind::Call || !expr.callee) return false;
  std::vector<std::string> segments;
  const syntax::Expr* e = expr.callee.get();
  while (e && e->kind == syntax::ExprKind::MemberAccess) {
    segments.insert(segments.begin(), e->member.name);
    e = e->object.get();
  }
  if (!e || e->kind != syntax::ExprKind::Identifier || segments.empty()) return false;
  segments.insert(segments.begin(), e->name);
  std::string lib;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) lib += (i ? "." : "") + segments[i];
  std::string why;
  const library::LibraryDoc* doc = catalog.exists(lib) ? catalog.describe(lib, why) : nullptr;
  if (!doc) return false;
  bool check = false;
  bool selector = false;
  for (const auto& fn : doc->functions) {
    if (fn.name != segments.back()) continue;
    (fn.kind == library::FunctionKind::Check ? check : selector) = true;
  }
  return check && !selector;
}

}  // namespace

RExpr resolve_expression(const syntax::Expr& expr, const std::string& file_label, LibraryCatalog& catalog,
                         std::optional<bool> as_check, syntax::DiagnosticList& diagnostics) {
  Model model;
  SpecFile file;
  file.path = file_label;
  for (const auto& name : catalog.names()) file.imports.libraries.emplace(name, name);
  model.files.push_back(std::move(file));
  detail::Analyzer analyzer(model, catalog, diagnostics);
  bool check = as_check.value_or(looks_like_check(expr, catalog));
  analyzer.validate_expr(expr, 0, check);
  std::vector<detail::Issue> issues;
  detail::Context ctx;
  ctx.file = 0;
  RExpr out = check && expr.kind != syntax::ExprKind::Call
                  ? RExpr::invalid("E204", "a check must be a library function call", expr.span)
                  : analyzer.resolve(expr, ctx, issues);
  analyzer.emit(issues, 0);
  return out;
}

}  // namespace hie::sema
