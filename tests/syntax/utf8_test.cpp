// UTF-8 decoding (every class of invalid sequence), encoding, scalar values and the byte-order mark.
#include "syntax/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace hie::syntax {
namespace {

DecodedChar decode(std::string_view text) { return decode_utf8(text, 0); }

TEST(Utf8Test, DecodesValidSequencesOfEveryLength) {
  EXPECT_EQ(decode("a").code_point, U'a');
  EXPECT_EQ(decode("a").length, 1u);
  EXPECT_EQ(decode(std::string_view("\0", 1)).length, 1u);
  EXPECT_EQ(decode("\xC2\x80").code_point, 0x80u);
  EXPECT_EQ(decode("é").length, 2u);
  EXPECT_EQ(decode("\xE0\xA0\x80").code_point, 0x800u);
  EXPECT_EQ(decode("日").code_point, 0x65E5u);
  EXPECT_EQ(decode("\xED\x9F\xBF").code_point, 0xD7FFu);  // just below the surrogates
  EXPECT_EQ(decode("\xEF\xBF\xBF").code_point, 0xFFFFu);
  EXPECT_EQ(decode("\xF0\x90\x80\x80").code_point, 0x10000u);
  EXPECT_EQ(decode("😀").length, 4u);
  EXPECT_EQ(decode("\xF4\x8F\xBF\xBF").code_point, 0x10FFFFu);
}

TEST(Utf8Test, DecodesAtAnOffset) {
  const std::string text = "a日b";
  EXPECT_EQ(decode_utf8(text, 1).code_point, 0x65E5u);
  EXPECT_EQ(decode_utf8(text, 2).length, 0u);  // a continuation byte does not start a character
  EXPECT_EQ(decode_utf8(text, 4).code_point, U'b');
}

TEST(Utf8Test, RejectsEveryInvalidForm) {
  const char* invalid[] = {
      "\x80",              // stray continuation byte
      "\xBF",              // stray continuation byte
      "\xC0\x80",          // overlong (C0)
      "\xC1\xBF",          // overlong (C1)
      "\xE0\x9F\xBF",      // overlong three-byte
      "\xF0\x8F\xBF\xBF",  // overlong four-byte
      "\xED\xA0\x80",      // surrogate D800
      "\xED\xBF\xBF",      // surrogate DFFF
      "\xF4\x90\x80\x80",  // 110000
      "\xF5\x80\x80\x80",  // lead byte above F4
      "\xFF",              // never valid
      "\xC3",              // truncated at the end
      "\xE2\x82",          // truncated at the end
      "\xF0\x9F\x98",      // truncated at the end
      "\xC3x",             // continuation missing
      "\xE2\x82x",         // continuation missing
      "\xF0\x9F\x98x",     // continuation missing
  };
  for (const char* bytes : invalid) {
    EXPECT_EQ(decode(bytes).length, 0u) << bytes;
  }
}

TEST(Utf8Test, ScalarValues) {
  EXPECT_TRUE(is_scalar_value(0));
  EXPECT_TRUE(is_scalar_value(0xD7FF));
  EXPECT_FALSE(is_scalar_value(0xD800));
  EXPECT_FALSE(is_scalar_value(0xDFFF));
  EXPECT_TRUE(is_scalar_value(0xE000));
  EXPECT_TRUE(is_scalar_value(0x10FFFF));
  EXPECT_FALSE(is_scalar_value(0x110000));
}

TEST(Utf8Test, EncodesAndRoundTrips) {
  for (char32_t code_point : {U'\0', U'a', char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                              char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
    std::string out;
    append_utf8(out, code_point);
    const DecodedChar decoded = decode(out);
    EXPECT_EQ(decoded.code_point, code_point);
    EXPECT_EQ(decoded.length, out.size());
  }
}

TEST(Utf8Test, EncodingANonScalarGivesTheReplacementCharacter) {
  std::string out;
  append_utf8(out, 0xD800);
  append_utf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Test, ByteOrderMark) {
  EXPECT_EQ(byte_order_mark_length("\xEF\xBB\xBF"
                                   "a"),
            3u);
  EXPECT_EQ(byte_order_mark_length("\xEF\xBB\xBF"), 3u);
  EXPECT_EQ(byte_order_mark_length("\xEF\xBB"), 0u);
  EXPECT_EQ(byte_order_mark_length("a\xEF\xBB\xBF"), 0u);
  EXPECT_EQ(byte_order_mark_length(""), 0u);
}

}  // namespace
}  // namespace hie::syntax
