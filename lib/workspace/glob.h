// Glob patterns over workspace-relative paths: `*`, `?`, `[..]`, `[!..]`, `**` segments, `\` escapes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hie::workspace {

// Workspace: the patterns users write in specs and in `[workspace] exclude`; `**` must be a whole path segment and
// patterns may not leave the workspace. Gitignore: the lenient dialect of .gitignore lines, where `**` inside a
// segment behaves like `*` and nothing is rejected except unclosed brackets and a trailing backslash.
enum class GlobSyntax { Workspace, Gitignore };

// A compiled pattern. Matching is on '/'-separated, normalized, workspace-relative paths, segment by segment:
// `*` and `?` never cross a '/', `**` as a segment matches zero or more segments (one or more when it is the last
// segment, so `build/**` matches what is inside `build` but not `build` itself, as in git). `*` matches a leading
// dot, `?` and classes match one code point, matching is case-sensitive.
class GlobPattern {
 public:
  // Compiles `pattern`; on failure returns nullopt and, when `error` is given, stores a message for users that
  // says what is wrong ("unclosed '[' ...").
  static std::optional<GlobPattern> compile(std::string_view pattern, std::string* error = nullptr,
                                            GlobSyntax syntax = GlobSyntax::Workspace);

  bool matches(std::string_view path) const;
  // True when every path strictly below directory `dir` matches (the pattern ends in `**` and the rest matches
  // `dir`): lets a walk skip a whole directory for `build/**`.
  bool matches_everything_under(std::string_view dir) const;

  // The pattern as written.
  const std::string& text() const { return text_; }
  // The directory every match lies in, from the leading segments without wildcards ("src/gen" for
  // "src/gen/**/*.rs", "" for "**/*.rs"): callers restrict their candidates to files below it.
  const std::string& literal_prefix() const { return literal_prefix_; }

 private:
  struct Token {
    enum class Kind : std::uint8_t { Literal, Any, Star, Class };
    Kind kind = Kind::Literal;
    std::uint32_t index = 0;   // Literal: byte offset into literals_; Class: index into classes_
    std::uint32_t length = 0;  // Literal: byte length (one code point)
  };
  struct CharClass {
    bool negated = false;
    std::vector<std::pair<char32_t, char32_t>> ranges;
  };
  struct Segment {
    bool globstar = false;  // the segment is exactly `**`
    bool literal = true;    // no wildcard: compare `text` directly
    std::string text;       // the unescaped literal when `literal`
    std::vector<Token> tokens;
  };

  bool match_segments(const std::vector<std::string_view>& parts, std::size_t part, std::size_t segment,
                      std::size_t segment_end) const;
  bool match_segment(const Segment& segment, std::string_view part) const;
  bool token_matches(const Token& token, std::string_view part, std::size_t pos, std::size_t* length) const;

  std::string text_;
  std::string literal_prefix_;
  std::string literals_;
  std::vector<CharClass> classes_;
  std::vector<Segment> segments_;
};

// Validates a workspace glob: the error message, or nullopt when `pattern` compiles.
std::optional<std::string> glob_error(std::string_view pattern);

// Splits a normalized path into its segments ("" gives none).
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace hie::workspace
