// Connection rules (LANGUAGE.md §7.5) judged against the dependency graph: `forbids/allows/requires connection
// to`, `S uses T` and `[connections] strict_uses`. Source files of a language no provider covers make the rule an
// error naming them (never a silent pass).
#include <algorithm>
#include <iterator>

#include "eval/tasks.h"

namespace hie::eval {
namespace {

using library::CheckOutcome;
using library::Evidence;

// Files that contain code (and so may hold dependencies). Other files (docs, configs, data) have no edges.
bool is_source_file(std::string_view path) {
  static const std::vector<std::string_view> extensions = {
      "c",   "cc",   "cjs", "cpp", "cs", "cxx", "go", "h",     "hh", "hpp", "hxx", "java", "js",  "jsx",
      "kt",  "kts",  "m",   "mjs", "mm", "php", "py", "pyi",   "rb", "rs",  "scala", "swift", "ts", "tsx"};
  auto slash = path.rfind('/');
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return false;
  std::string_view ext = path.substr(dot + 1);
  return std::binary_search(extensions.begin(), extensions.end(), ext);
}

struct Edges {
  std::vector<graph::DependencyEdge> edges;  // from the covered source files, in file then line order
  std::vector<std::string> uncovered;        // source files no provider handles
};

Edges outgoing(const graph::DependencyGraph& graph, const std::vector<std::string>& files) {
  Edges out;
  for (const auto& file : files) {
    if (!graph.covers(file)) {
      if (is_source_file(file)) out.uncovered.push_back(file);
      continue;
    }
    auto edges = graph.edges_from(file);
    std::stable_sort(edges.begin(), edges.end(),
                     [](const graph::DependencyEdge& a, const graph::DependencyEdge& b) { return a.line < b.line; });
    out.edges.insert(out.edges.end(), edges.begin(), edges.end());
  }
  return out;
}

CheckOutcome no_information(const std::vector<std::string>& files) {
  std::string list;
  for (std::size_t i = 0; i < files.size() && i < 3; ++i) list += (i ? ", " : "") + files[i];
  if (files.size() > 3) list += ", …";
  std::string count = files.size() == 1 ? "1 file" : std::to_string(files.size()) + " files";
  return CheckOutcome::error("E207", "no dependency information for " + count + " (" + list +
                                         "): no language library provides dependencies for them yet");
}

CheckOutcome failure(const Failure& f) { return CheckOutcome::error(f.code, f.message); }

std::string edge_text(const graph::DependencyEdge& edge) {
  return edge.from + ":" + std::to_string(edge.line) + " -> " + (edge.to ? *edge.to : edge.module);
}

// "3 forbidden dependencies on 'db': a.py:3 -> db/x.py, ..." with one piece of evidence per edge.
CheckOutcome violations(const std::string& one, const std::string& many,
                        const std::vector<graph::DependencyEdge>& edges, const std::vector<std::string>& details) {
  std::string message = std::to_string(edges.size()) + " " + (edges.size() == 1 ? one : many) + ": ";
  std::vector<Evidence> evidence;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (i < 3) message += (i ? ", " : "") + edge_text(edges[i]);
    evidence.push_back({edges[i].from.str(), edges[i].line, details[i]});
  }
  if (edges.size() > 3) message += ", ... (" + std::to_string(edges.size() - 3) + " more)";
  return CheckOutcome::fail(message, std::move(evidence));
}

std::vector<std::string> minus(const std::vector<std::string>& a, const Paths& b) {
  std::vector<std::string> out;
  for (const auto& path : a) {
    if (!b.contains(path)) out.push_back(path);
  }
  return out;
}

// True when the target lies inside `element`'s subtree (the element, a descendant, or an instance they carry).
bool target_inside(const sema::Model& model, const sema::Target& target, int element) {
  switch (target.kind) {
    case sema::Target::Kind::Element: return model.is_within(target.element, element);
    case sema::Target::Kind::InstanceNode: return model.is_within(model.instance(target.instance).element, element);
    case sema::Target::Kind::Slot: {
      const sema::Slot& slot = model.slot(target.slot);
      int owner = slot.instance >= 0 ? model.instance(slot.instance).element : model.member(slot.member).node;
      return model.is_within(owner, element);
    }
    case sema::Target::Kind::None: break;
  }
  return false;
}

CheckOutcome forbids_connection(Evaluator& ev, int element, const sema::Target& target) {
  const sema::Model& model = ev.model();
  if (target.kind == sema::Target::Kind::None) return CheckOutcome::pass();
  Paths own = ev.element_footprint(element);
  if (!own.ok) return failure(own.failure);
  Paths forbidden = ev.target_footprint(target);
  if (!forbidden.ok) return failure(forbidden.failure);
  bool inside = target_inside(model, target, element);
  Edges edges = outgoing(ev.graph(), minus(own.paths, forbidden));
  std::vector<graph::DependencyEdge> bad;
  std::vector<std::string> details;
  for (const auto& edge : edges.edges) {
    if (!edge.to || !forbidden.contains(*edge.to)) continue;
    // Edges staying inside E's own footprint are ignored, unless the forbidden target is part of E itself.
    if (!inside && own.contains(*edge.to)) continue;
    bad.push_back(edge);
    details.push_back("depends on " + *edge.to + " ('" + target.text + "')");
  }
  if (!bad.empty()) return violations("forbidden dependency on '" + target.text + "'",
                                       "forbidden dependencies on '" + target.text + "'", bad, details);
  if (!edges.uncovered.empty()) return no_information(edges.uncovered);
  return CheckOutcome::pass();
}

CheckOutcome requires_connection(Evaluator& ev, int element, const sema::Target& target) {
  const sema::Model& model = ev.model();
  const std::string& path = model.node(element).path;
  if (target.kind == sema::Target::Kind::None) {
    return CheckOutcome::fail("'" + path + "' must depend on '" + target.text + "', which matches no element");
  }
  Paths own = ev.element_footprint(element);
  if (!own.ok) return failure(own.failure);
  Paths wanted = ev.target_footprint(target);
  if (!wanted.ok) return failure(wanted.failure);
  Edges edges = outgoing(ev.graph(), minus(own.paths, wanted));
  for (const auto& edge : edges.edges) {
    if (edge.to && wanted.contains(*edge.to)) return CheckOutcome::pass();
  }
  if (!edges.uncovered.empty()) return no_information(edges.uncovered);
  return CheckOutcome::fail("no dependency from '" + path + "' on '" + target.text + "'");
}

}  // namespace

CheckOutcome evaluate_connection_rule(Evaluator& ev, int element, int instance, int index) {
  const sema::InstanceRequirement& req =
      ev.model().instance(instance).requirements[static_cast<std::size_t>(index)];
  if (req.decl->action == syntax::RequirementAction::Forbids) return forbids_connection(ev, element, req.target);
  return requires_connection(ev, element, req.target);
}

CheckOutcome evaluate_inherited_connection(Evaluator& ev, int element, int instance, int index) {
  return requires_connection(ev, element,
                             ev.model().instance(instance).requirements[static_cast<std::size_t>(index)].target);
}

CheckOutcome evaluate_allows_connection(Evaluator& ev, int element, const std::vector<std::pair<int, int>>& parts) {
  const sema::Model& model = ev.model();
  Paths own = ev.element_footprint(element);
  if (!own.ok) return failure(own.failure);
  Paths allowed;
  std::vector<std::string> names;
  for (const auto& [instance, index] : parts) {
    const sema::Target& target = model.instance(instance).requirements[static_cast<std::size_t>(index)].target;
    names.push_back(target.text);
    Paths p = ev.target_footprint(target);
    if (!p.ok) return failure(p.failure);
    std::vector<std::string> merged;
    std::set_union(allowed.paths.begin(), allowed.paths.end(), p.paths.begin(), p.paths.end(),
                   std::back_inserter(merged));
    allowed.paths = std::move(merged);
  }
  const Ownership& owners = ev.ownership();
  if (!owners.ok) return failure(owners.failure);
  bool unowned_forbidden = ev.options().connections.unowned_forbid;
  Edges edges = outgoing(ev.graph(), own.paths);
  std::vector<graph::DependencyEdge> bad;
  std::vector<std::string> details;
  for (const auto& edge : edges.edges) {
    if (!edge.to) {
      if (unowned_forbidden) {
        bad.push_back(edge);
        details.push_back("imports external module '" + edge.module + "'");
      }
      continue;
    }
    const std::string_view to = *edge.to;
    if (own.contains(to) || allowed.contains(to)) continue;
    auto it = owners.owners.find(to);
    if (it != owners.owners.end()) {
      bad.push_back(edge);
      details.push_back("depends on " + std::string(to) + " (owned by '" + model.node(it->second.front()).path + "')");
    } else if (unowned_forbidden) {
      bad.push_back(edge);
      details.push_back("depends on " + std::string(to) + ", which no element owns");
    }
  }
  if (!bad.empty()) return violations("dependency outside the allowed targets", "dependencies outside the allowed targets",
                                       bad, details);
  if (!edges.uncovered.empty()) return no_information(edges.uncovered);
  return CheckOutcome::pass();
}

CheckOutcome evaluate_uses(Evaluator& ev, int source_slot, const sema::Target& target) {
  const sema::Model& model = ev.model();
  if (source_slot < 0) return CheckOutcome::error("E050", "the source of this `uses` is not a scope");
  if (target.kind == sema::Target::Kind::None) {
    return CheckOutcome::error("E050", "the target '" + target.text + "' of this `uses` matches nothing");
  }
  Paths source = ev.slot_paths(source_slot);
  if (!source.ok) return failure(source.failure);
  Paths used = ev.target_footprint(target);
  if (!used.ok) return failure(used.failure);
  bool inside = !source.paths.empty();
  for (const auto& path : source.paths) inside = inside && used.contains(path);
  if (inside) return CheckOutcome::pass();
  Edges edges = outgoing(ev.graph(), minus(source.paths, used));
  for (const auto& edge : edges.edges) {
    if (edge.to && used.contains(*edge.to)) return CheckOutcome::pass();
  }
  if (!edges.uncovered.empty()) return no_information(edges.uncovered);
  return CheckOutcome::fail("no dependency from scope '" + model.slot(source_slot).display + "' on '" +
                            target.text + "'");
}

CheckOutcome evaluate_strict_uses(Evaluator& ev, int element) {
  const sema::Model& model = ev.model();
  Paths own = ev.own_paths(element);
  if (!own.ok) return failure(own.failure);
  Paths subtree = ev.element_footprint(element);
  if (!subtree.ok) return failure(subtree.failure);
  const Ownership& owners = ev.ownership();
  if (!owners.ok) return failure(owners.failure);
  // What the element declares it uses (its own `uses` and those of the patterns it implements).
  Paths declared;
  auto add = [&](const sema::Target& target) -> bool {
    Paths p = ev.target_footprint(target);
    if (!p.ok) return false;
    std::vector<std::string> merged;
    std::set_union(declared.paths.begin(), declared.paths.end(), p.paths.begin(), p.paths.end(),
                   std::back_inserter(merged));
    declared.paths = std::move(merged);
    return true;
  };
  for (const auto& uses : model.node(element).uses) add(uses.target);
  for (int i : model.node(element).instances) {
    for (const auto& uses : model.instance(i).uses) add(uses.target);
  }
  Edges edges = outgoing(ev.graph(), own.paths);
  std::vector<graph::DependencyEdge> bad;
  std::vector<std::string> details;
  for (const auto& edge : edges.edges) {
    if (!edge.to || subtree.contains(*edge.to) || declared.contains(*edge.to)) continue;
    auto it = owners.owners.find(*edge.to);
    if (it == owners.owners.end()) continue;
    // Owned by another element: not this one's subtree, not an ancestor (whose footprint includes this one).
    int other = -1;
    for (int owner : it->second) {
      if (!model.is_within(owner, element) && !model.is_within(element, owner)) {
        other = owner;
        break;
      }
    }
    if (other < 0) continue;
    bad.push_back(edge);
    details.push_back("depends on " + *edge.to + " (owned by '" + model.node(other).path +
                      "') without a `uses` declaration");
  }
  if (!bad.empty()) return violations("undeclared dependency", "undeclared dependencies", bad, details);
  if (!edges.uncovered.empty()) return no_information(edges.uncovered);
  return CheckOutcome::pass();
}

}  // namespace hie::eval
