#include "eval/plan.h"

#include "eval/filter.h"

namespace hie::eval {
namespace {

bool has_language_scope(const sema::Model& model, int element, const std::string& language) {
  for (int m : model.node(element).members) {
    const sema::Member& member = model.member(m);
    if (member.kind == sema::MemberKind::Scope && member.language && *member.language == language) return true;
  }
  return false;
}

bool has_own_scope(const sema::Model& model, int element) {
  for (int m : model.node(element).members) {
    if (model.member(m).kind == sema::MemberKind::Scope) return true;
  }
  return false;
}

std::string pattern_origin(const sema::Model& model, const sema::Instance& inst) {
  return "pattern " + model.node(inst.pattern).name;
}

std::string combined_text(const sema::Model& model, const std::vector<std::pair<int, int>>& parts, bool language) {
  if (parts.size() == 1) {
    return model.instance(parts[0].first).requirements[static_cast<std::size_t>(parts[0].second)].decl->source_text;
  }
  std::string text = language ? "allows language " : "allows connection to ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto* decl = model.instance(parts[i].first).requirements[static_cast<std::size_t>(parts[i].second)].decl;
    std::string target;
    if (language) {
      target = decl->language.name;
    } else {
      for (const auto& id : decl->connection_path) target += (target.empty() ? "" : ".") + id.name;
      if (decl->connection_wildcard) target += ".*";
    }
    text += (i ? ", " : "") + target;
  }
  return text;
}

}  // namespace

std::vector<Task> build_plan(const sema::Model& model, const RunOptions& options) {
  std::vector<Task> plan;
  for (int e : model.elements) {
    const sema::Node& node = model.node(e);

    for (std::size_t i = 0; i < node.checks.size(); ++i) {
      Task t;
      t.kind = Task::Kind::ElementCheck;
      t.element = e;
      t.index = static_cast<int>(i);
      t.text = node.checks[i].decl->source_text;
      t.origin = "element";
      t.file = node.file;
      t.span = node.checks[i].decl->span;
      plan.push_back(std::move(t));
    }
    for (std::size_t i = 0; i < node.uses.size(); ++i) {
      Task t;
      t.kind = Task::Kind::ElementUses;
      t.element = e;
      t.index = static_cast<int>(i);
      t.text = node.uses[i].text;
      t.origin = "uses";
      t.file = node.file;
      t.span = node.uses[i].decl->span;
      plan.push_back(std::move(t));
    }

    // Pattern instances: checks, uses, requirements. `allows` of connections and of languages are judged together
    // (their allowed sets add up), each group at the position of its first member.
    std::size_t allows_connection = static_cast<std::size_t>(-1);
    std::size_t allows_language = static_cast<std::size_t>(-1);
    for (int i : node.instances) {
      const sema::Instance& inst = model.instance(i);
      int pattern_file = model.node(inst.pattern).file;
      for (std::size_t c = 0; c < inst.checks.size(); ++c) {
        Task t;
        t.kind = Task::Kind::PatternCheck;
        t.element = e;
        t.instance = i;
        t.index = static_cast<int>(c);
        t.text = inst.checks[c].decl->source_text;
        t.origin = pattern_origin(model, inst);
        t.file = model.node(inst.checks[c].node).file;
        t.span = inst.checks[c].decl->span;
        plan.push_back(std::move(t));
      }
      for (std::size_t u = 0; u < inst.uses.size(); ++u) {
        Task t;
        t.kind = Task::Kind::PatternUses;
        t.element = e;
        t.instance = i;
        t.index = static_cast<int>(u);
        t.text = inst.uses[u].text;
        t.origin = "uses";
        t.file = model.node(inst.uses[u].node).file;
        t.span = inst.uses[u].decl->span;
        plan.push_back(std::move(t));
      }
      for (std::size_t r = 0; r < inst.requirements.size(); ++r) {
        const syntax::RequirementDecl& decl = *inst.requirements[r].decl;
        bool connection = decl.target == syntax::RequirementTarget::Connection;
        bool language = decl.target == syntax::RequirementTarget::Language;
        if (decl.action == syntax::RequirementAction::Allows) {
          if (!connection && !language) continue;  // documentation only (W054)
          std::size_t& group = connection ? allows_connection : allows_language;
          if (group == static_cast<std::size_t>(-1)) {
            group = plan.size();
            Task t;
            t.kind = connection ? Task::Kind::AllowsConnection : Task::Kind::AllowsLanguage;
            t.element = e;
            t.origin = connection ? "connection" : "requirement";
            t.file = pattern_file;
            t.span = decl.span;
            plan.push_back(std::move(t));
          }
          plan[group].parts.emplace_back(i, static_cast<int>(r));
          continue;
        }
        Task t;
        t.kind = Task::Kind::Requirement;
        t.element = e;
        t.instance = i;
        t.index = static_cast<int>(r);
        t.text = decl.source_text;
        t.origin = connection ? "connection" : "requirement";
        t.file = pattern_file;
        t.span = decl.span;
        plan.push_back(std::move(t));
      }
    }
    if (allows_connection != static_cast<std::size_t>(-1)) {
      plan[allows_connection].text = combined_text(model, plan[allows_connection].parts, false);
    }
    if (allows_language != static_cast<std::size_t>(-1)) {
      plan[allows_language].text = combined_text(model, plan[allows_language].parts, true);
    }

    // `requires connection` of ancestors' patterns applies to this element too (outermost ancestor first).
    if (!model.element_footprint_slots(e).empty()) {
      std::vector<int> ancestors;
      for (int a = node.parent; a >= 0; a = model.node(a).parent) ancestors.insert(ancestors.begin(), a);
      for (int a : ancestors) {
        for (int i : model.node(a).instances) {
          const sema::Instance& inst = model.instance(i);
          for (std::size_t r = 0; r < inst.requirements.size(); ++r) {
            const syntax::RequirementDecl& decl = *inst.requirements[r].decl;
            if (decl.action != syntax::RequirementAction::Requires ||
                decl.target != syntax::RequirementTarget::Connection) {
              continue;
            }
            Task t;
            t.kind = Task::Kind::InheritedConnection;
            t.element = e;
            t.parts.emplace_back(i, static_cast<int>(r));
            t.text = decl.source_text;
            t.origin = "connection";
            t.file = model.node(inst.pattern).file;
            t.span = decl.span;
            plan.push_back(std::move(t));
          }
        }
      }
    }

    // Language connection checks for the pair (parent, this element).
    if (node.parent >= 0) {
      for (std::size_t l = 0; l < model.languages.size(); ++l) {
        const sema::Language& language = model.languages[l];
        if (language.checks.empty() || !has_language_scope(model, e, language.name) ||
            !has_language_scope(model, node.parent, language.name)) {
          continue;
        }
        for (std::size_t c = 0; c < language.checks.size(); ++c) {
          Task t;
          t.kind = Task::Kind::LanguageCheck;
          t.element = e;
          t.language = static_cast<int>(l);
          t.index = static_cast<int>(c);
          t.text = language.checks[c].decl->body_text;
          t.origin = "language " + language.name;
          t.file = language.file;
          t.span = language.checks[c].decl->span;
          plan.push_back(std::move(t));
        }
      }
    }

    if (options.connections.strict_uses && has_own_scope(model, e)) {
      Task t;
      t.kind = Task::Kind::StrictUses;
      t.element = e;
      t.text = "strict_uses";
      t.origin = "uses";
      t.file = node.file;
      t.span = node.name_span;
      plan.push_back(std::move(t));
    }
  }
  return plan;
}

Selection select_tasks(const sema::Model& model, const std::vector<Task>& plan, const RunOptions& options) {
  Selection out;
  out.selected.assign(plan.size(), false);
  std::size_t executed = 0;
  bool stopped = false;
  int current = -1;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Task& task = plan[i];
    bool limit_reached = options.limit && executed >= *options.limit;
    if (task.element != current) {
      current = task.element;
      // Entering an element after the limit is reached: the older tool returned at once, counting nothing.
      if (limit_reached) stopped = true;
    }
    if (stopped) continue;
    if (limit_reached || !filter_matches(options.filter, model.node(task.element).path)) {
      ++out.skipped;
      continue;
    }
    out.selected[i] = true;
    ++executed;
  }
  return out;
}

}  // namespace hie::eval
