// Resolving every expression that will be evaluated: slot values, element checks, pattern checks per instance,
// and `uses` declarations.
#include <algorithm>
#include <functional>

#include "sema/analyzer.h"

namespace hie::sema::detail {
namespace {

std::string path_text(const std::vector<syntax::Identifier>& path) {
  std::string out;
  for (const auto& id : path) out += (out.empty() ? "" : ".") + id.name;
  return out;
}

syntax::Span path_span(const std::vector<syntax::Identifier>& path, syntax::Span fallback) {
  if (path.empty()) return fallback;
  return {path.front().span.start, path.back().span.end};
}

}  // namespace

void Analyzer::emit(const std::vector<Issue>& issues, int file) {
  for (const auto& issue : issues) error(issue.code, issue.message, file, issue.span, issue.help);
}

void Analyzer::resolve_values() {
  for (const auto& pending : pending_) {
    std::vector<Issue> issues;
    RExpr value = resolve(*pending.expr, pending.ctx, issues);
    emit(issues, pending.ctx.file);
    model_.slots[static_cast<std::size_t>(pending.slot)].expr = std::move(value);
  }
  pending_.clear();
}

void Analyzer::resolve_checks_and_uses() {
  // Element checks and uses.
  for (int e : model_.elements) {
    Node& node = model_.nodes[static_cast<std::size_t>(e)];
    Context ctx{node.file, e, -1, -1, nullptr};
    for (const auto& check : node.body->checks) {
      std::vector<Issue> issues;
      ElementCheck resolved;
      resolved.decl = &check;
      resolved.expr = resolve_check(check, ctx, issues);
      emit(issues, node.file);
      model_.nodes[static_cast<std::size_t>(e)].checks.push_back(std::move(resolved));
    }
    for (const auto& uses : node.body->uses) {
      UsesInfo info;
      info.decl = &uses;
      info.text = uses.source.name + " uses " + path_text(uses.target);
      // The source is a scope of this very element.
      for (int m : model_.node(e).members) {
        if (model_.member(m).name == uses.source.name && model_.member(m).kind == MemberKind::Scope) {
          info.source_slot = model_.member(m).slot;
        }
      }
      if (info.source_slot < 0) {
        std::vector<std::string> scopes;
        for (int m : model_.node(e).members) {
          if (model_.member(m).kind == MemberKind::Scope) scopes.push_back(model_.member(m).name);
        }
        std::string list;
        for (const auto& s : scopes) list += (list.empty() ? "" : ", ") + s;
        error("E050", "'" + uses.source.name + "' is not a scope of '" + model_.node(e).path + "'", node.file,
              uses.source.span,
              list.empty() ? std::string("`S uses T` declares that scope S of this element depends on T")
                           : "scopes of '" + model_.node(e).path + "': " + list);
      }
      std::vector<Issue> issues;
      Entity target = resolve_path(uses.target, ctx, issues);
      emit(issues, node.file);
      info.target = entity_target(target);
      info.target.text = path_text(uses.target);
      if (issues.empty() && info.target.kind == Target::Kind::None) {
        error("E050", "'" + info.target.text + "' is " + describe(target) + ", not an element or scope", node.file,
              path_span(uses.target, uses.span));
      }
      model_.nodes[static_cast<std::size_t>(e)].uses.push_back(std::move(info));
    }
  }

  // Pattern checks and uses, once per instance, in the pattern's source order.
  for (std::size_t i = 0; i < model_.instances.size(); ++i) {
    int inst = static_cast<int>(i);
    int element = model_.instance(inst).element;
    std::vector<std::pair<const syntax::CheckDecl*, int>> checks;
    std::vector<std::pair<const syntax::UsesDecl*, int>> uses;
    std::function<void(int)> visit = [&](int n) {
      for (const auto& check : model_.node(n).body->checks) checks.emplace_back(&check, n);
      for (const auto& u : model_.node(n).body->uses) uses.emplace_back(&u, n);
      for (int c : model_.node(n).children) visit(c);
    };
    visit(model_.instance(inst).pattern);
    std::stable_sort(checks.begin(), checks.end(), [](const auto& x, const auto& y) {
      return x.first->span.start.offset < y.first->span.start.offset;
    });
    std::stable_sort(uses.begin(), uses.end(), [](const auto& x, const auto& y) {
      return x.first->span.start.offset < y.first->span.start.offset;
    });
    for (const auto& [check, n] : checks) {
      Context ctx{model_.node(n).file, element, inst, n, nullptr};
      std::vector<Issue> issues;
      InstanceCheck resolved;
      resolved.decl = check;
      resolved.node = n;
      resolved.expr = resolve_check(*check, ctx, issues);
      emit(issues, ctx.file);
      model_.instances[i].checks.push_back(std::move(resolved));
    }
    for (const auto& [u, n] : uses) {
      Context ctx{model_.node(n).file, element, inst, n, nullptr};
      InstanceUses resolved;
      resolved.decl = u;
      resolved.node = n;
      resolved.text = u->source.name + " uses " + path_text(u->target);
      for (int m : model_.node(n).members) {
        if (model_.member(m).name == u->source.name && model_.member(m).kind == MemberKind::Scope) {
          resolved.source_slot = instance_slot(inst, m);
        }
      }
      if (resolved.source_slot < 0) {
        error("E050", "'" + u->source.name + "' is not a scope of pattern element '" + model_.node(n).path + "'",
              ctx.file, u->source.span);
      }
      std::vector<Issue> issues;
      Entity target = resolve_path(u->target, ctx, issues);
      emit(issues, ctx.file);
      resolved.target = entity_target(target);
      resolved.target.text = path_text(u->target);
      model_.instances[i].uses.push_back(std::move(resolved));
    }
  }
}

}  // namespace hie::sema::detail
