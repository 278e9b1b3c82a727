// Searching file contents line by line with a std::regex, safe against the recursion depth of long lines.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hie::stdlib::files {

// Lines longer than this are not searched (and are reported): libstdc++'s regex matcher recurses once per character,
// so a very long line (minified code) needs a stack proportional to its length.
inline constexpr std::size_t kMaxSearchedLineBytes = 256 * 1024;

// Calls `visit(line_number, line_text)` for each line of `text` (1-based; "\n" or "\r\n" terminated; the terminator
// is not part of the line). A final line without terminator counts; an empty text has no lines.
void for_each_line(std::string_view text, const std::function<void(std::uint32_t, std::string_view)>& visit);

// The number of lines of `text` as for_each_line counts them.
std::uint32_t count_lines(std::string_view text);

struct LineMatch {
  std::uint32_t line = 0;  // 1-based
  std::string_view text;   // the line, a view into the searched text
};

struct LineSearchResult {
  std::vector<LineMatch> matching_lines;      // ascending
  std::vector<std::uint32_t> too_long_lines;  // lines longer than kMaxSearchedLineBytes, not searched
  std::string failure;                        // non-empty when the search itself could not run
};

// A compiled ECMAScript regular expression for line searches. <regex> is confined to line_search.cpp: GCC 12 warns
// falsely (-Wmaybe-uninitialized) inside it when optimizing with sanitizers, so only that file silences the warning.
class LineRegex {
 public:
  // nullopt when `pattern` is not a valid ECMAScript regular expression; `error` then says why.
  static std::optional<LineRegex> compile(const std::string& pattern, std::string* error);

  // The lines of `text` in which the expression finds a match (searched line by line, so `^` and `$` are the line's
  // start and end). With `first_only`, stops at the first matching line. Lines longer than a kilobyte are searched
  // on a helper thread whose stack is sized for them.
  LineSearchResult search(std::string_view text, bool first_only) const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace hie::stdlib::files
