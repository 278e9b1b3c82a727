// SourceFile: line table, code-point columns (also across invalid UTF-8 and a byte-order mark), line texts.
#include "syntax/source_file.h"

#include <gtest/gtest.h>

namespace hie::syntax {
namespace {

TEST(SourceFileTest, PathAndTextAreKept) {
  SourceFile source("specs/a.hie", "element a\n");
  EXPECT_EQ(source.path(), "specs/a.hie");
  EXPECT_EQ(source.text(), "element a\n");
}

TEST(SourceFileTest, EmptyFileHasOneLine) {
  SourceFile source("a.hie", "");
  EXPECT_EQ(source.line_count(), 1u);
  EXPECT_EQ(source.position_at(0), (Position{1, 1, 0}));
  EXPECT_EQ(source.line_text(1), "");
}

TEST(SourceFileTest, LinesAndColumns) {
  SourceFile source("a.hie", "ab\ncd\n\nef");
  EXPECT_EQ(source.line_count(), 4u);
  EXPECT_EQ(source.position_at(0), (Position{1, 1, 0}));
  EXPECT_EQ(source.position_at(1), (Position{1, 2, 1}));
  EXPECT_EQ(source.position_at(2), (Position{1, 3, 2}));  // the '\n' itself
  EXPECT_EQ(source.position_at(3), (Position{2, 1, 3}));
  EXPECT_EQ(source.position_at(6), (Position{3, 1, 6}));
  EXPECT_EQ(source.position_at(8), (Position{4, 2, 8}));
  EXPECT_EQ(source.position_at(9), (Position{4, 3, 9}));  // end of file
}

TEST(SourceFileTest, OffsetsPastTheEndAreClamped) {
  SourceFile source("a.hie", "ab\n");
  EXPECT_EQ(source.position_at(100), (Position{2, 1, 3}));
}

TEST(SourceFileTest, ColumnsCountCodePoints) {
  SourceFile source("a.hie", "é日😀x");  // 2 + 3 + 4 bytes, then x at offset 9
  EXPECT_EQ(source.position_at(2), (Position{1, 2, 2}));
  EXPECT_EQ(source.position_at(5), (Position{1, 3, 5}));
  EXPECT_EQ(source.position_at(9), (Position{1, 4, 9}));
  EXPECT_EQ(source.position_at(10), (Position{1, 5, 10}));
}

TEST(SourceFileTest, OffsetInsideACharacterCountsThatCharacter) {
  SourceFile source("a.hie", "日x");
  EXPECT_EQ(source.position_at(1).column, 2u);
  EXPECT_EQ(source.position_at(2).column, 2u);
  EXPECT_EQ(source.position_at(3).column, 2u);
}

TEST(SourceFileTest, EveryInvalidByteIsOneColumn) {
  // Stray continuation bytes used to count as no column at all, so a token after them shifted left.
  SourceFile source("a.hie", "\x80\x80\x80x\xE2\x82y");
  EXPECT_EQ(source.position_at(3), (Position{1, 4, 3}));
  EXPECT_EQ(source.position_at(4), (Position{1, 5, 4}));
  EXPECT_EQ(source.position_at(6), (Position{1, 7, 6}));  // truncated E2 82: two bad bytes, two columns
}

TEST(SourceFileTest, CrLfLines) {
  SourceFile source("a.hie", "ab\r\ncd\r\n");
  EXPECT_EQ(source.line_count(), 3u);
  EXPECT_EQ(source.line_text(1), "ab");
  EXPECT_EQ(source.line_text(2), "cd");
  EXPECT_EQ(source.line_text(3), "");
  EXPECT_EQ(source.position_at(2), (Position{1, 3, 2}));
  EXPECT_EQ(source.position_at(4), (Position{2, 1, 4}));
}

TEST(SourceFileTest, LoneCarriageReturnIsNotALineBreak) {
  SourceFile source("a.hie", "a\rb\n");
  EXPECT_EQ(source.line_count(), 2u);
  EXPECT_EQ(source.position_at(2), (Position{1, 3, 2}));
  EXPECT_EQ(source.line_text(1), "a\rb");
}

TEST(SourceFileTest, LineTextOutOfRangeIsEmpty) {
  SourceFile source("a.hie", "a\nb");
  EXPECT_EQ(source.line_text(0), "");
  EXPECT_EQ(source.line_text(2), "b");
  EXPECT_EQ(source.line_text(3), "");
}

TEST(SourceFileTest, ByteOrderMarkTakesNoColumnAndIsNotShown) {
  SourceFile source("a.hie",
                    "\xEF\xBB\xBF"
                    "ab\ncd");
  EXPECT_EQ(source.position_at(0), (Position{1, 1, 0}));
  EXPECT_EQ(source.position_at(3), (Position{1, 1, 3}));
  EXPECT_EQ(source.position_at(4), (Position{1, 2, 4}));
  EXPECT_EQ(source.line_text(1), "ab");
  EXPECT_EQ(source.line_text(2), "cd");
}

TEST(SourceFileTest, OnlyALeadingByteOrderMarkIsSpecial) {
  SourceFile source("a.hie",
                    "a\n\xEF\xBB\xBF"
                    "b");
  EXPECT_EQ(source.position_at(5), (Position{2, 2, 5}));
  EXPECT_EQ(source.line_text(2),
            "\xEF\xBB\xBF"
            "b");
  SourceFile truncated("a.hie", "\xEF\xBB");
  EXPECT_EQ(truncated.position_at(2), (Position{1, 3, 2}));
  EXPECT_EQ(truncated.line_text(1), "\xEF\xBB");
}

TEST(SourceFileTest, SpanOf) {
  SourceFile source("a.hie", "ab\ncd");
  EXPECT_EQ(source.span_of(1, 4), (Span{Position{1, 2, 1}, Position{2, 2, 4}}));
}

}  // namespace
}  // namespace hie::syntax
