// Append-only storage for text that dependency edges refer to (graph::TextRef): one allocation per large chunk
// instead of one per string, and nothing moves once kept.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "graph/text_ref.h"

namespace hie::graph {

class TextArena {
 public:
  // A copy of `text` that lives as long as the arena. Thread-safe.
  TextRef keep(std::string_view text);
  // `size` bytes that live as long as the arena, for the caller to fill (one lock for many texts). Thread-safe.
  char* allocate(std::size_t size);

 private:
  static constexpr std::size_t kChunk = 256 * 1024;

  std::mutex mutex_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;      // bytes used of the last chunk
  std::size_t capacity_ = 0;  // size of the last chunk
};

}  // namespace hie::graph
