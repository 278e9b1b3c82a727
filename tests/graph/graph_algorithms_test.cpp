#include "graph/graph_algorithms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "graph/text_arena.h"

namespace hie::graph {
namespace {

// Edges refer to their texts: the tests' texts live as long as the test program.
TextRef kept(std::string_view text) {
  static TextArena texts;
  return texts.keep(text);
}

DependencyEdge edge(std::string from, std::uint32_t line, std::optional<std::string> to) {
  DependencyEdge e;
  e.from = kept(from);
  e.line = line;
  if (to) e.to = kept(*to);
  e.module = to ? kept(*to) : "ext";
  e.kind = "import";
  e.language = "python";
  return e;
}

TEST(GraphCycles, AcyclicGraphHasNoCycle) {
  EXPECT_FALSE(smallest_cycle({edge("a", 1, "b"), edge("b", 1, "c"), edge("a", 2, "c")}));
  EXPECT_FALSE(smallest_cycle({}));
}

TEST(GraphCycles, SelfEdgesAndExternalEdgesAreIgnored) {
  EXPECT_FALSE(smallest_cycle({edge("a", 1, "a"), edge("a", 2, std::nullopt)}));
}

TEST(GraphCycles, TwoFileCycleStartsAtTheSmallestFile) {
  auto cycle = smallest_cycle({edge("z.py", 7, "a.py"), edge("a.py", 3, "z.py")});
  ASSERT_TRUE(cycle);
  EXPECT_EQ(format_cycle(*cycle), "a.py:3 -> z.py, z.py:7 -> a.py");
}

TEST(GraphCycles, ShortestCycleThroughTheFirstFileThenSmallestSequence) {
  // Through a: a->b->c->a (length 3), a->d->a (length 2) and a->c->a (length 2): the shortest ones tie, and
  // [a, c] < [a, d].
  std::vector<DependencyEdge> edges = {edge("a", 1, "b"), edge("b", 1, "c"), edge("c", 1, "a"), edge("a", 2, "d"),
                                       edge("d", 1, "a"), edge("a", 3, "c")};
  auto cycle = smallest_cycle(edges);
  ASSERT_TRUE(cycle);
  EXPECT_EQ(format_cycle(*cycle), "a:3 -> c, c:1 -> a");
}

TEST(GraphCycles, EachHopUsesTheFirstLineBetweenTwoFiles) {
  auto cycle = smallest_cycle({edge("a", 9, "b"), edge("a", 4, "b"), edge("b", 2, "a")});
  ASSERT_TRUE(cycle);
  EXPECT_EQ(format_cycle(*cycle), "a:4 -> b, b:2 -> a");
}

TEST(GraphCycles, FilesBeforeTheCycleDoNotStartIt) {
  // "a" only feeds the cycle b <-> c.
  auto cycle = smallest_cycle({edge("a", 1, "b"), edge("b", 1, "c"), edge("c", 1, "b")});
  ASSERT_TRUE(cycle);
  EXPECT_EQ(format_cycle(*cycle), "b:1 -> c, c:1 -> b");
}

TEST(GraphCycles, ResultDoesNotDependOnEdgeOrder) {
  std::vector<DependencyEdge> edges;
  for (int i = 0; i < 40; ++i) {
    edges.push_back(edge("f" + std::to_string(i), 1, "f" + std::to_string((i * 7 + 3) % 40)));
    edges.push_back(edge("f" + std::to_string(i), 2, "f" + std::to_string((i * 11 + 5) % 40)));
  }
  auto expected = smallest_cycle(edges);
  ASSERT_TRUE(expected);
  std::mt19937 random(42);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(edges.begin(), edges.end(), random);
    auto cycle = smallest_cycle(edges);
    ASSERT_TRUE(cycle);
    EXPECT_EQ(format_cycle(*cycle), format_cycle(*expected));
  }
}

TEST(GraphCycles, LongChainDoesNotOverflowTheStack) {
  std::vector<DependencyEdge> edges;
  const int n = 200000;
  for (int i = 0; i < n; ++i) edges.push_back(edge("f" + std::to_string(i), 1, "f" + std::to_string(i + 1)));
  EXPECT_FALSE(smallest_cycle(edges));
  edges.push_back(edge("f" + std::to_string(n), 1, "f0"));
  auto cycle = smallest_cycle(edges);
  ASSERT_TRUE(cycle);
  EXPECT_EQ(cycle->hops.size(), static_cast<std::size_t>(n + 1));
}

TEST(GraphLayers, UpwardEdgesAreViolationsSorted) {
  std::vector<std::vector<std::string>> layers = {{"api/a.py"}, {"svc/s.py"}, {"dom/d.py"}};
  std::vector<DependencyEdge> edges = {edge("svc/s.py", 5, "api/a.py"), edge("api/a.py", 1, "svc/s.py"),
                                       edge("dom/d.py", 2, "api/a.py"), edge("dom/d.py", 1, "other.py"),
                                       edge("svc/s.py", 1, "dom/d.py"), edge("dom/d.py", 3, std::nullopt)};
  auto bad = layer_violations(layers, edges);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0].from, "dom/d.py");
  EXPECT_EQ(bad[1].from, "svc/s.py");
}

TEST(GraphLayers, AFileInTwoLayersBelongsToTheFirst) {
  std::vector<std::vector<std::string>> layers = {{"x.py", "top.py"}, {"x.py", "low.py"}};
  // x.py is in the top layer, so low.py -> x.py goes up; x.py -> low.py goes down.
  auto bad = layer_violations(layers, {edge("low.py", 1, "x.py"), edge("x.py", 1, "low.py")});
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].from, "low.py");
}

TEST(GraphEdges, SortOrderIsFromLineTarget) {
  std::vector<DependencyEdge> edges = {edge("b", 1, "x"), edge("a", 2, "x"), edge("a", 1, "y"), edge("a", 1, "x")};
  sort_edges(edges);
  EXPECT_EQ(edges[0].from + std::to_string(edges[0].line) + *edges[0].to, "a1x");
  EXPECT_EQ(edges[1].from + std::to_string(edges[1].line) + *edges[1].to, "a1y");
  EXPECT_EQ(edges[2].from + std::to_string(edges[2].line), "a2");
  EXPECT_EQ(edges[3].from, "b");
}

}  // namespace
}  // namespace hie::graph
