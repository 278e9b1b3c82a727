// String literals: '...' and "...", possibly spanning lines, with the escapes of LANGUAGE.md §1.
//
// Decisions where the spec is silent:
// - An unterminated string (E022 at its opening quote) ends at the end of its opening line, so the rest of the
//   file is lexed as code again instead of disappearing into the string.
// - A string with an invalid escape (E021) is still a String token; the escape is kept verbatim in `value`.
// - "\r\n" inside a multi-line string is "\n" in `value`, so values do not depend on the file's line endings.
// - Bytes that are not UTF-8 inside a string are E020 and U+FFFD in `value` (`text` stays the raw slice).
#include <cstdint>

#include "syntax/lexer_internal.h"
#include "syntax/utf8.h"

namespace hie::syntax::lexer_detail {
namespace {

constexpr const char* kEscapeHelp =
    "the escapes are \\n \\t \\r \\\\ \\' \\\" \\0 and \\u{XXXX}; write \\\\ for a backslash";
constexpr const char* kUnicodeEscapeHelp =
    "write \\u{XXXX} with 1 to 6 hex digits naming a Unicode scalar value (at most 10FFFF, not D800-DFFF)";
// Longest escape text quoted in a message (`\u{000...}` can be arbitrarily long).
constexpr std::size_t kMaxEscapeShown = 16;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void Lexer::lex_string() {
  const std::size_t open = pos_;
  const Position start = positions_.at(open);
  std::string value;
  if (const std::size_t close = find_closing_quote(open); close != std::string_view::npos) {
    unescape(open + 1, close, value);
    pos_ = close + 1;
  } else {
    error("E022", "unterminated string", Span{start, positions_.at(open + 1)},
          std::string("add the closing ") + text_[open] + " (strings may span lines)");
    pos_ = line_end(open);
    unescape(open + 1, pos_, value);
  }
  Token& token = emit(TokenKind::String, open, pos_, start);
  token.value = std::move(value);
}

// The first quote equal to the opening one that no backslash escapes (a backslash escapes the next byte).
// If a scan from `open` fails, a later scan for the same quote fails too: the later opening quote was either
// unescaped in the failed scan (impossible, that scan would have stopped there) or escaped, and then both
// scans continue identically from the next byte. So it is done at most once per quote kind, keeping the
// lexer linear on files full of stray quotes.
std::size_t Lexer::find_closing_quote(std::size_t open) {
  const char quote = text_[open];
  std::size_t& unclosed_from = quote == '\'' ? unclosed_single_from_ : unclosed_double_from_;
  if (open >= unclosed_from) return std::string_view::npos;
  for (std::size_t i = open + 1; i < text_.size(); ++i) {
    if (text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      return i;
    }
  }
  unclosed_from = open;
  return std::string_view::npos;
}

void Lexer::unescape(std::size_t begin, std::size_t end, std::string& value) {
  value.reserve(end - begin);
  std::size_t i = begin;
  while (i < end) {
    const char c = text_[i];
    if (c == '\\') {
      i = unescape_one(i, end, value);
    } else if (c == '\r' && i + 1 < end && text_[i + 1] == '\n') {
      value.push_back('\n');
      i += 2;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      value.push_back(c);
      ++i;
    } else if (const DecodedChar decoded = decode_utf8(text_, i); decoded.length != 0) {
      value.append(text_.substr(i, decoded.length));
      i += decoded.length;
    } else {
      const std::size_t run_begin = i;
      while (i < end && decode_utf8(text_, i).length == 0) {
        append_utf8(value, kReplacementCharacter);
        ++i;
      }
      report_invalid_utf8(run_begin, i);
    }
  }
}

// Returns the offset after the escape. `end` bounds the string body (the closing quote or, for an unterminated
// string, the end of its line).
std::size_t Lexer::unescape_one(std::size_t backslash, std::size_t end, std::string& value) {
  const std::size_t i = backslash + 1;
  // A backslash at the end of the body only happens in an unterminated string (a closing quote is never
  // escaped); E022 already says what is wrong.
  if (i >= end) {
    value.push_back('\\');
    return i;
  }
  switch (text_[i]) {
    case 'n': value.push_back('\n'); return i + 1;
    case 't': value.push_back('\t'); return i + 1;
    case 'r': value.push_back('\r'); return i + 1;
    case '\\': value.push_back('\\'); return i + 1;
    case '\'': value.push_back('\''); return i + 1;
    case '"': value.push_back('"'); return i + 1;
    case '0': value.push_back('\0'); return i + 1;
    case 'u': return unescape_unicode(backslash, end, value);
    default: break;
  }
  if (text_[i] == '\n' || (text_[i] == '\r' && i + 1 < end && text_[i + 1] == '\n')) {
    // Keep the line break itself as string content.
    invalid_escape(backslash, i, "invalid escape sequence '\\' at the end of a line", kEscapeHelp, value);
    return i;
  }
  const DecodedChar decoded = decode_utf8(text_, i);
  if (decoded.length == 0) {
    // The byte after the backslash is not UTF-8: E020 (reported by the caller) is the one diagnostic.
    value.push_back('\\');
    return i;
  }
  std::string shown = quote_character(decoded.code_point);
  std::string message = shown.front() == '\'' ? "invalid escape sequence '\\" + shown.substr(1)
                                              : "invalid escape sequence '\\' followed by " + shown;
  invalid_escape(backslash, i + decoded.length, std::move(message), kEscapeHelp, value);
  return i + decoded.length;
}

// `\u{X}` to `\u{XXXXXX}`: 1-6 hex digits naming a Unicode scalar value.
std::size_t Lexer::unescape_unicode(std::size_t backslash, std::size_t end, std::string& value) {
  std::size_t i = backslash + 2;  // after "\u"
  if (i < end && text_[i] == '{') {
    ++i;
    std::size_t digits = 0;
    char32_t code_point = 0;
    for (; i < end && hex_value(text_[i]) >= 0; ++i, ++digits) {
      if (digits < 7) code_point = code_point * 16 + static_cast<char32_t>(hex_value(text_[i]));
    }
    if (i < end && text_[i] == '}') {
      ++i;
      if (digits >= 1 && digits <= 6 && is_scalar_value(code_point)) {
        append_utf8(value, code_point);
        return i;
      }
    }
  }
  std::string_view written = text_.substr(backslash, i - backslash);
  std::string shown(written.substr(0, kMaxEscapeShown));
  if (written.size() > kMaxEscapeShown) shown += "...";
  invalid_escape(backslash, i, "invalid escape sequence '" + shown + "'", kUnicodeEscapeHelp, value);
  return i;
}

void Lexer::invalid_escape(std::size_t backslash, std::size_t end, std::string message, const char* help,
                           std::string& value) {
  error("E021", std::move(message), backslash, end, help);
  value.append(text_.substr(backslash, end - backslash));
}

}  // namespace hie::syntax::lexer_detail
