// EdgeSource::view: the edges of a set of files in (from, line, to, module) order, whether the providers hand them
// over in order (no sort) or not (sorted).
#include "stdlib/common/dependency_checks.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "graph/text_arena.h"

namespace hie::stdlib::common {
namespace {

using graph::DependencyEdge;

// Edges per file exactly as given (in any order), without stored lists.
class ListProvider final : public graph::DependencyProvider {
 public:
  explicit ListProvider(std::string language) : language_(std::move(language)) {}
  std::string_view language() const override { return language_; }
  bool handles(std::string_view file) const override { return edges_.count(std::string(file)) > 0; }
  std::vector<DependencyEdge> edges_from(std::string_view file) const override {
    auto found = edges_.find(std::string(file));
    return found == edges_.end() ? std::vector<DependencyEdge>{} : found->second;
  }
  void add(const std::string& from, std::uint32_t line, const std::string& to) {
    DependencyEdge edge;
    edge.from = texts_.keep(from);
    edge.line = line;
    edge.to = texts_.keep(to);
    edge.module = texts_.keep(to);
    edge.kind = "import";
    edge.language = language_;
    edges_[from].push_back(edge);
  }

 private:
  std::string language_;
  std::map<std::string, std::vector<DependencyEdge>> edges_;
  graph::TextArena texts_;  // what edges_ refer to
};

std::vector<std::string> shown(const EdgeView& view) {
  std::vector<std::string> out;
  for (const DependencyEdge* edge : view.edges) {
    out.push_back(edge->from + ":" + std::to_string(edge->line) + "->" + edge->to.value_or("") + " " + edge->language);
  }
  return out;
}

TEST(EdgeSourceView, EdgesInOrderStayInOrder) {
  ListProvider python("python");
  python.add("a.py", 1, "b.py");
  python.add("a.py", 2, "c.py");
  python.add("b.py", 1, "c.py");
  const EdgeSource source({&python});
  const std::vector<std::string> files = {"a.py", "b.py", "c.py"};
  EXPECT_EQ(shown(source.view(files)),
            (std::vector<std::string>{"a.py:1->b.py python", "a.py:2->c.py python", "b.py:1->c.py python"}));
}

TEST(EdgeSourceView, EdgesOutOfOrderAreSorted) {
  ListProvider python("python");
  python.add("a.py", 9, "c.py");  // a provider's list out of line order
  python.add("a.py", 2, "b.py");
  const EdgeSource source({&python});
  const std::vector<std::string> files = {"a.py"};
  EXPECT_EQ(shown(source.view(files)), (std::vector<std::string>{"a.py:2->b.py python", "a.py:9->c.py python"}));
}

TEST(EdgeSourceView, UnsortedFilesAndSharedFilesAreSorted) {
  ListProvider python("python"), other("other");
  python.add("b.py", 1, "a.py");
  python.add("a.py", 5, "b.py");
  other.add("a.py", 3, "x.py");  // a second provider for the same file
  const EdgeSource source({&python, &other});
  const std::vector<std::string> unsorted = {"b.py", "a.py"};
  EXPECT_EQ(shown(source.view(unsorted)),
            (std::vector<std::string>{"a.py:3->x.py other", "a.py:5->b.py python", "b.py:1->a.py python"}));
}

}  // namespace
}  // namespace hie::stdlib::common
