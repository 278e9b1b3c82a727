// The dependency checks shared by every language library and `arch`: depends_on, no_dependency, no_cycles,
// layers, only_depends_on over any graph::DependencyProvider (one language's index, or the union of all).
// Failure messages name each offending edge as `file:line -> target`, and every edge is evidence.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "graph/dependency_graph.h"
#include "library/check_outcome.h"
#include "library/value.h"

namespace hie::stdlib::common {

// Edges read in place: pointers into the providers' stored edges, or into `owned` for providers that keep none.
// Valid while the providers live (the whole run).
struct EdgeView {
  std::vector<graph::DependencyEdge> owned;
  std::vector<const graph::DependencyEdge*> edges;  // sorted by (from, line, to, module)
};

// The graph a check reads: a provider per language, and the files they cover.
class EdgeSource {
 public:
  explicit EdgeSource(std::vector<const graph::DependencyProvider*> providers) : providers_(std::move(providers)) {}
  // The edges leaving `files` (sorted by (from, line, to, module)); files no provider handles have none.
  std::vector<graph::DependencyEdge> edges_from(std::span<const std::string> files) const;
  // The same edges without copying them: checks over whole workspaces read hundreds of thousands.
  EdgeView view(std::span<const std::string> files) const;

 private:
  std::vector<const graph::DependencyProvider*> providers_;
};

using library::CheckOutcome;
using library::ScopeData;

// Some edge goes from a file of `a` to a file of `b`.
CheckOutcome depends_on(const EdgeSource& graph, const ScopeData& a, const ScopeData& b);
// No edge goes from a file of `a` to a file of `b` (edges inside both are ignored when a and b overlap).
CheckOutcome no_dependency(const EdgeSource& graph, const ScopeData& a, const ScopeData& b);
// The edges between files of `scope` form no cycle; failure prints the smallest cycle, one file:line per hop.
CheckOutcome no_cycles(const EdgeSource& graph, const ScopeData& scope);
// `layers` top first: no edge from a layer to a layer above it.
CheckOutcome layers(const EdgeSource& graph, std::span<const ScopeData* const> layers);
// Every edge from `a` to a workspace file outside `a` lands in one of `allowed` (external modules are ignored).
CheckOutcome only_depends_on(const EdgeSource& graph, const ScopeData& a, std::span<const ScopeData* const> allowed);

// "2 dependencies ...: a.py:3 -> b.py, ..." with one Evidence per edge (at most 3 edges in the message).
CheckOutcome edge_failure(std::string what_one, std::string what_many, const std::vector<graph::DependencyEdge>& edges);
std::string edge_text(const graph::DependencyEdge& edge);

}  // namespace hie::stdlib::common
