// The files checks on contents: contains_text, no_text, max_lines. Files that cannot be read, are not UTF-8 or have
// lines too long to search are reported, never skipped silently: they turn a pass into an error and are named in a
// failure's message.
#include <fmt/format.h>

#include "library/value_format.h"
#include "stdlib/files/common.h"
#include "stdlib/files/functions.h"
#include "stdlib/files/line_search.h"

namespace hie::stdlib::files {
namespace {

constexpr std::size_t kListedProblems = 5;
// A failure message names at most this many offending lines; the evidence lists every one.
constexpr std::size_t kListedLines = 100;
constexpr std::size_t kEvidenceTextBytes = 120;

struct Problems {
  std::vector<std::string> items;  // "'bin/logo.png' (not UTF-8)"

  void add(const std::string& path, std::string_view reason) {
    items.push_back(fmt::format("'{}' ({})", path, reason));
  }
  bool empty() const { return items.empty(); }
  // "could not search 2 files: 'a' (not UTF-8), 'b' (Permission denied)"
  std::string text(std::string_view what) const {
    return fmt::format("{} {}: {}", what, count_of(items.size(), "file", "files"),
                       join_limited(items, kListedProblems));
  }
};

// The text of a readable UTF-8 file, or nullptr after recording why there is none.
const std::string* text_of(const std::string& path, const std::shared_ptr<const workspace::FileContent>& content,
                           Problems& problems) {
  if (!content->error.empty()) {
    problems.add(path, content->error);
    return nullptr;
  }
  if (!content->valid_utf8) {
    problems.add(path, "not UTF-8");
    return nullptr;
  }
  return &content->bytes;
}

void add_search_problems(const std::string& path, const LineSearchResult& result, Problems& problems) {
  if (!result.failure.empty()) problems.add(path, result.failure);
  for (std::uint32_t line : result.too_long_lines) {
    problems.add(path,
                 fmt::format("line {} is longer than {} bytes and was not searched", line, kMaxSearchedLineBytes));
  }
}

Result<LineRegex> compile_regex(const std::string& pattern) {
  std::string error;
  if (auto regex = LineRegex::compile(pattern, &error)) return std::move(*regex);
  return LibraryError{kInvalidRegex, fmt::format("Invalid regular expression '{}': {}", pattern, error)};
}

// The line, trimmed and cut to a readable length (at a code point boundary), for evidence.
std::string evidence_text(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  line = line.substr(first, line.find_last_not_of(" \t") - first + 1);
  if (line.size() <= kEvidenceTextBytes) return std::string(line);
  std::size_t cut = kEvidenceTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + "...";
}

}  // namespace

// Passes when some line of some selected file matches the regular expression.
Result<CheckOutcome> contains_text_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::string& pattern = args[1].as_string();
  auto regex = compile_regex(pattern);
  if (!regex) return regex.error();
  Problems problems;
  for (const std::string& path : scope.paths) {
    const auto content = workspace.read(path);
    const std::string* text = text_of(path, content, problems);
    if (!text) continue;
    const LineSearchResult result = regex.value().search(*text, true);
    if (!result.matching_lines.empty()) return CheckOutcome::pass();
    add_search_problems(path, result, problems);
  }
  if (!problems.empty()) {
    return CheckOutcome::error(
        kUnreadable, fmt::format("No text matching '{}' found, but {}", pattern, problems.text("could not search")));
  }
  if (scope.paths.empty()) {
    return CheckOutcome::fail(
        fmt::format("No text matching '{}' found: scope {} selects no files", pattern, library::describe_scope(scope)));
  }
  return CheckOutcome::fail(
      fmt::format("No text matching '{}' found in {}", pattern, count_of(scope.paths.size(), "file", "files")));
}

// Fails naming every file:line where the regular expression matches.
Result<CheckOutcome> no_text_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::string& pattern = args[1].as_string();
  auto regex = compile_regex(pattern);
  if (!regex) return regex.error();
  Problems problems;
  std::vector<std::string> places;
  std::vector<library::Evidence> evidence;
  for (const std::string& path : scope.paths) {
    const auto content = workspace.read(path);
    const std::string* text = text_of(path, content, problems);
    if (!text) continue;
    const LineSearchResult result = regex.value().search(*text, false);
    add_search_problems(path, result, problems);
    for (const LineMatch& match : result.matching_lines) {
      places.push_back(fmt::format("{}:{}", path, match.line));
      evidence.push_back({path, match.line, evidence_text(match.text)});
    }
  }
  if (!places.empty()) {
    std::string message = fmt::format("Text matching '{}' found in {}: {}", pattern,
                                      count_of(places.size(), "line", "lines"), join_limited(places, kListedLines));
    if (!problems.empty()) message += "; " + problems.text("could not search");
    return CheckOutcome::fail(std::move(message), std::move(evidence));
  }
  if (!problems.empty()) return CheckOutcome::error(kUnreadable, problems.text("could not search"));
  return CheckOutcome::pass();
}

// Fails naming every selected file with more than `n` lines.
Result<CheckOutcome> max_lines_check(std::span<const Value> args, const Workspace& workspace) {
  const ScopeData& scope = args[0].as_scope();
  const std::int64_t limit = args[1].as_int();
  if (limit < 0) {
    return LibraryError{
        kWrongArguments,
        fmt::format("max_lines requires a number of lines, 0 or more, as second argument, not {}", limit)};
  }
  Problems problems;
  std::vector<std::string> offenders;
  std::vector<library::Evidence> evidence;
  for (const std::string& path : scope.paths) {
    const auto content = workspace.read(path);
    const std::string* text = text_of(path, content, problems);
    if (!text) continue;
    const std::uint32_t lines = count_lines(*text);
    if (lines > static_cast<std::uint64_t>(limit)) {
      offenders.push_back(fmt::format("{} ({} lines)", path, lines));
      evidence.push_back({path, 0, fmt::format("{} lines", lines)});
    }
  }
  if (!offenders.empty()) {
    std::string message = fmt::format("{} more than {} lines: {}", count_of(offenders.size(), "file has", "files have"),
                                      limit, join_limited(offenders, kListedLines));
    if (!problems.empty()) message += "; " + problems.text("could not count the lines of");
    return CheckOutcome::fail(std::move(message), std::move(evidence));
  }
  if (!problems.empty()) return CheckOutcome::error(kUnreadable, problems.text("could not count the lines of"));
  return CheckOutcome::pass();
}

}  // namespace hie::stdlib::files
