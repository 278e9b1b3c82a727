// TextRef and TextArena: the texts dependency edges refer to.
#include "graph/text_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace hie::graph {
namespace {

// A reference to a temporary std::string would dangle at the end of its statement: it must not compile.
static_assert(!std::is_constructible_v<TextRef, std::string&&>);
static_assert(!std::is_assignable_v<TextRef&, std::string&&>);
static_assert(std::is_constructible_v<TextRef, const std::string&>);
static_assert(std::is_trivially_copyable_v<TextRef>);

TEST(TextRef, ComparesWithEveryKindOfText) {
  const std::string owned = "b.py";
  const TextRef ref = owned;
  EXPECT_EQ(ref, owned);
  EXPECT_EQ(ref, "b.py");
  EXPECT_EQ(ref, std::string_view("b.py"));
  EXPECT_LT(ref, std::string("c.py"));
  EXPECT_GT(ref, "a.py");
  EXPECT_EQ(TextRef("x"), TextRef::of("x"));
  EXPECT_EQ("dir/" + ref, "dir/b.py");
  EXPECT_EQ(ref + ":3", "b.py:3");
  EXPECT_TRUE(TextRef().empty());
  EXPECT_EQ(TextRef::of_optional(std::nullopt), std::nullopt);
  EXPECT_EQ(TextRef::of_optional(std::string_view(owned)), std::optional<TextRef>(ref));
}

TEST(TextArena, KeptTextsStayInPlaceWhileMoreAreKept) {
  TextArena arena;
  std::vector<TextRef> refs;
  std::vector<std::string> expected;
  for (int i = 0; i < 20000; ++i) {
    expected.push_back("py/app/layer" + std::to_string(i % 5) + "/m" + std::to_string(i) + ".py");
    refs.push_back(arena.keep(expected.back()));
  }
  // Larger than a chunk: a chunk of its own, and the texts before it are untouched.
  expected.push_back(std::string(1 << 20, 'x'));
  refs.push_back(arena.keep(expected.back()));
  expected.push_back("after");
  refs.push_back(arena.keep(expected.back()));
  for (std::size_t i = 0; i < refs.size(); ++i) ASSERT_EQ(refs[i], expected[i]) << i;
  EXPECT_TRUE(arena.keep("").empty());
}

TEST(TextArena, ThreadsKeepTextsConcurrently) {
  TextArena arena;
  std::vector<std::vector<TextRef>> refs(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50000; ++i) refs[t].push_back(arena.keep("t" + std::to_string(t) + "-" + std::to_string(i)));
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 2; ++t) {
    for (int i = 0; i < 50000; ++i) ASSERT_EQ(refs[t][i], "t" + std::to_string(t) + "-" + std::to_string(i));
  }
}

}  // namespace
}  // namespace hie::graph
