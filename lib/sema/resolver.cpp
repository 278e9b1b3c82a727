// Lexical name resolution (LANGUAGE.md §5): instance frames first (pattern expressions), then the element's own
// members and children, each ancestor innermost first, top-level elements, then libraries imported as that name.
#include <algorithm>

#include "sema/analyzer.h"
#include "sema/did_you_mean.h"
#include "sema/signature.h"

namespace hie::sema::detail {
namespace {

bool is_basic_type(std::string_view type) {
  return type == "integer" || type == "float" || type == "string" || type == "boolean" || type == "scope" ||
         type == "list";
}

// Flattens `a.b.c` into identifiers; false when the expression is not a plain dotted name.
bool flatten_path(const syntax::Expr& expr, std::vector<syntax::Identifier>& out) {
  if (expr.kind == syntax::ExprKind::Identifier) {
    out.push_back({expr.name, expr.span});
    return true;
  }
  if (expr.kind == syntax::ExprKind::MemberAccess && expr.object) {
    if (!flatten_path(*expr.object, out)) return false;
    out.push_back(expr.member);
    return true;
  }
  return false;
}

}  // namespace

int Analyzer::instance_slot(int instance, int member) const {
  const auto& map = model_.instance(instance).slot_of_member;
  auto it = map.find(member);
  return it == map.end() ? -1 : it->second;
}

std::vector<int> Analyzer::composed_patterns(int node) const {
  std::vector<int> out;
  for (const auto& impl : model_.node(node).implements) {
    if (impl.pattern_node >= 0) out.push_back(impl.pattern_node);
  }
  return out;
}

int Analyzer::composed_instance(int instance, int node, int pattern) const {
  auto it = composed_.find({instance, node, pattern});
  return it == composed_.end() ? -1 : it->second;
}

int Analyzer::element_instance(int element, int pattern) const {
  auto it = element_instances_.find({element, pattern});
  return it == element_instances_.end() ? -1 : it->second;
}

std::string Analyzer::instance_member_path(int instance, int member) const {
  const Instance& inst = model_.instance(instance);
  const Member& m = model_.member(member);
  std::string path = model_.node(m.node).path + "." + m.name;
  if (inst.parent >= 0) path = model_.node(inst.via_node).path + "." + path;
  return path;
}

std::string Analyzer::describe(const Entity& entity) const {
  switch (entity.kind) {
    case Entity::Kind::Element: return "element '" + model_.node(entity.element).path + "'";
    case Entity::Kind::Slot: {
      const Slot& slot = model_.slot(entity.slot);
      const Member& m = model_.member(slot.member);
      return std::string(m.kind == MemberKind::Scope ? "scope" : "ref") + " '" + slot.display + "'";
    }
    case Entity::Kind::InstanceNode: {
      const Node& n = model_.node(entity.node);
      return std::string(n.kind == NodeKind::Pattern ? "pattern '" : "pattern element '") + n.path + "'";
    }
    case Entity::Kind::Library: return "library '" + entity.library + "'";
    case Entity::Kind::Param: return "parameter";
    case Entity::Kind::Pattern: return "pattern '" + model_.node(entity.node).path + "'";
    case Entity::Kind::None: break;
  }
  return "nothing";
}

std::vector<std::string> Analyzer::visible_names(const Context& ctx) const {
  std::vector<std::string> names;
  if (ctx.params) names.insert(names.end(), ctx.params->begin(), ctx.params->end());
  int inst = ctx.instance;
  int node = ctx.node;
  while (inst >= 0) {
    for (int n = node; n >= 0; n = model_.node(n).parent) {
      for (int m : model_.node(n).members) names.push_back(model_.member(m).name);
      for (int c : model_.node(n).children) names.push_back(model_.node(c).name);
      for (int q : composed_patterns(n)) names.push_back(model_.node(q).name);
      if (model_.node(n).kind == NodeKind::Pattern) names.push_back(model_.node(n).name);
    }
    node = model_.instance(inst).via_node;
    inst = model_.instance(inst).parent;
  }
  for (int e = ctx.element; e >= 0; e = model_.node(e).parent) {
    for (int m : model_.node(e).members) names.push_back(model_.member(m).name);
    for (int c : model_.node(e).children) names.push_back(model_.node(c).name);
    for (const auto& impl : model_.node(e).implements) names.push_back(impl.pattern);
  }
  for (int t : model_.top_level) names.push_back(model_.node(t).name);
  if (ctx.file >= 0) {
    for (const auto& [name, lib] : model_.files[static_cast<std::size_t>(ctx.file)].imports.libraries) {
      names.push_back(name);
    }
  }
  return names;
}

Entity Analyzer::lookup(const std::string& name, const Context& ctx, syntax::Span span, std::vector<Issue>& issues) {
  Entity found;
  if (ctx.params) {
    for (std::size_t i = 0; i < ctx.params->size(); ++i) {
      if ((*ctx.params)[i] == name) {
        found.kind = Entity::Kind::Param;
        found.param = static_cast<int>(i);
        return found;
      }
    }
  }
  // Pattern instance frames: the pattern node where the expression is written, its ancestors up to the pattern
  // root, the pattern's own name; for a composed instance, then the enclosing instance's frames.
  int inst = ctx.instance;
  int node = ctx.node;
  while (inst >= 0) {
    for (int n = node; n >= 0; n = model_.node(n).parent) {
      for (int m : model_.node(n).members) {
        if (model_.member(m).name == name) {
          found.kind = Entity::Kind::Slot;
          found.slot = instance_slot(inst, m);
          return found;
        }
      }
      for (int c : model_.node(n).children) {
        if (model_.node(c).name == name) {
          found.kind = Entity::Kind::InstanceNode;
          found.instance = inst;
          found.node = c;
          return found;
        }
      }
      for (int q : composed_patterns(n)) {
        int composed = composed_instance(inst, n, q);
        if (composed >= 0 && model_.node(q).name == name) {
          found.kind = Entity::Kind::InstanceNode;
          found.instance = composed;
          found.node = q;
          return found;
        }
      }
      if (model_.node(n).kind == NodeKind::Pattern && model_.node(n).name == name) {
        found.kind = Entity::Kind::InstanceNode;
        found.instance = inst;
        found.node = n;
        return found;
      }
    }
    node = model_.instance(inst).via_node;
    inst = model_.instance(inst).parent;
  }
  // The element chain: own members and children, patterns it implements; then each ancestor.
  for (int e = ctx.element; e >= 0; e = model_.node(e).parent) {
    const Node& el = model_.node(e);
    for (int m : el.members) {
      if (model_.member(m).name == name) {
        found.kind = Entity::Kind::Slot;
        found.slot = model_.member(m).slot;
        return found;
      }
    }
    for (int c : el.children) {
      if (model_.node(c).name == name) {
        found.kind = Entity::Kind::Element;
        found.element = c;
        return found;
      }
    }
    for (const auto& impl : el.implements) {
      if (impl.pattern == name && impl.pattern_node >= 0) {
        int instance = element_instance(e, impl.pattern_node);
        if (instance < 0) continue;
        found.kind = Entity::Kind::InstanceNode;
        found.instance = instance;
        found.node = impl.pattern_node;
        return found;
      }
    }
  }
  if (auto it = top_level_index_.find(name); it != top_level_index_.end()) {
    found.kind = Entity::Kind::Element;
    found.element = it->second;
    return found;
  }
  if (ctx.file >= 0) {
    const auto& libs = model_.files[static_cast<std::size_t>(ctx.file)].imports.libraries;
    if (auto it = libs.find(name); it != libs.end()) {
      found.kind = Entity::Kind::Library;
      found.library = it->second;
      return found;
    }
  }
  if (catalog_.exists(name)) {
    found.kind = Entity::Kind::Library;
    found.library = name;
    return found;
  }

  Issue issue;
  issue.code = "E050";
  issue.message = "undefined name '" + name + "'";
  issue.span = span;
  if (suggest_) issue.help = did_you_mean_help(name, visible_names(ctx));
  if (const Language* language = model_.find_language(name); language != nullptr) {
    issue.help = "'" + name + "' is declared as a language (`language " + name +
                 "`), which names scopes' languages; it is not a library: call functions of a library, e.g. `import " +
                 name + "` when a library of that name exists";
  }
  if (find_pattern(name) >= 0) {
    std::string where = ctx.element >= 0 ? "'" + model_.node(ctx.element).path + "'" : "this expression";
    issue.message = "pattern '" + name + "' is not implemented by " + where + " or its ancestors";
    issue.help = "pattern members have values only in elements that implement the pattern: `element x implements " +
                 name + " { ... }`";
  }
  issues.push_back(std::move(issue));
  return found;
}

Entity Analyzer::walk(const Entity& from, const syntax::Identifier& member, const std::string& so_far,
                      std::vector<Issue>& issues) {
  Entity found;
  std::vector<std::string> candidates;
  auto try_node_members = [&](int node, int instance) -> bool {
    for (int m : model_.node(node).members) {
      candidates.push_back(model_.member(m).name);
      if (model_.member(m).name == member.name) {
        found.kind = Entity::Kind::Slot;
        found.slot = instance >= 0 ? instance_slot(instance, m) : model_.member(m).slot;
        return true;
      }
    }
    for (int c : model_.node(node).children) {
      candidates.push_back(model_.node(c).name);
      if (model_.node(c).name == member.name) {
        if (instance >= 0) {
          found.kind = Entity::Kind::InstanceNode;
          found.instance = instance;
          found.node = c;
        } else {
          found.kind = Entity::Kind::Element;
          found.element = c;
        }
        return true;
      }
    }
    for (const auto& impl : model_.node(node).implements) {
      if (impl.pattern_node < 0) continue;
      candidates.push_back(impl.pattern);
      if (impl.pattern != member.name) continue;
      int target = instance >= 0 ? composed_instance(instance, node, impl.pattern_node)
                                 : element_instance(node, impl.pattern_node);
      if (target < 0) continue;
      found.kind = Entity::Kind::InstanceNode;
      found.instance = target;
      found.node = impl.pattern_node;
      return true;
    }
    return false;
  };

  switch (from.kind) {
    case Entity::Kind::Element:
      if (try_node_members(from.element, -1)) return found;
      break;
    case Entity::Kind::InstanceNode:
      if (try_node_members(from.node, from.instance)) return found;
      // Already reported (E054) where a binding named this member: the expression is invalid, silently.
      if (missing_bound_members_.count({from.instance, from.node, member.name}) > 0) return found;
      break;
    case Entity::Kind::Slot: {
      issues.push_back({"E050", "'" + so_far + "' is " + describe(from) + ", which has no member '" + member.name + "'",
                        member.span, std::nullopt});
      return found;
    }
    case Entity::Kind::Library:
      issues.push_back({"E050", "'" + so_far + "." + member.name + "' is a library function, not a value", member.span,
                        "call it: `" + so_far + "." + member.name + "(...)`"});
      return found;
    default:
      issues.push_back({"E050", "'" + so_far + "' has no member '" + member.name + "'", member.span, std::nullopt});
      return found;
  }
  issues.push_back({"E050", describe(from) + " has no scope, ref or element named '" + member.name + "'", member.span,
                    suggest_ ? did_you_mean_help(member.name, candidates) : std::nullopt});
  return found;
}

Entity Analyzer::resolve_path(const std::vector<syntax::Identifier>& path, const Context& ctx,
                              std::vector<Issue>& issues) {
  if (path.empty()) return {};
  Entity entity = lookup(path[0].name, ctx, path[0].span, issues);
  std::string so_far = path[0].name;
  for (std::size_t i = 1; i < path.size() && entity.kind != Entity::Kind::None; ++i) {
    entity = walk(entity, path[i], so_far, issues);
    so_far += "." + path[i].name;
  }
  return entity;
}

RExpr Analyzer::entity_value(const Entity& entity, syntax::Span span, const std::string& text,
                             std::vector<Issue>& issues) {
  RExpr out;
  out.span = span;
  switch (entity.kind) {
    case Entity::Kind::Slot:
      if (entity.slot < 0) break;
      out.kind = RExpr::Kind::Slot;
      out.slot = entity.slot;
      return out;
    case Entity::Kind::Element:
      out.kind = RExpr::Kind::Footprint;
      out.element = entity.element;
      return out;
    case Entity::Kind::InstanceNode:
      out.kind = RExpr::Kind::Footprint;
      out.instance = entity.instance;
      out.node = entity.node;
      return out;
    case Entity::Kind::Param:
      out.kind = RExpr::Kind::Param;
      out.param = entity.param;
      return out;
    case Entity::Kind::Library:
      issues.push_back({"E050", "'" + text + "' is a library, not a value", span,
                        "call one of its functions: `" + text + ".function(...)`"});
      return RExpr::invalid("E050", "'" + text + "' is a library, not a value", span);
    default:
      break;
  }
  return RExpr::invalid("E050", "undefined name '" + text + "'", span);
}

Target Analyzer::entity_target(const Entity& entity) const {
  Target target;
  switch (entity.kind) {
    case Entity::Kind::Element:
      target.kind = Target::Kind::Element;
      target.element = entity.element;
      break;
    case Entity::Kind::InstanceNode:
      target.kind = Target::Kind::InstanceNode;
      target.instance = entity.instance;
      target.node = entity.node;
      break;
    case Entity::Kind::Slot:
      if (entity.slot >= 0) {
        target.kind = Target::Kind::Slot;
        target.slot = entity.slot;
      }
      break;
    default:
      break;
  }
  return target;
}

StaticType Analyzer::static_type(const RExpr& expr) const {
  switch (expr.kind) {
    case RExpr::Kind::Literal: return expr.literal.type_name();
    case RExpr::Kind::List: return "list";
    case RExpr::Kind::Slot: {
      const Member& m = model_.member(model_.slot(expr.slot).member);
      if (m.kind == MemberKind::Scope) return "scope";
      return is_basic_type(m.type) ? m.type : "";
    }
    case RExpr::Kind::Footprint:
    case RExpr::Kind::Param: return "scope";
    case RExpr::Kind::Call: {
      std::string why;
      const library::LibraryDoc* doc = catalog_.exists(expr.library) ? catalog_.describe(expr.library, why) : nullptr;
      return doc ? return_type_of(*doc, expr.function, expr.args.size()) : "";
    }
    default: return "";
  }
}

RExpr Analyzer::resolve(const syntax::Expr& expr, const Context& ctx, std::vector<Issue>& issues) {
  RExpr out;
  out.span = expr.span;
  switch (expr.kind) {
    case syntax::ExprKind::String:
      out.kind = RExpr::Kind::Literal;
      out.literal = library::Value::string(expr.string_value);
      return out;
    case syntax::ExprKind::Number:
      out.kind = RExpr::Kind::Literal;
      out.literal = expr.is_integer ? library::Value::integer(expr.int_value) : library::Value::floating(expr.float_value);
      return out;
    case syntax::ExprKind::Boolean:
      out.kind = RExpr::Kind::Literal;
      out.literal = library::Value::boolean(expr.bool_value);
      return out;
    case syntax::ExprKind::List:
      out.kind = RExpr::Kind::List;
      for (const auto& item : expr.args) {
        if (item) out.args.push_back(resolve(*item, ctx, issues));
      }
      return out;
    case syntax::ExprKind::Identifier:
    case syntax::ExprKind::MemberAccess: {
      std::vector<syntax::Identifier> path;
      if (!flatten_path(expr, path)) {
        // `f(x).y`: values have no members.
        std::string message = "cannot take member '" + expr.member.name + "' of a call result";
        issues.push_back({"E201", message, expr.member.span,
                          std::string("only elements and pattern instances have members")});
        return RExpr::invalid("E201", message, expr.span);
      }
      std::size_t before = issues.size();
      Entity entity = resolve_path(path, ctx, issues);
      std::string text;
      for (const auto& id : path) text += (text.empty() ? "" : ".") + id.name;
      if (entity.kind == Entity::Kind::None || issues.size() > before) {
        const Issue& first = issues.size() > before ? issues[before] : Issue{"E050", "undefined name '" + text + "'", expr.span, {}};
        return RExpr::invalid(first.code, first.message, expr.span);
      }
      return entity_value(entity, expr.span, text, issues);
    }
    case syntax::ExprKind::Call: {
      const CallInfo* info = call_info(&expr);
      if (info == nullptr) {
        validate_call(expr, ctx.file, false);
        info = call_info(&expr);
      }
      std::vector<RExpr> args;
      for (const auto& arg : expr.args) {
        if (arg) args.push_back(resolve(*arg, ctx, issues));
      }
      if (info == nullptr || !info->valid) {
        return RExpr::invalid(info ? info->code : "E205", info ? info->message : "invalid call", expr.span);
      }
      out.kind = RExpr::Kind::Call;
      out.library = info->library;
      out.function = info->function;
      out.is_check = info->is_check;
      out.args = std::move(args);
      // Argument types that depend on names (literals were checked once, by validate_calls).
      if (info->doc) {
        std::vector<StaticType> types;
        bool any_named = false;
        for (std::size_t i = 0; i < out.args.size(); ++i) {
          const RExpr& arg = out.args[i];
          bool named = arg.kind == RExpr::Kind::Slot || arg.kind == RExpr::Kind::Footprint ||
                       arg.kind == RExpr::Kind::Param;
          types.push_back(named ? static_type(arg) : "");
          any_named = any_named || named;
        }
        if (any_named) {
          if (auto issue = check_argument_types(*info, expr, types)) {
            issues.push_back(*issue);
            return RExpr::invalid(issue->code, issue->message, expr.span);
          }
        }
      }
      return out;
    }
  }
  return RExpr::invalid("E003", "invalid expression", expr.span);
}

RExpr Analyzer::resolve_check(const syntax::CheckDecl& check, const Context& ctx, std::vector<Issue>& issues) {
  if (!check.expr) return RExpr::invalid("E204", "a check must be a function call", check.span);
  if (check.expr->kind != syntax::ExprKind::Call) {
    return RExpr::invalid("E204", "a check must be a library function call", check.expr->span);
  }
  return resolve(*check.expr, ctx, issues);
}

}  // namespace hie::sema::detail
