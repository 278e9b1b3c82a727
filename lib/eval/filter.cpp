#include "eval/filter.h"

#include <vector>

namespace hie::eval {
namespace {

// Iterative wildcard matching with backtracking to the last '*' (linear in practice).
bool glob_matches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool filter_matches(std::string_view filter, std::string_view path) {
  if (filter.empty()) return true;
  if (filter.find_first_of("*?") == std::string_view::npos) return path.find(filter) != std::string_view::npos;
  return glob_matches(filter, path);
}

}  // namespace hie::eval
