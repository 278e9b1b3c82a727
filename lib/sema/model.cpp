// Model lookups and footprint slot sets.
#include "sema/model.h"

#include <algorithm>
#include <functional>

namespace hie::sema {

bool RExpr::valid() const { return first_invalid() == nullptr; }

const RExpr* RExpr::first_invalid() const {
  if (kind == Kind::Invalid) return this;
  for (const auto& arg : args) {
    if (const RExpr* bad = arg.first_invalid()) return bad;
  }
  return nullptr;
}

int Model::find_element(std::string_view path) const {
  for (int e : elements) {
    if (node(e).path == path) return e;
  }
  return -1;
}

int Model::find_pattern(std::string_view name) const {
  for (int p : patterns) {
    if (node(p).name == name) return p;
  }
  return -1;
}

const Language* Model::find_language(std::string_view name) const {
  for (const auto& language : languages) {
    if (language.name == name) return &language;
  }
  return nullptr;
}

int Model::find_member(int n, std::string_view name) const {
  for (int m : node(n).members) {
    if (member(m).name == name) return m;
  }
  return -1;
}

bool Model::is_within(int descendant, int ancestor) const {
  for (int n = descendant; n >= 0; n = node(n).parent) {
    if (n == ancestor) return true;
  }
  return false;
}

int Model::find_element_slot(std::string_view dotted) const {
  auto dot = dotted.rfind('.');
  if (dot == std::string_view::npos) return -1;
  int e = find_element(dotted.substr(0, dot));
  if (e < 0) return -1;
  int m = find_member(e, dotted.substr(dot + 1));
  return m < 0 ? -1 : member(m).slot;
}

std::vector<int> Model::element_footprint_slots(int element) const {
  std::vector<int> out;
  std::function<void(int)> visit = [&](int e) {
    for (int m : node(e).members) {
      if (member(m).kind == MemberKind::Scope && member(m).slot >= 0) out.push_back(member(m).slot);
    }
    for (int i : node(e).instances) {
      for (const auto& [m, s] : instance(i).slot_of_member) {
        if (member(m).kind == MemberKind::Scope && slot(s).from_v1_binding) out.push_back(s);
      }
    }
    for (int c : node(e).children) visit(c);
  };
  visit(element);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int> Model::instance_footprint_slots(int inst, int n) const {
  std::vector<int> out;
  std::function<void(int, int)> visit = [&](int i, int pn) {
    for (int m : node(pn).members) {
      if (member(m).kind != MemberKind::Scope) continue;
      auto it = instance(i).slot_of_member.find(m);
      if (it != instance(i).slot_of_member.end()) out.push_back(it->second);
    }
    for (std::size_t c = 0; c < instances.size(); ++c) {
      if (instances[c].parent == i && instances[c].via_node == pn) visit(static_cast<int>(c), instances[c].pattern);
    }
    for (int c : node(pn).children) visit(i, c);
  };
  visit(inst, n);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int> Model::expr_slots(const RExpr& expr) const {
  std::vector<int> out;
  std::function<void(const RExpr&)> visit = [&](const RExpr& e) {
    if (e.kind == RExpr::Kind::Slot) out.push_back(e.slot);
    if (e.kind == RExpr::Kind::Footprint) {
      auto more = e.element >= 0 ? element_footprint_slots(e.element) : instance_footprint_slots(e.instance, e.node);
      out.insert(out.end(), more.begin(), more.end());
    }
    for (const auto& arg : e.args) visit(arg);
  };
  visit(expr);
  std::vector<int> unique;
  for (int s : out) {
    if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
  }
  return unique;
}

}  // namespace hie::sema
