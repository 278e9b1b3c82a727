// Tests of the stderr tail kept for plugin error messages.
#include "plugin/jsonrpc/stderr_drain.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace hie::plugin::jsonrpc {
namespace {

TEST(StderrDrain, KeepsTheLastLinesAndThePartialOne) {
  StderrDrain drain(3, 1000, 100);
  drain.feed("one\ntwo\nthr");
  drain.feed("ee\nfour\nfive\npart");
  EXPECT_EQ(drain.tail(10), (std::vector<std::string>{"three", "four", "five", "part"}));
  EXPECT_EQ(drain.tail(2), (std::vector<std::string>{"five", "part"}));
  EXPECT_EQ(drain.tail(0), std::vector<std::string>{});
  drain.flush();
  EXPECT_EQ(drain.tail(10), (std::vector<std::string>{"four", "five", "part"}));
  EXPECT_EQ(drain.total_bytes(), 28u);
}

TEST(StderrDrain, BoundsBytesAndLineLength) {
  StderrDrain drain(100, 25, 8);
  drain.feed("0123456789abcdef\r\nshort\n");
  EXPECT_EQ(drain.tail(5), (std::vector<std::string>{"01234567 […]", "short"}));
  drain.feed("aaaaaaaa\nbbbbbbbb\ncccccccc\n");
  std::vector<std::string> tail = drain.tail(100);
  std::size_t bytes = 0;
  for (const auto& line : tail) bytes += line.size();
  EXPECT_LE(bytes, 25u);
  EXPECT_EQ(tail.back(), "cccccccc");
}

TEST(StderrDrain, CallbackSeesEveryLine) {
  std::vector<std::string> seen;
  StderrDrain drain(1, 10, 100, [&](std::string_view line) { seen.emplace_back(line); });
  drain.feed("a\nb\nc");
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
  drain.flush();
  EXPECT_EQ(seen.back(), "c");
  drain.clear();
  EXPECT_TRUE(drain.tail(5).empty());
  EXPECT_EQ(drain.total_bytes(), 0u);
}

TEST(StderrDrain, DrainsANonBlockingPipeToEndOfFile) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
  StderrDrain drain;
  EXPECT_TRUE(drain.drain(fds[0]));  // nothing yet: not the end
  ASSERT_EQ(::write(fds[1], "x\ny", 3), 3);
  EXPECT_TRUE(drain.drain(fds[0]));
  ::close(fds[1]);
  EXPECT_FALSE(drain.drain(fds[0]));
  ::close(fds[0]);
  EXPECT_EQ(drain.tail(5), (std::vector<std::string>{"x", "y"}));
}

}  // namespace
}  // namespace hie::plugin::jsonrpc
