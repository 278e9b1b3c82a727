#include "graph/graph_algorithms.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>

namespace hie::graph {
namespace {

// The files of the graph numbered in sorted order, so that comparing numbers compares names.
struct NumberedGraph {
  std::vector<std::string_view> names;         // views of the edges' paths
  std::vector<std::vector<std::size_t>> next;  // sorted, unique
  // (from, to) -> the smallest edge between them
  std::map<std::pair<std::size_t, std::size_t>, const DependencyEdge*> edge;
};

NumberedGraph number(const std::vector<const DependencyEdge*>& edges) {
  NumberedGraph g;
  for (const DependencyEdge* edge : edges) {
    const DependencyEdge& e = *edge;
    if (!e.to || *e.to == e.from) continue;
    g.names.push_back(e.from);
    g.names.push_back(*e.to);
  }
  std::sort(g.names.begin(), g.names.end());
  g.names.erase(std::unique(g.names.begin(), g.names.end()), g.names.end());
  auto id = [&](std::string_view name) {
    return static_cast<std::size_t>(std::lower_bound(g.names.begin(), g.names.end(), name) - g.names.begin());
  };
  g.next.resize(g.names.size());
  for (const DependencyEdge* edge : edges) {
    const DependencyEdge& e = *edge;
    if (!e.to || *e.to == e.from) continue;
    const std::size_t a = id(e.from), b = id(*e.to);
    auto [it, inserted] = g.edge.emplace(std::make_pair(a, b), &e);
    if (inserted) {
      g.next[a].push_back(b);
    } else if (std::tie(e.line, e.module) < std::tie(it->second->line, it->second->module)) {
      it->second = &e;
    }
  }
  for (auto& list : g.next) std::sort(list.begin(), list.end());
  return g;
}

// Tarjan's strongly connected components, iteratively (deep graphs must not overflow the stack). Returns the
// component number of each node.
std::vector<std::size_t> components(const NumberedGraph& g) {
  const std::size_t n = g.names.size();
  constexpr std::size_t kUnvisited = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::pair<std::size_t, std::size_t>> frames;  // (node, next neighbour position)
  std::size_t counter = 0, components_found = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    frames.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [node, pos] = frames.back();
      if (pos < g.next[node].size()) {
        const std::size_t child = g.next[node][pos++];
        if (index[child] == kUnvisited) {
          index[child] = low[child] = counter++;
          stack.push_back(child);
          on_stack[child] = true;
          frames.push_back({child, 0});
        } else if (on_stack[child]) {
          low[node] = std::min(low[node], index[child]);
        }
        continue;
      }
      const std::size_t done = node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] == index[done]) {
        std::size_t member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = components_found;
        } while (member != done);
        ++components_found;
      }
    }
  }
  return component;
}

}  // namespace

bool edge_less(const DependencyEdge& a, const DependencyEdge& b) {
  return std::tie(a.from, a.line, a.to, a.module, a.kind, a.type_only, a.language) <
         std::tie(b.from, b.line, b.to, b.module, b.kind, b.type_only, b.language);
}

void sort_edges(std::vector<DependencyEdge>& edges) { std::sort(edges.begin(), edges.end(), edge_less); }

namespace {

std::vector<const DependencyEdge*> pointers(const std::vector<DependencyEdge>& edges) {
  std::vector<const DependencyEdge*> out;
  out.reserve(edges.size());
  for (const auto& edge : edges) out.push_back(&edge);
  return out;
}

}  // namespace

std::optional<Cycle> smallest_cycle(const std::vector<DependencyEdge>& edges) {
  return smallest_cycle_of_refs(pointers(edges));
}

std::optional<Cycle> smallest_cycle_of_refs(const std::vector<const DependencyEdge*>& edges) {
  const NumberedGraph g = number(edges);
  const std::vector<std::size_t> component = components(g);
  std::vector<std::size_t> size(g.names.size(), 0);
  for (std::size_t c : component) ++size[c];
  // The smallest file on a cycle: the first node (by name) whose component has two or more nodes.
  std::size_t start = g.names.size();
  for (std::size_t i = 0; i < g.names.size(); ++i) {
    if (size[component[i]] >= 2) {
      start = i;
      break;
    }
  }
  if (start == g.names.size()) return std::nullopt;
  // Breadth-first from `start` inside its component, neighbours in name order: the first path found to each node
  // is its lexicographically smallest shortest path, and the first node found with an edge back to `start` closes
  // the shortest cycle whose file sequence is smallest.
  const std::size_t c = component[start];
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> parent(g.names.size(), kNone);
  std::vector<std::size_t> queue{start};
  parent[start] = start;
  std::size_t last = kNone;
  for (std::size_t head = 0; head < queue.size() && last == kNone; ++head) {
    const std::size_t node = queue[head];
    for (std::size_t child : g.next[node]) {
      if (child == start) {
        last = node;
        break;
      }
      if (component[child] != c || parent[child] != kNone) continue;
      parent[child] = node;
      queue.push_back(child);
    }
  }
  std::vector<std::size_t> path;
  for (std::size_t node = last; node != start; node = parent[node]) path.push_back(node);
  path.push_back(start);
  std::reverse(path.begin(), path.end());
  Cycle cycle;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::size_t to = i + 1 < path.size() ? path[i + 1] : start;
    cycle.hops.push_back(*g.edge.at({path[i], to}));
  }
  return cycle;
}

std::string format_cycle(const Cycle& cycle) {
  std::string text;
  for (const auto& hop : cycle.hops) {
    if (!text.empty()) text += ", ";
    text += hop.from + ":" + std::to_string(hop.line) + " -> " + hop.to.value_or(hop.module);
  }
  return text;
}

std::vector<DependencyEdge> layer_violations(const std::vector<std::vector<std::string>>& layers,
                                             const std::vector<DependencyEdge>& edges) {
  return layer_violations_of_refs(layers, pointers(edges));
}

std::vector<DependencyEdge> layer_violations_of_refs(const std::vector<std::vector<std::string>>& layers,
                                                     const std::vector<const DependencyEdge*>& edges) {
  std::unordered_map<std::string_view, std::size_t> layer_of;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    for (const auto& file : layers[i]) layer_of.emplace(file, i);  // the first (highest) layer wins
  }
  std::vector<DependencyEdge> bad;
  for (const DependencyEdge* edge : edges) {
    const DependencyEdge& e = *edge;
    if (!e.to) continue;
    auto from = layer_of.find(e.from);
    auto to = layer_of.find(*e.to);
    if (from == layer_of.end() || to == layer_of.end()) continue;
    if (to->second < from->second) bad.push_back(e);
  }
  sort_edges(bad);
  return bad;
}

}  // namespace hie::graph
