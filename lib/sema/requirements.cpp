// Requirements (LANGUAGE.md §7.4, §7.5) at validate time: static checks once per pattern (E052, W054), and per
// instance the candidates of `requires/forbids check` and the targets of connection rules (W055).
#include <functional>

#include "sema/analyzer.h"

namespace hie::sema::detail {
namespace {

std::string path_text(const std::vector<syntax::Identifier>& path, bool wildcard) {
  std::string out;
  for (const auto& id : path) out += (out.empty() ? "" : ".") + id.name;
  if (wildcard) out += ".*";
  return out;
}

const char* target_word(syntax::RequirementTarget target) {
  switch (target) {
    case syntax::RequirementTarget::Scope: return "scope";
    case syntax::RequirementTarget::Ref: return "ref";
    case syntax::RequirementTarget::Check: return "check";
    case syntax::RequirementTarget::Element: return "element";
    case syntax::RequirementTarget::Implements: return "implements";
    case syntax::RequirementTarget::Connection: return "connection";
    case syntax::RequirementTarget::Language: return "language";
  }
  return "";
}

}  // namespace

void Analyzer::resolve_requirements() {
  // Once per pattern: unknown patterns in `requires element x implements P` (E052) and documentation-only
  // `allows` (W054, once per pattern).
  std::vector<std::string> pattern_names;
  for (int p : model_.patterns) pattern_names.push_back(model_.node(p).name);
  for (int p : model_.patterns) {
    const Node& pattern = model_.node(p);
    bool w054 = false;
    for (const auto& req : pattern.body->requirements) {
      if (req.element_implements && find_pattern(req.element_implements->name) < 0) {
        error("E052", "unknown pattern '" + req.element_implements->name + "'", pattern.file,
              req.element_implements->span);
      }
      bool doc_only = req.action == syntax::RequirementAction::Allows &&
                      req.target != syntax::RequirementTarget::Connection &&
                      req.target != syntax::RequirementTarget::Language;
      if (doc_only && !w054) {
        w054 = true;
        warning("W054",
                std::string("'allows ") + (req.descendant ? "descendant " : "") + target_word(req.target) +
                    "' is documentation only: it allows what is allowed anyway and checks nothing",
                pattern.file, req.span,
                std::string("only `allows connection to` and `allows language` restrict anything; use `requires` "
                            "or `forbids` to check (reported once per pattern)"));
      }
    }
  }

  // Problems found here are not shown as such (a candidate that does not resolve is skipped; a target that does
  // not resolve is W055): no suggestions needed.
  suggest_ = false;
  for (std::size_t i = 0; i < model_.instances.size(); ++i) {
    int inst = static_cast<int>(i);
    const Instance& instance = model_.instance(inst);
    const Node& pattern = model_.node(instance.pattern);
    int element = instance.element;
    // Candidates of descendant requirements: every real element strictly below E, pre-order.
    std::vector<int> below;
    std::function<void(int)> visit = [&](int n) {
      for (int c : model_.node(n).children) {
        below.push_back(c);
        visit(c);
      }
    };
    visit(element);

    for (const auto& req : pattern.body->requirements) {
      InstanceRequirement resolved;
      resolved.decl = &req;
      if (req.target == syntax::RequirementTarget::Check && req.action != syntax::RequirementAction::Allows &&
          req.check) {
        std::vector<int> candidates = req.descendant ? below : std::vector<int>{element};
        for (int candidate : candidates) {
          Context ctx{pattern.file, candidate, inst, instance.pattern, nullptr};
          std::vector<Issue> issues;
          RExpr expr = resolve_check(*req.check, ctx, issues);
          if (issues.empty()) {
            resolved.candidates.push_back({candidate, std::move(expr)});
          } else if (resolved.unresolved.empty()) {
            resolved.unresolved = issues.front().message;
          }
        }
      } else if (req.target == syntax::RequirementTarget::Connection) {
        Context ctx{pattern.file, element, inst, instance.pattern, nullptr};
        std::vector<Issue> issues;
        Entity entity = resolve_path(req.connection_path, ctx, issues);
        resolved.target = entity_target(entity);
        resolved.target.wildcard = req.connection_wildcard;
        resolved.target.text = path_text(req.connection_path, req.connection_wildcard);
        if (resolved.target.kind == Target::Kind::None) {
          syntax::Span span = req.connection_path.empty()
                                  ? req.span
                                  : syntax::Span{req.connection_path.front().span.start,
                                                 req.connection_path.back().span.end};
          std::string reason = issues.empty() ? describe(entity) + " is not an element" : issues.front().message;
          warning("W055", "connection target '" + resolved.target.text + "' matches no element (" + reason + ")",
                  pattern.file, span,
                  std::string("targets are resolved in the pattern first, then from the implementing element "
                              "outwards; the rule is evaluated against nothing"));
        }
      }
      model_.instances[i].requirements.push_back(std::move(resolved));
    }
  }
  suggest_ = true;
}

}  // namespace hie::sema::detail
