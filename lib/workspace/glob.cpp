#include "workspace/glob.h"

#include <fmt/format.h>

namespace hie::workspace {
namespace {

// Invalid UTF-8 bytes decode to values above U+10FFFF, so each only ever equals itself.
constexpr char32_t kInvalidByteBase = 0x110000;

// Decodes the code point at `pos`; `length` receives its byte length (1 for an invalid byte).
char32_t decode(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t extra = 0;
  char32_t cp = 0;
  if (lead < 0x80) {
    *length = 1;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    *length = 1;
    return kInvalidByteBase + lead;
  }
  if (pos + extra >= text.size()) {
    *length = 1;
    return kInvalidByteBase + lead;
  }
  for (std::size_t i = 1; i <= extra; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if ((byte & 0xC0) != 0x80) {
      *length = 1;
      return kInvalidByteBase + lead;
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  *length = extra + 1;
  return cp;
}

std::size_t code_point_length(std::string_view text, std::size_t pos) {
  std::size_t length = 1;
  decode(text, pos, &length);
  return length;
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::optional<GlobPattern> GlobPattern::compile(std::string_view pattern, std::string* error, GlobSyntax syntax) {
  const bool strict = syntax == GlobSyntax::Workspace;
  auto fail = [&](std::string message) -> std::optional<GlobPattern> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  if (strict && !pattern.empty() && pattern.front() == '/') {
    return fail("a glob is relative to the workspace root; remove the leading '/'");
  }

  GlobPattern glob;
  glob.text_ = std::string(pattern);
  std::size_t start = 0;
  while (start <= pattern.size()) {
    std::size_t end = pattern.find('/', start);
    if (end == std::string_view::npos) end = pattern.size();
    const std::string_view raw = pattern.substr(start, end - start);
    start = end + 1;
    if (raw.empty() || raw == ".") continue;
    if (raw == "..") {
      if (strict) return fail("'..' would leave the workspace");
    }
    if (raw == "**") {
      if (glob.segments_.empty() || !glob.segments_.back().globstar) {
        Segment segment;
        segment.globstar = true;
        segment.literal = false;
        glob.segments_.push_back(std::move(segment));
      }
      continue;
    }

    Segment segment;
    std::size_t pos = 0;
    auto add_literal = [&](std::size_t at) {
      std::size_t length = 1;
      decode(raw, at, &length);
      segment.tokens.push_back({Token::Kind::Literal, static_cast<std::uint32_t>(glob.literals_.size()),
                                static_cast<std::uint32_t>(length)});
      glob.literals_.append(raw.substr(at, length));
      segment.text.append(raw.substr(at, length));
      return length;
    };
    while (pos < raw.size()) {
      const char c = raw[pos];
      if (c == '\\') {
        if (pos + 1 >= raw.size()) return fail("a '\\' at the end of a segment escapes nothing");
        pos += 1 + add_literal(pos + 1);
      } else if (c == '*') {
        std::size_t stars = 0;
        while (pos < raw.size() && raw[pos] == '*') {
          ++stars;
          ++pos;
        }
        if (stars > 1 && strict) {
          return fail("'**' must be a whole path segment, as in 'src/**/*.rs' (use '*' within a name)");
        }
        if (segment.tokens.empty() || segment.tokens.back().kind != Token::Kind::Star) {
          segment.tokens.push_back({Token::Kind::Star, 0, 0});
        }
        segment.literal = false;
      } else if (c == '?') {
        segment.tokens.push_back({Token::Kind::Any, 0, 0});
        segment.literal = false;
        ++pos;
      } else if (c == '[') {
        CharClass char_class;
        std::size_t p = pos + 1;
        if (p < raw.size() && (raw[p] == '!' || raw[p] == '^')) {
          char_class.negated = true;
          ++p;
        }
        bool closed = false;
        bool first = true;
        while (p < raw.size()) {
          if (raw[p] == ']' && !first) {
            closed = true;
            ++p;
            break;
          }
          first = false;
          if (raw[p] == '\\') {
            if (p + 1 >= raw.size()) break;
            ++p;
          }
          const std::size_t item_start = p;
          std::size_t length = 1;
          const char32_t low = decode(raw, p, &length);
          p += length;
          char32_t high = low;
          if (p + 1 < raw.size() && raw[p] == '-' && raw[p + 1] != ']') {
            ++p;
            if (raw[p] == '\\') {
              if (p + 1 >= raw.size()) break;
              ++p;
            }
            high = decode(raw, p, &length);
            p += length;
            if (high < low) {
              return fail(fmt::format("the range '{}' in '[...]' is reversed", raw.substr(item_start, p - item_start)));
            }
          }
          char_class.ranges.emplace_back(low, high);
        }
        if (!closed) return fail("unclosed '[' (write '[[]' to match a literal '[')");
        segment.tokens.push_back({Token::Kind::Class, static_cast<std::uint32_t>(glob.classes_.size()), 0});
        glob.classes_.push_back(std::move(char_class));
        segment.literal = false;
        pos = p;
      } else {
        pos += add_literal(pos);
      }
    }
    glob.segments_.push_back(std::move(segment));
  }
  if (glob.segments_.empty()) return fail("the pattern is empty");

  for (std::size_t i = 0; i + 1 < glob.segments_.size() && glob.segments_[i].literal; ++i) {
    if (!glob.literal_prefix_.empty()) glob.literal_prefix_ += '/';
    glob.literal_prefix_ += glob.segments_[i].text;
  }
  return glob;
}

bool GlobPattern::matches(std::string_view path) const {
  const auto parts = split_path(path);
  if (parts.empty()) return false;
  return match_segments(parts, 0, 0, segments_.size());
}

bool GlobPattern::matches_everything_under(std::string_view dir) const {
  if (segments_.empty() || !segments_.back().globstar) return false;
  // Everything below `dir` matches when the part before the trailing `**` matches `dir` or one of its ancestors.
  auto parts = split_path(dir);
  while (true) {
    if (match_segments(parts, 0, 0, segments_.size() - 1)) return true;
    if (parts.empty()) return false;
    parts.pop_back();
  }
}

bool GlobPattern::match_segments(const std::vector<std::string_view>& parts, std::size_t part, std::size_t segment,
                                 std::size_t segment_end) const {
  while (segment < segment_end) {
    const Segment& current = segments_[segment];
    if (current.globstar) {
      if (segment + 1 == segments_.size()) return parts.size() > part;  // a trailing `**` needs one segment
      for (std::size_t next = part; next <= parts.size(); ++next) {
        if (match_segments(parts, next, segment + 1, segment_end)) return true;
      }
      return false;
    }
    if (part >= parts.size() || !match_segment(current, parts[part])) return false;
    ++part;
    ++segment;
  }
  return part == parts.size();
}

bool GlobPattern::token_matches(const Token& token, std::string_view part, std::size_t pos, std::size_t* length) const {
  switch (token.kind) {
    case Token::Kind::Literal:
      *length = token.length;
      return part.compare(pos, token.length, std::string_view(literals_).substr(token.index, token.length)) == 0;
    case Token::Kind::Any: decode(part, pos, length); return true;
    case Token::Kind::Class: {
      const char32_t cp = decode(part, pos, length);
      const CharClass& char_class = classes_[token.index];
      bool in = false;
      for (const auto& [low, high] : char_class.ranges) {
        if (cp >= low && cp <= high) {
          in = true;
          break;
        }
      }
      return in != char_class.negated;
    }
    case Token::Kind::Star: break;
  }
  return false;
}

// Classic wildcard matching with one backtracking point: on a mismatch, the last `*` takes one more code point.
bool GlobPattern::match_segment(const Segment& segment, std::string_view part) const {
  if (segment.literal) return part == segment.text;
  const auto& tokens = segment.tokens;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t token = 0;
  std::size_t pos = 0;
  std::size_t star_token = kNone;
  std::size_t star_pos = 0;
  while (pos < part.size()) {
    if (token < tokens.size()) {
      if (tokens[token].kind == Token::Kind::Star) {
        star_token = token++;
        star_pos = pos;
        continue;
      }
      std::size_t length = 0;
      if (token_matches(tokens[token], part, pos, &length)) {
        pos += length;
        ++token;
        continue;
      }
    }
    if (star_token == kNone) return false;
    star_pos += code_point_length(part, star_pos);
    pos = star_pos;
    token = star_token + 1;
  }
  while (token < tokens.size() && tokens[token].kind == Token::Kind::Star) ++token;
  return token == tokens.size();
}

std::optional<std::string> glob_error(std::string_view pattern) {
  std::string error;
  if (GlobPattern::compile(pattern, &error)) return std::nullopt;
  return error;
}

}  // namespace hie::workspace
