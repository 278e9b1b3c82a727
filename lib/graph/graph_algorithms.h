// Pure algorithms over file-level edges: the cycle to report for `no_cycles`, and the edges that break `layers`
// or `only_depends_on`. Deterministic: results never depend on input order or thread count.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/dependency_graph.h"

namespace hie::graph {

// One cycle: hops[i] goes from hops[i].from to hops[i].to, the last hop returns to hops[0].from.
struct Cycle {
  std::vector<DependencyEdge> hops;
};

// One cycle of the graph formed by `edges` (edges without a target, or from a file to itself, are ignored), chosen
// deterministically and short enough to read: it starts at the smallest file that lies on any cycle, is a shortest
// cycle through that file, and among those the one whose sequence of files is lexicographically smallest; each hop
// uses the smallest edge (by line, then module) between its two files. nullopt when the graph is acyclic.
std::optional<Cycle> smallest_cycle(const std::vector<DependencyEdge>& edges);
// The same over edges read in place (pointers valid for the call).
std::optional<Cycle> smallest_cycle_of_refs(const std::vector<const DependencyEdge*>& edges);

// "a.py:3 -> b.py, b.py:7 -> a.py".
std::string format_cycle(const Cycle& cycle);

// `layers[i]` = the files of layer i, top first. Returns the edges that go from a layer to a layer above it,
// sorted by (from, line, to). A file in several layers belongs to the first (highest) one; edges to files in no
// layer and external edges are ignored.
std::vector<DependencyEdge> layer_violations(const std::vector<std::vector<std::string>>& layers,
                                             const std::vector<DependencyEdge>& edges);
std::vector<DependencyEdge> layer_violations_of_refs(const std::vector<std::vector<std::string>>& layers,
                                                     const std::vector<const DependencyEdge*>& edges);

// Sorts edges by (from, line, to, module, kind): the order of every list users see.
void sort_edges(std::vector<DependencyEdge>& edges);
bool edge_less(const DependencyEdge& a, const DependencyEdge& b);

}  // namespace hie::graph
