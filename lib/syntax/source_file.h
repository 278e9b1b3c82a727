// A spec file's text in memory, with the line table used to turn byte offsets into positions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/span.h"

namespace hie::syntax {

class SourceFile {
 public:
  // `path` is how the file is named in diagnostics (as given by the user, or workspace-relative).
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Position of a byte offset (offset may equal text().size()). Columns count code points;
  // invalid UTF-8 bytes count as one column each; a leading byte-order mark takes no column.
  Position position_at(std::uint32_t offset) const;
  Span span_of(std::uint32_t begin, std::uint32_t end) const;

  // The text of 1-based line `line`, without its line terminator ("\n" or "\r\n") and, for line 1,
  // without a leading byte-order mark.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  // byte offset of the first byte of each line
};

}  // namespace hie::syntax
