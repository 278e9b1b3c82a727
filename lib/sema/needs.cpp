// Which pattern members are needed (E053 when unbound) and which nothing uses (W053).
#include <deque>

#include "sema/analyzer.h"

namespace hie::sema::detail {
namespace {

std::string at(const Model& model, int file, syntax::Span span) {
  return model.file_path(file) + ":" + std::to_string(span.start.line);
}

}  // namespace

void Analyzer::check_needed_bindings() {
  std::size_t n = model_.slots.size();
  std::vector<std::string> reason(n);  // non-empty once reached
  std::deque<int> queue;
  auto reach = [&](int slot, const std::string& why) {
    if (slot < 0 || !reason[static_cast<std::size_t>(slot)].empty()) return;
    reason[static_cast<std::size_t>(slot)] = why;
    queue.push_back(slot);
  };
  auto drain = [&]() {
    while (!queue.empty()) {
      int s = queue.front();
      queue.pop_front();
      const Slot& slot = model_.slot(s);
      const std::string& why = reason[static_cast<std::size_t>(s)];
      if (slot.source == Slot::Source::Alias) reach(slot.alias, why);
      if (slot.source == Slot::Source::Value) {
        for (int d : model_.expr_slots(slot.expr)) reach(d, why);
      }
    }
  };
  auto reach_expr = [&](const RExpr& expr, const std::string& why) {
    for (int s : model_.expr_slots(expr)) reach(s, why);
    drain();
  };
  auto reach_target = [&](const Target& target, const std::string& why) {
    std::vector<int> slots;
    if (target.kind == Target::Kind::Element) slots = model_.element_footprint_slots(target.element);
    if (target.kind == Target::Kind::InstanceNode) slots = model_.instance_footprint_slots(target.instance, target.node);
    if (target.kind == Target::Kind::Slot) slots = {target.slot};
    for (int s : slots) reach(s, why);
    drain();
  };

  for (int e : model_.elements) {
    const Node& node = model_.node(e);
    for (const auto& check : node.checks) {
      reach_expr(check.expr, "the check at " + at(model_, node.file, check.decl->span));
    }
    for (const auto& uses : node.uses) {
      std::string why = "`" + uses.text + "` at " + at(model_, node.file, uses.decl->span);
      reach(uses.source_slot, why);
      drain();
      reach_target(uses.target, why);
    }
    for (int m : node.members) {
      if (model_.member(m).kind == MemberKind::Scope) {
        reach(model_.member(m).slot, "scope '" + model_.slot(model_.member(m).slot).display + "'");
        drain();
      }
    }
  }
  for (const auto& inst : model_.instances) {
    for (const auto& check : inst.checks) {
      reach_expr(check.expr, "the pattern check at " + at(model_, model_.node(check.node).file, check.decl->span));
    }
    for (const auto& uses : inst.uses) {
      std::string why = "`" + uses.text + "` at " + at(model_, model_.node(uses.node).file, uses.decl->span);
      reach(uses.source_slot, why);
      drain();
      reach_target(uses.target, why);
    }
    int pattern_file = model_.node(inst.pattern).file;
    for (const auto& req : inst.requirements) {
      std::string why = "the requirement at " + at(model_, pattern_file, req.decl->span);
      for (const auto& candidate : req.candidates) reach_expr(candidate.expr, why);
      reach_target(req.target, why);
    }
  }

  // Unused unbound members: one warning per implementing element and pattern, listing them all.
  std::map<int, std::vector<std::string>> unused;  // root instance -> members
  for (std::size_t s = 0; s < n; ++s) {
    const Slot& slot = model_.slots[s];
    if (slot.instance < 0 || slot.source != Slot::Source::Unbound) continue;
    const Instance& inst = model_.instance(slot.instance);
    int root = slot.instance;
    while (model_.instance(root).parent >= 0) root = model_.instance(root).parent;
    const std::string& element = model_.node(inst.element).path;
    const std::string& pattern = model_.node(model_.instance(root).pattern).name;
    std::string member = instance_member_path(slot.instance, slot.member);
    const Member& m = model_.member(slot.member);
    const Instance& root_inst = model_.instance(root);
    if (reason[s].empty()) {
      unused[root].push_back(member);
      continue;
    }
    std::string example = m.kind == MemberKind::Scope ? "scope " + m.name + " binds " + member + " = ..."
                                                      : "ref " + m.name + ": " + m.type + " binds " + member + " = ...";
    error("E053", "'" + element + "' implements '" + pattern + "' but does not bind '" + member + "' (needed by " +
                      reason[s] + ")",
          root_inst.file, root_inst.span,
          "bind it in '" + element + "': `" + example + "` (or `" + member + " = ...`), or give the pattern "
          "member a default value");
  }
  for (const auto& [root, members] : unused) {
    const Instance& inst = model_.instance(root);
    std::string list;
    for (const auto& m : members) list += (list.empty() ? "" : ", ") + m;
    std::string count = members.size() == 1 ? "a member" : std::to_string(members.size()) + " members";
    warning("W053", "'" + model_.node(inst.element).path + "' does not bind " + count + " of pattern '" +
                        model_.node(inst.pattern).name + "' that nothing uses: " + list,
            inst.file, inst.span,
            std::string("bind them with `binds` (or V1 bindings), or remove them from the pattern"));
  }
}

}  // namespace hie::sema::detail
