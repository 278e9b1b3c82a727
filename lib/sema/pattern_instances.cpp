// Pattern instances: one per `E implements P` (and per composed `a implements Q` inside a pattern), their member
// slots, and how each slot is filled: `binds`, V1 bindings `P.a.m = expr`, pattern defaults (E051/E054/E057).
#include <algorithm>
#include <functional>

#include "sema/analyzer.h"
#include "sema/did_you_mean.h"

namespace hie::sema::detail {
namespace {

const char* kind_word(MemberKind kind) { return kind == MemberKind::Scope ? "scope" : "ref"; }

// Every node of a pattern (root first), pre-order.
std::vector<int> pattern_nodes(const Model& model, int root) {
  std::vector<int> out;
  std::function<void(int)> visit = [&](int n) {
    out.push_back(n);
    for (int c : model.node(n).children) visit(c);
  };
  visit(root);
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ".") + p;
  return out;
}

}  // namespace

void Analyzer::create_instances() {
  // Slots of real elements' members first: their values are resolved in the element's context.
  for (int e : model_.elements) {
    for (int m : model_.node(e).members) {
      Member& member = model_.members[static_cast<std::size_t>(m)];
      Slot slot;
      slot.member = m;
      slot.display = model_.node(e).path + "." + member.name;
      slot.source = member.value ? Slot::Source::Value : Slot::Source::Unbound;
      member.slot = static_cast<int>(model_.slots.size());
      if (member.value) pending_.push_back({member.slot, member.value, Context{member.file, e, -1, -1, nullptr}});
      model_.slots.push_back(std::move(slot));
    }
  }

  std::function<int(int, int, int, int, int, syntax::Span, std::vector<int>&)> instantiate =
      [&](int pattern, int element, int parent, int via, int file, syntax::Span span, std::vector<int>& stack) -> int {
    int index = static_cast<int>(model_.instances.size());
    Instance inst;
    inst.pattern = pattern;
    inst.element = element;
    inst.parent = parent;
    inst.via_node = via;
    inst.file = file;
    inst.span = span;
    inst.label = parent < 0 ? model_.node(pattern).name
                            : model_.node(via).path + ": " + model_.node(pattern).name;
    model_.instances.push_back(std::move(inst));
    model_.nodes[static_cast<std::size_t>(element)].instances.push_back(index);
    if (parent < 0) {
      element_instances_[{element, pattern}] = index;
    } else {
      composed_[{parent, via, pattern}] = index;
    }
    for (int n : pattern_nodes(model_, pattern)) {
      for (int m : model_.node(n).members) {
        Slot slot;
        slot.member = m;
        slot.instance = index;
        slot.source = Slot::Source::Unbound;
        slot.display = model_.node(element).path + "." + instance_member_path(index, m);
        int slot_index = static_cast<int>(model_.slots.size());
        model_.slots.push_back(std::move(slot));
        model_.instances[static_cast<std::size_t>(index)].slot_of_member[m] = slot_index;
      }
    }
    // Composition: pattern elements that implement other patterns.
    for (int n : pattern_nodes(model_, pattern)) {
      for (const auto& impl : model_.node(n).implements) {
        if (impl.pattern_node < 0) continue;
        if (std::find(stack.begin(), stack.end(), impl.pattern_node) != stack.end()) {
          std::string chain;
          for (int p : stack) chain += model_.node(p).name + " -> ";
          error("E059", "pattern composition cycle: " + chain + impl.pattern,
                model_.node(n).file, impl.span,
                std::string("a pattern cannot contain (directly or through other patterns) an element that "
                            "implements it"));
          continue;
        }
        stack.push_back(impl.pattern_node);
        instantiate(impl.pattern_node, element, index, n, model_.node(n).file, impl.span, stack);
        stack.pop_back();
      }
    }
    return index;
  };

  for (int e : model_.elements) {
    for (const auto& impl : model_.node(e).implements) {
      if (impl.pattern_node < 0) continue;
      std::vector<int> stack{impl.pattern_node};
      instantiate(impl.pattern_node, e, -1, -1, model_.node(e).file, impl.span, stack);
    }
  }
}

namespace {

struct BindTarget {
  int instance = -1;
  int member = -1;
};

}  // namespace

void Analyzer::bind_instances() {
  // Finds the pattern member named by `path` ([P, a, ..., m]) starting from the patterns `owner` implements
  // (a real element, or a pattern element inside `owner_instance`). Reports E054 when there is none.
  auto find_target = [&](int owner, int owner_instance, const std::vector<std::string>& path, int file,
                         syntax::Span span) -> BindTarget {
    BindTarget none;
    if (path.size() < 2) {
      error("E054", "'binds " + join(path) + "' must name a pattern member: `binds Pattern.element.member`", file,
            span);
      return none;
    }
    int instance = -1;
    for (const auto& impl : model_.node(owner).implements) {
      if (impl.pattern != path[0] || impl.pattern_node < 0) continue;
      instance = owner_instance < 0 ? element_instance(owner, impl.pattern_node)
                                    : composed_instance(owner_instance, owner, impl.pattern_node);
    }
    if (instance < 0) {
      std::vector<std::string> implemented;
      for (const auto& impl : model_.node(owner).implements) implemented.push_back(impl.pattern);
      std::string message = "'" + model_.node(owner).path + "' does not implement a pattern named '" + path[0] + "'";
      std::optional<std::string> help = did_you_mean_help(path[0], implemented);
      if (!help && find_pattern(path[0]) >= 0) {
        help = "add it to the element: `element " + model_.node(owner).name + " implements " + path[0] + "`";
      }
      error("E054", message, file, span, help);
      return none;
    }
    int node = model_.instance(instance).pattern;
    std::string walked = path[0];
    for (std::size_t i = 1; i < path.size(); ++i) {
      const std::string& seg = path[i];
      bool last = i + 1 == path.size();
      std::vector<std::string> candidates;
      if (last) {
        for (int m : model_.node(node).members) {
          if (model_.member(m).name == seg) return BindTarget{instance, m};
          candidates.push_back(model_.member(m).name);
        }
      }
      int next = -1;
      for (int c : model_.node(node).children) {
        if (model_.node(c).name == seg) next = c;
        if (!last) candidates.push_back(model_.node(c).name);
      }
      if (next >= 0 && !last) {
        node = next;
        walked += "." + seg;
        continue;
      }
      bool switched = false;
      for (int q : composed_patterns(node)) {
        if (model_.node(q).name != seg || last) continue;
        int composed = composed_instance(instance, node, q);
        if (composed < 0) continue;
        instance = composed;
        node = q;
        walked += "." + seg;
        switched = true;
      }
      if (switched) continue;
      std::string message = last ? "pattern '" + model_.node(model_.instance(instance).pattern).name +
                                       "' has no scope or ref '" + walked + "." + seg + "'"
                                 : "pattern '" + model_.node(model_.instance(instance).pattern).name +
                                       "' has no element '" + walked + "." + seg + "'";
      if (last) missing_bound_members_.emplace(instance, node, seg);
      std::optional<std::string> help = did_you_mean_help(seg, candidates);
      if (!help && !candidates.empty()) {
        std::string list;
        for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
        help = "'" + walked + "' has: " + list;
      }
      error("E054", message, file, span, help);
      return none;
    }
    error("E054", "'binds " + join(path) + "' names an element, not a scope or ref", file, span);
    return none;
  };

  std::map<int, std::pair<int, syntax::Span>> first_binding;  // slot -> (file, where it was first bound)
  auto claim = [&](int slot, int file, syntax::Span span, const std::string& what) -> bool {
    auto [it, inserted] = first_binding.emplace(slot, std::make_pair(file, span));
    if (inserted) return true;
    error("E051", "'" + what + "' is bound twice (first at " + file_path(it->second.first) + ":" +
                      std::to_string(it->second.second.start.line) + ")",
          file, span);
    return false;
  };

  // Binds a member declared in `owner` (`scope s binds ...`): the target slot aliases `source_slot`.
  auto bind_member = [&](int owner, int owner_instance, int member_index, int source_slot) {
    const Member& member = model_.member(member_index);
    BindTarget target = find_target(owner, owner_instance, member.binds, member.file, member.binds_span);
    if (target.member < 0) return;
    const Member& pm = model_.member(target.member);
    std::string what = join(member.binds);
    if (pm.kind != member.kind) {
      error("E057", std::string(kind_word(member.kind)) + " '" + member.name + "' cannot bind " + kind_word(pm.kind) +
                        " '" + what + "'",
            member.file, member.binds_span,
            std::string("declare it as a ") + kind_word(pm.kind) + " to bind it");
      return;
    }
    if (member.kind == MemberKind::Scope && member.language && pm.language && *member.language != *pm.language) {
      error("E057", "scope '" + member.name + "<" + *member.language + ">' binds '" + what + "', which is declared <" +
                        *pm.language + ">",
            member.file, member.language_span,
            "use the pattern's language: `scope " + member.name + "<" + *pm.language + "> binds " + what + "`");
      return;
    }
    if (member.kind == MemberKind::Ref && member.type != pm.type) {
      error("E057", "ref '" + member.name + ": " + member.type + "' binds '" + what + "', which is declared `: " +
                        pm.type + "`",
            member.file, member.binds_span);
      return;
    }
    int slot = instance_slot(target.instance, target.member);
    if (!claim(slot, member.file, member.binds_span, what)) return;
    Slot& s = model_.slots[static_cast<std::size_t>(slot)];
    s.source = Slot::Source::Alias;
    s.alias = source_slot;
  };

  // A V1 binding `P.a.m = expr` written in `owner`; its value is resolved in `ctx`.
  auto bind_value = [&](int owner, int owner_instance, const syntax::BindingDecl& binding, int file, Context ctx) {
    std::vector<std::string> path;
    for (const auto& id : binding.path) path.push_back(id.name);
    syntax::Span path_span = binding.path.empty() ? binding.span
                                                  : syntax::Span{binding.path.front().span.start,
                                                                 binding.path.back().span.end};
    BindTarget target = find_target(owner, owner_instance, path, file, path_span);
    if (target.member < 0 || !binding.value) return;
    int slot = instance_slot(target.instance, target.member);
    if (!claim(slot, file, path_span, join(path))) return;
    Slot& s = model_.slots[static_cast<std::size_t>(slot)];
    s.source = Slot::Source::Value;
    s.from_v1_binding = true;
    pending_.push_back({slot, binding.value.get(), ctx});
  };

  // Real elements.
  for (int e : model_.elements) {
    const Node& node = model_.node(e);
    for (int m : node.members) {
      if (!model_.member(m).binds.empty()) bind_member(e, -1, m, model_.member(m).slot);
    }
    for (const auto& binding : node.body->bindings) {
      bind_value(e, -1, binding, node.file, Context{node.file, e, -1, -1, nullptr});
    }
  }
  // Composed instances: the pattern element that implements Q binds Q's members (for each enclosing instance).
  for (std::size_t i = 0; i < model_.instances.size(); ++i) {
    const Instance& inst = model_.instances[i];
    for (int n : pattern_nodes(model_, inst.pattern)) {
      const Node& node = model_.node(n);
      if (n == inst.pattern) continue;
      for (int m : node.members) {
        if (model_.member(m).binds.empty()) continue;
        bind_member(n, static_cast<int>(i), m, instance_slot(static_cast<int>(i), m));
      }
      for (const auto& binding : node.body->bindings) {
        bind_value(n, static_cast<int>(i), binding, node.file,
                   Context{node.file, inst.element, static_cast<int>(i), n, nullptr});
      }
    }
  }
  // Defaults: members with their own `= expr`, resolved in the instance.
  for (std::size_t s = 0; s < model_.slots.size(); ++s) {
    Slot& slot = model_.slots[s];
    if (slot.instance < 0 || slot.source != Slot::Source::Unbound) continue;
    const Member& member = model_.member(slot.member);
    if (!member.value) continue;
    slot.source = Slot::Source::Value;
    slot.from_default = true;
    pending_.push_back({static_cast<int>(s), member.value,
                        Context{member.file, model_.instance(slot.instance).element, slot.instance, member.node, nullptr}});
  }
}

}  // namespace hie::sema::detail
