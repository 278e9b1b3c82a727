// Positions and spans in a source file: 1-based line and code-point column, plus byte offset.
#pragma once

#include <cstdint>

namespace hie::syntax {

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, counted in Unicode code points
  std::uint32_t offset = 0;  // 0-based byte offset into the file

  friend bool operator==(const Position&, const Position&) = default;
};

// Half-open: `end` is the position just after the last character.
struct Span {
  Position start;
  Position end;

  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace hie::syntax
