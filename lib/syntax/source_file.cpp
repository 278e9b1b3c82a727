#include "syntax/source_file.h"

#include <algorithm>

#include "syntax/utf8.h"

namespace hie::syntax {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  // Only "\n" ends a line ("\r\n" ends with it too); a lone "\r" is not a line break (the lexer reports it).
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

Position SourceFile::position_at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::uint32_t line_index = static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
  // The column counts the characters that start before `offset`: a valid UTF-8 sequence is one character,
  // every byte that is not part of one is a character of its own (so columns never stall on bad bytes).
  std::size_t i = line_starts_[line_index];
  if (line_index == 0) i = std::min<std::size_t>(byte_order_mark_length(text_), offset);
  std::uint32_t column = 1;
  while (i < offset) {
    const DecodedChar decoded = decode_utf8(text_, i);
    i += decoded.length == 0 ? 1 : decoded.length;
    ++column;
  }
  return Position{line_index + 1, column, offset};
}

Span SourceFile::span_of(std::uint32_t begin, std::uint32_t end) const {
  return Span{position_at(begin), position_at(end)};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  // Line 1 is shown without a leading byte-order mark, matching its columns.
  if (line == 1) begin = static_cast<std::uint32_t>(std::min<std::size_t>(byte_order_mark_length(text_), end));
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\n') view.remove_suffix(1);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace hie::syntax
