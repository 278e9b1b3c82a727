#include "workspace/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace hie::workspace {
namespace {

TEST(WorkspaceUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii\n"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));                           // U+10FFFF
}

TEST(WorkspaceUtf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(first_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(first_invalid_utf8("a\xC3"), 1u);             // truncated
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\x80"), 0u);              // lone continuation byte
  EXPECT_EQ(first_invalid_utf8("ok\xC3\xA9"), 4u);
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));
}

TEST(WorkspaceUtf8, ByteAtAnyOffsetOfTheEightByteStepsIsSeen) {
  // ASCII is skipped eight bytes at a time: a bad byte, or a character split across a step, at every position.
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'a');
    text[at] = '\xFF';
    EXPECT_EQ(first_invalid_utf8(text), at) << at;
    std::string truncated = std::string(at, 'a') + "\xE2\x82";
    EXPECT_EQ(first_invalid_utf8(truncated), at) << at;
    std::string valid = std::string(at, 'a') + "\xE2\x82\xAC" + std::string(9, 'b');
    EXPECT_EQ(first_invalid_utf8(valid), valid.size()) << at;
  }
}

}  // namespace
}  // namespace hie::workspace
