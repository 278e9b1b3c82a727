#include "graph/dependency_graph.h"

namespace hie::graph {

void DependencyGraph::add_provider(std::shared_ptr<const DependencyProvider> provider) {
  providers_.push_back(std::move(provider));
}

bool DependencyGraph::covers(std::string_view file) const {
  for (const auto& provider : providers_) {
    if (provider->handles(file)) return true;
  }
  return false;
}

std::vector<DependencyEdge> DependencyGraph::edges_from(std::string_view file) const {
  std::vector<DependencyEdge> edges;
  for (const auto& provider : providers_) {
    if (!provider->handles(file)) continue;
    auto more = provider->edges_from(file);
    edges.insert(edges.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return edges;
}

}  // namespace hie::graph
