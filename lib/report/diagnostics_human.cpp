#include "report/diagnostics_human.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hie::report {
namespace {

using syntax::Severity;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::uint32_t kTabWidth = 4;                     // as in the indentation rules (LANGUAGE.md §1)

std::string_view severity_style(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;36m";
    case Severity::Hint: return "\x1b[1;32m";
  }
  return kBold;
}

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view text, std::string_view style) const {
    if (!on_ || text.empty()) return std::string(text);
    std::string out;
    out.reserve(style.size() + text.size() + kReset.size());
    out.append(style).append(text).append(kReset);
    return out;
  }

 private:
  bool on_;
};

// The length in bytes of the well-formed UTF-8 sequence starting at `pos`, or 0 when the byte there does not
// start one (overlong forms, surrogates and values above U+10FFFF are ill-formed, as in the lexer's E020).
std::size_t utf8_length_at(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

// A source line as displayed, with the display column (0-based) at which each byte of the original starts.
struct DisplayLine {
  std::string text;
  std::vector<std::uint32_t> column_at_byte;  // size = line size + 1; the last entry is the end column
};

DisplayLine display_line(std::string_view line) {
  DisplayLine display;
  display.column_at_byte.assign(line.size() + 1, 0);
  std::uint32_t column = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t length = utf8_length_at(line, pos);
    unsigned char c = static_cast<unsigned char>(line[pos]);
    std::uint32_t width = 1;
    if (c == '\t') {
      display.text.append(kTabWidth, ' ');
      width = kTabWidth;
    } else if (length == 0 || (length == 1 && is_control(c))) {
      display.text.append(kReplacement);
      length = 1;
    } else {
      display.text.append(line.substr(pos, length));
    }
    for (std::size_t i = 0; i < length; ++i) display.column_at_byte[pos + i] = column;
    column += width;
    pos += length;
  }
  display.column_at_byte[line.size()] = column;
  return display;
}

// The byte index within `line` of 1-based code-point column `column` (SourceFile's counting: every byte that is
// not a UTF-8 continuation byte starts a column). Used when a span's offsets do not fit its line.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::uint32_t current = 1;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (current == column) return i;
    ++current;
  }
  return line.size();
}

// Byte index within the line for a position on that line; prefers the exact byte offset, falls back to the column.
std::size_t byte_in_line(const syntax::Position& position, std::uint32_t line_start, std::string_view line) {
  // A position may sit on the line terminator ("\r\n"), just past the displayed text.
  if (position.offset >= line_start && position.offset <= line_start + line.size() + 2) {
    return std::min<std::size_t>(position.offset - line_start, line.size());
  }
  return byte_of_column(line, position.column);
}

std::size_t digit_count(std::uint32_t value) {
  std::size_t digits = 1;
  while (value >= 10) {
    value /= 10;
    ++digits;
  }
  return digits;
}

// The gutter, source line and caret lines; empty when the source line is unavailable.
std::string render_snippet(const syntax::Diagnostic& diagnostic, const syntax::SourceFile& source,
                           const std::string& pad, const Painter& paint) {
  const syntax::Span& span = diagnostic.span;
  if (span.start.line == 0 || span.start.line > source.line_count()) return {};
  std::string_view line = source.line_text(span.start.line);
  auto line_start = static_cast<std::uint32_t>(line.data() - source.text().data());

  std::size_t start = byte_in_line(span.start, line_start, line);
  std::size_t end = line.size();  // a span that continues on later lines is underlined to the end of this one
  if (span.end.line == span.start.line) end = byte_in_line(span.end, line_start, line);
  end = std::max(end, start);

  DisplayLine display = display_line(line);
  std::uint32_t caret_begin = display.column_at_byte[start];
  std::uint32_t caret_count = std::max<std::uint32_t>(1, display.column_at_byte[end] - caret_begin);

  std::string bar = paint("|", kBlue);
  std::string out;
  out += pad + " " + bar + "\n";
  std::string number = std::to_string(span.start.line);
  out += paint(number, kBlue) + " " + bar;
  if (!display.text.empty()) out += " " + display.text;
  out += "\n";
  out += pad + " " + bar + " " + std::string(caret_begin, ' ') +
         paint(std::string(caret_count, '^'), severity_style(diagnostic.severity)) + "\n";
  return out;
}

}  // namespace

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = utf8_length_at(text, pos);
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (length == 0 || (length == 1 && is_control(c) && c != '\n')) {
      out.append(kReplacement);
      pos += 1;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

SourceLookup lookup_sources(std::span<const syntax::SourceFile> files) {
  return [files](std::string_view path) -> const syntax::SourceFile* {
    for (const auto& file : files) {
      if (file.path() == path) return &file;
    }
    return nullptr;
  };
}

std::string render_human(const syntax::Diagnostic& diagnostic, const SourceLookup& sources,
                         const HumanOptions& options) {
  Painter paint(options.color);
  std::string_view style = severity_style(diagnostic.severity);

  std::string label = syntax::severity_name(diagnostic.severity);
  if (!diagnostic.code.empty()) label += "[" + diagnostic.code + "]";
  std::string out = paint(label, style) + paint(": " + printable_text(diagnostic.message), kBold) + "\n";

  const syntax::Position& start = diagnostic.span.start;
  std::string pad(digit_count(start.line), ' ');
  if (!diagnostic.file.empty()) {
    out += pad + paint("-->", kBlue) + " " + printable_text(diagnostic.file);
    if (start.line > 0) out += ":" + std::to_string(start.line) + ":" + std::to_string(start.column);
    out += "\n";
    const syntax::SourceFile* source = sources ? sources(diagnostic.file) : nullptr;
    if (source != nullptr) out += render_snippet(diagnostic, *source, pad, paint);
  }

  if (diagnostic.help) {
    // Continuation lines of a multi-line help align with the text after "= help: ".
    std::string continuation = "\n" + pad + std::string(9, ' ');
    std::string help = printable_text(*diagnostic.help);
    std::string indented;
    for (char c : help) {
      if (c == '\n') {
        indented += continuation;
      } else {
        indented += c;
      }
    }
    out += pad + " " + paint("=", kBlue) + " " + paint("help", kBold) + ": " + indented + "\n";
  }
  out += "\n";
  return out;
}

std::string render_human(const syntax::DiagnosticList& diagnostics, const SourceLookup& sources,
                         const HumanOptions& options) {
  std::string out;
  for (const auto& diagnostic : diagnostics.items()) out += render_human(diagnostic, sources, options);
  return out;
}

}  // namespace hie::report
