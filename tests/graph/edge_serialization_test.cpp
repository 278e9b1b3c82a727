// The resolved edges in the fact cache: a round trip, and decoded edges that keep alive what they refer to.
#include "graph/edge_serialization.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/text_arena.h"

namespace hie::graph {
namespace {

std::vector<CachedFile> store_files(const std::vector<std::string>& paths) {
  std::vector<CachedFile> files;
  for (const auto& path : paths) files.push_back(CachedFile{path, {}, {}, nullptr});
  return files;
}

std::string text_of(const std::vector<DependencyEdge>& edges) {
  std::string out;
  for (const auto& e : edges) {
    out += e.from + ":" + std::to_string(e.line) + " -> " + (e.to ? e.to->str() : "<ext>") + " " + e.module + " " +
           e.kind + (e.type_only ? " type-only " : " ") + e.language + "\n";
  }
  return out;
}

TEST(EdgeSerialization, DecodedEdgesOwnWhatTheyReferTo) {
  const std::vector<std::string> paths = {"a.py", "b.py", "c.py"};
  TextArena texts;
  EdgeLists lists;
  lists.lists.resize(3);
  DependencyEdge to_b{"a.py", 3, "b.py", "b", "import", false, "python"};
  DependencyEdge external{"a.py", 4, std::nullopt, "os.path", "import", false, "python"};
  DependencyEdge outside{"c.py", 9, texts.keep("gone/d.py"), texts.keep("..d"), "from", true, "python"};
  lists.lists[0] = {to_b, external};
  lists.lists[2] = {outside};
  const std::string before = text_of(lists.lists[0]) + text_of(lists.lists[2]);

  EdgeLists decoded;
  {
    auto bytes = std::make_shared<const std::string>(encode_edge_lists(lists, store_files(paths)));
    auto path_copies = std::make_shared<const std::vector<std::string>>(paths);
    ASSERT_TRUE(decode_edge_lists(*bytes, bytes, path_copies, "python", &decoded, 2));
  }  // only the decoded lists hold the bytes and the paths now
  ASSERT_EQ(decoded.lists.size(), 3u);
  EXPECT_TRUE(decoded.lists[1].empty());
  EXPECT_EQ(text_of(decoded.lists[0]) + text_of(decoded.lists[2]), before);
  EXPECT_EQ(before,
            "a.py:3 -> b.py b import python\n"
            "a.py:4 -> <ext> os.path import python\n"
            "c.py:9 -> gone/d.py ..d from type-only python\n");
}

TEST(EdgeSerialization, DamagedOrMismatchedBytesAreRejected) {
  const std::vector<std::string> paths = {"a.py", "b.py"};
  EdgeLists lists;
  lists.lists.resize(2);
  lists.lists[0] = {DependencyEdge{"a.py", 1, "b.py", "b", "import", false, "python"}};
  const std::string bytes = encode_edge_lists(lists, store_files(paths));
  auto two = std::make_shared<const std::vector<std::string>>(paths);
  auto three = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"a.py", "b.py", "c.py"});
  EdgeLists out;
  EXPECT_FALSE(decode_edge_lists(bytes, nullptr, three, "python", &out));  // another file count
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(decode_edge_lists(std::string_view(bytes).substr(0, cut), nullptr, two, "python", &out)) << cut;
  }
  EXPECT_TRUE(decode_edge_lists(bytes, nullptr, two, "python", &out));
}

}  // namespace
}  // namespace hie::graph
