// The lexer's position tracker: SourceFile::position_at's rules, walked forward incrementally.
#include <algorithm>

#include "syntax/lexer_internal.h"
#include "syntax/utf8.h"

namespace hie::syntax::lexer_detail {

PositionTracker::PositionTracker(const SourceFile& source) : source_(source), text_(source.text()) {
  // A leading byte-order mark takes no column.
  current_ = Position{1, 1, static_cast<std::uint32_t>(byte_order_mark_length(text_))};
}

Position PositionTracker::at(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < current_.offset) return source_.position_at(static_cast<std::uint32_t>(offset));
  while (current_.offset < offset) {
    if (text_[current_.offset] == '\n') {
      ++current_.line;
      current_.column = 1;
      ++current_.offset;
    } else {
      const DecodedChar decoded = decode_utf8(text_, current_.offset);
      current_.offset += decoded.length == 0 ? 1 : decoded.length;
      ++current_.column;
    }
  }
  // Past `offset` only when it points inside a character, which the column already counts (as in position_at).
  return Position{current_.line, current_.column, static_cast<std::uint32_t>(offset)};
}

}  // namespace hie::syntax::lexer_detail
