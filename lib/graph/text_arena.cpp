#include "graph/text_arena.h"

#include <algorithm>
#include <cstring>

namespace hie::graph {

TextRef TextArena::keep(std::string_view text) {
  if (text.empty()) return {};
  char* at = allocate(text.size());
  std::memcpy(at, text.data(), text.size());
  return TextRef::of(std::string_view(at, text.size()));
}

char* TextArena::allocate(std::size_t size) {
  std::lock_guard lock(mutex_);
  if (capacity_ - used_ < size || chunks_.empty()) {
    // A block larger than a chunk gets a chunk of its own size; the rest of the last chunk is left unused.
    capacity_ = std::max(kChunk, size);
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* at = chunks_.back().get() + used_;
  used_ += size;
  return at;
}

}  // namespace hie::graph
