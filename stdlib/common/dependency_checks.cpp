#include "stdlib/common/dependency_checks.h"

#include <algorithm>
#include <unordered_set>

#include "graph/graph_algorithms.h"

namespace hie::stdlib::common {
namespace {

using graph::DependencyEdge;

bool contains(const std::vector<std::string>& sorted, std::string_view path) {
  return std::binary_search(sorted.begin(), sorted.end(), path);
}

std::string label(const ScopeData& scope) { return "'" + (scope.arg.empty() ? scope.kind : scope.arg) + "'"; }

// graph::edge_less for two edges of the same file (a provider's edges of a file all leave that file): the same
// order without comparing `from`, which is the costly part (equal paths compare to their last byte).
bool same_file_edge_less(const DependencyEdge& a, const DependencyEdge& b) {
  return std::tie(a.line, a.to, a.module, a.kind, a.type_only, a.language) <
         std::tie(b.line, b.to, b.module, b.kind, b.type_only, b.language);
}

}  // namespace

std::vector<DependencyEdge> EdgeSource::edges_from(std::span<const std::string> files) const {
  const EdgeView found = view(files);
  std::vector<DependencyEdge> edges;
  edges.reserve(found.edges.size());
  for (const DependencyEdge* edge : found.edges) edges.push_back(*edge);
  return edges;
}

EdgeView EdgeSource::view(std::span<const std::string> files) const {
  EdgeView out;
  // Providers without stored edges copy into `owned` first: its elements must not move once pointed to.
  std::vector<std::pair<const std::vector<DependencyEdge>*, std::size_t>> lists;  // stored list, or owned range
  // The edges are in order without sorting when the files are sorted and unique, each has one provider, and each
  // provider's list is in order (then the lists' `from` only grow): checked as the lists are gathered.
  bool in_order = std::adjacent_find(files.begin(), files.end(), std::greater_equal<>()) == files.end();
  for (const auto& file : files) {
    bool provided = false;
    for (const auto* provider : providers_) {
      if (!provider->handles(file)) continue;
      in_order = in_order && !provided;
      provided = true;
      if (const auto* stored = provider->stored_edges(file)) {
        lists.push_back({stored, 0});
        continue;
      }
      auto more = provider->edges_from(file);
      lists.push_back({nullptr, more.size()});
      out.owned.insert(out.owned.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  std::size_t next_owned = 0;
  for (const auto& [stored, count] : lists) {
    const std::size_t first = out.edges.size();
    if (stored) {
      for (const DependencyEdge& edge : *stored) out.edges.push_back(&edge);
    } else {
      for (std::size_t i = 0; i < count; ++i) out.edges.push_back(&out.owned[next_owned++]);
    }
    for (std::size_t i = first + 1; in_order && i < out.edges.size(); ++i) {
      in_order = !same_file_edge_less(*out.edges[i], *out.edges[i - 1]);
    }
  }
  if (!in_order) {
    std::sort(out.edges.begin(), out.edges.end(),
              [](const DependencyEdge* a, const DependencyEdge* b) { return graph::edge_less(*a, *b); });
  }
  return out;
}

std::string edge_text(const DependencyEdge& edge) {
  return edge.from + ":" + std::to_string(edge.line) + " -> " + edge.to.value_or(edge.module);
}

CheckOutcome edge_failure(std::string what_one, std::string what_many, const std::vector<DependencyEdge>& edges) {
  std::string message = std::to_string(edges.size()) + " " + (edges.size() == 1 ? what_one : what_many) + ": ";
  std::vector<library::Evidence> evidence;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (i < 3) message += (i ? ", " : "") + edge_text(edges[i]);
    evidence.push_back({edges[i].from.str(), edges[i].line, "-> " + edges[i].to.value_or(edges[i].module)});
  }
  if (edges.size() > 3) message += ", ... (" + std::to_string(edges.size() - 3) + " more)";
  return CheckOutcome::fail(std::move(message), std::move(evidence));
}

CheckOutcome depends_on(const EdgeSource& graph, const ScopeData& a, const ScopeData& b) {
  for (const DependencyEdge* edge : graph.view(a.paths).edges) {
    if (edge->to && contains(b.paths, *edge->to) && !contains(b.paths, edge->from)) return CheckOutcome::pass();
  }
  return CheckOutcome::fail("No dependency from " + label(a) + " to " + label(b) + " found");
}

CheckOutcome no_dependency(const EdgeSource& graph, const ScopeData& a, const ScopeData& b) {
  std::vector<DependencyEdge> bad;
  for (const DependencyEdge* edge : graph.view(a.paths).edges) {
    if (edge->to && contains(b.paths, *edge->to) && !contains(b.paths, edge->from)) bad.push_back(*edge);
  }
  if (bad.empty()) return CheckOutcome::pass();
  const std::string what = " from " + label(a) + " to " + label(b);
  return edge_failure("forbidden dependency" + what, "forbidden dependencies" + what, bad);
}

CheckOutcome no_cycles(const EdgeSource& graph, const ScopeData& scope) {
  const EdgeView edges = graph.view(scope.paths);
  std::vector<const DependencyEdge*> inside;
  for (const DependencyEdge* edge : edges.edges) {
    // A Rust `mod x;` declares where a module lives, it is not a use: with it, every `use super::…` in a child
    // would be a "cycle" no one can remove. Cycles are judged on uses only (docs/stdlib-common.md).
    if (edge->kind == "mod") continue;
    if (edge->to && contains(scope.paths, *edge->to)) inside.push_back(edge);
  }
  auto cycle = graph::smallest_cycle_of_refs(inside);
  if (!cycle) return CheckOutcome::pass();
  std::vector<library::Evidence> evidence;
  for (const auto& hop : cycle->hops) evidence.push_back({hop.from.str(), hop.line, "-> " + *hop.to});
  return CheckOutcome::fail("Dependency cycle in " + label(scope) + ": " + graph::format_cycle(*cycle),
                            std::move(evidence));
}

CheckOutcome layers(const EdgeSource& graph, std::span<const ScopeData* const> layer_scopes) {
  std::vector<std::vector<std::string>> files;
  std::vector<std::string> all;
  for (const ScopeData* layer : layer_scopes) {
    files.push_back(layer->paths);
    all.insert(all.end(), layer->paths.begin(), layer->paths.end());
  }
  library::normalize_scope_paths(all);
  const auto bad = graph::layer_violations_of_refs(files, graph.view(all).edges);
  if (bad.empty()) return CheckOutcome::pass();
  // The layer of a file, as layer_violations assigns it (the first that lists it).
  auto layer_of = [&](std::string_view file) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (contains(files[i], file)) return i;
    }
    return files.size();
  };
  CheckOutcome outcome = edge_failure("dependency goes up the layers", "dependencies go up the layers", bad);
  for (std::size_t i = 0; i < bad.size(); ++i) {
    const ScopeData& from = *layer_scopes[layer_of(bad[i].from)];
    const ScopeData& to = *layer_scopes[layer_of(*bad[i].to)];
    outcome.evidence[i].message += " (layer " + label(from) + " depends on " + label(to) + " above it)";
  }
  return outcome;
}

CheckOutcome only_depends_on(const EdgeSource& graph, const ScopeData& a, std::span<const ScopeData* const> allowed) {
  std::vector<DependencyEdge> bad;
  for (const DependencyEdge* edge : graph.view(a.paths).edges) {
    if (!edge->to || contains(a.paths, *edge->to)) continue;
    const bool ok = std::any_of(allowed.begin(), allowed.end(),
                                [&](const ScopeData* scope) { return contains(scope->paths, *edge->to); });
    if (!ok) bad.push_back(*edge);
  }
  if (bad.empty()) return CheckOutcome::pass();
  const std::string what = " of " + label(a) + " outside the allowed scopes";
  return edge_failure("dependency" + what, "dependencies" + what, bad);
}

}  // namespace hie::stdlib::common
