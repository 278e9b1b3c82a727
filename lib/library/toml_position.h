// Turning toml11's positions and exception texts into spans and messages for diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "syntax/span.h"

namespace hie::library {

// Byte offsets of the first byte of each line of a TOML text, to turn toml11's (line, byte column) positions into
// spans with code-point columns and byte offsets.
class TomlText {
 public:
  explicit TomlText(std::string text);

  const std::string& text() const { return text_; }
  // The span starting at 1-based `line` and 1-based byte column `byte_column`, `length` bytes long (clamped to the
  // line).
  syntax::Span span(std::uint32_t line, std::uint32_t byte_column, std::uint32_t length) const;
  // The span of a parsed value (toml11 records where each value was written).
  syntax::Span span_of(const toml::value& value) const;
  // The span of `key` when it is written on the line of `value`, before it (`key = value`); else span_of(value)
  // (toml11 does not record where keys are).
  syntax::Span key_span(const toml::value& value, std::string_view key) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// A toml11 syntax error, reduced to one line for users and the position its report points at.
struct TomlSyntaxProblem {
  std::string message;
  std::uint32_t line = 1;
  std::uint32_t byte_column = 1;
};

TomlSyntaxProblem describe_syntax_error(const toml::exception& error);

// "a string", "an integer", … for messages.
const char* toml_type_name(const toml::value& value);

// The entries of a table in the order they were written (toml11 keeps tables in hash maps), so that diagnostics
// come out in file order.
std::vector<std::pair<std::string, const toml::value*>> entries_in_file_order(const toml::value& table);

}  // namespace hie::library
