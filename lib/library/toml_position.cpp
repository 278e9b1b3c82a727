#include "library/toml_position.h"

#include <cctype>
#include <vector>

namespace hie::library {
namespace {

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// " 12 | text" -> 12 and the index of '|'; nullopt for other lines.
bool numbered_line(std::string_view line, std::uint32_t* number, std::size_t* bar) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  const std::size_t digits = i;
  std::uint32_t value = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) {
    value = value * 10 + static_cast<std::uint32_t>(line[i] - '0');
    ++i;
  }
  if (i == digits || line.substr(i, 2) != " |") return false;
  *number = value;
  *bar = i + 1;
  return true;
}

}  // namespace

TomlText::TomlText(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

syntax::Span TomlText::span(std::uint32_t line, std::uint32_t byte_column, std::uint32_t length) const {
  if (line == 0) line = 1;
  if (line > line_starts_.size()) line = static_cast<std::uint32_t>(line_starts_.size());
  if (byte_column == 0) byte_column = 1;
  const std::uint32_t line_start = line_starts_[line - 1];
  std::uint32_t line_end =
      line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
  if (line_end > line_start && text_[line_end - 1] == '\r') --line_end;
  const std::uint32_t start = std::min(line_start + byte_column - 1, line_end);
  const std::uint32_t end = std::min(start + std::max<std::uint32_t>(length, 1), line_end);
  const std::string_view view(text_);
  syntax::Span result;
  result.start = {line, count_code_points(view.substr(line_start, start - line_start)) + 1, start};
  result.end = {line, count_code_points(view.substr(line_start, end - line_start)) + 1, end};
  return result;
}

syntax::Span TomlText::span_of(const toml::value& value) const {
  const toml::source_location location = value.location();
  return span(static_cast<std::uint32_t>(location.line()), static_cast<std::uint32_t>(location.column()),
              static_cast<std::uint32_t>(location.region()));
}

syntax::Span TomlText::key_span(const toml::value& value, std::string_view key) const {
  const toml::source_location location = value.location();
  const std::string line = location.line_str();
  if (location.column() >= 1 && !key.empty()) {
    const std::size_t found = line.rfind(key, location.column() - 1);
    if (found != std::string::npos && found + key.size() < location.column()) {
      return span(static_cast<std::uint32_t>(location.line()), static_cast<std::uint32_t>(found + 1),
                  static_cast<std::uint32_t>(key.size()));
    }
  }
  return span_of(value);
}

TomlSyntaxProblem describe_syntax_error(const toml::exception& error) {
  TomlSyntaxProblem problem;
  problem.line = static_cast<std::uint32_t>(error.location().line());
  problem.byte_column = static_cast<std::uint32_t>(error.location().column());

  const auto lines = split_lines(error.what());
  std::string_view first = lines.empty() ? std::string_view() : lines.front();
  if (first.starts_with("[error] ")) first.remove_prefix(8);
  // Drop the name of the toml11 function that failed ("toml::parse_key_value_pair: ").
  const std::size_t colon = first.find(": ");
  if (colon != std::string_view::npos && first.substr(0, colon).find(' ') == std::string_view::npos) {
    first.remove_prefix(colon + 2);
  }
  while (!first.empty() && (first.back() == '.' || first.back() == ' ')) first.remove_suffix(1);

  // The report quotes source lines (" 2 | jobs = ") with a caret line under them ("   |        ^--- note"). Prefer
  // the caret on the line toml11 reports as the error's location.
  const std::uint32_t reported_line = problem.line;
  std::string note;
  bool found = false;
  std::uint32_t current_line = 0;
  std::size_t bar = 0;
  for (std::string_view line : lines) {
    std::uint32_t number = 0;
    std::size_t number_bar = 0;
    if (numbered_line(line, &number, &number_bar)) {
      current_line = number;
      bar = number_bar;
      continue;
    }
    if (current_line == 0 || line.size() <= bar + 1 || line[bar] != '|') continue;
    const std::size_t caret = line.find('^', bar);
    if (caret == std::string_view::npos || line.find_first_not_of(' ', bar + 1) != caret) continue;
    const bool preferred = current_line == reported_line;
    if (found && !preferred) continue;
    std::string_view text = line.substr(caret + 1);
    while (!text.empty() && (text.front() == '-' || text.front() == ' ')) text.remove_prefix(1);
    note = std::string(text);
    problem.line = current_line;
    problem.byte_column = static_cast<std::uint32_t>(caret - (bar + 2) + 1);
    found = true;
    if (preferred) break;
  }
  problem.message = std::string(first);
  if (!note.empty() && note != "here") problem.message += ": " + note;
  if (problem.message.empty()) problem.message = "invalid TOML";
  return problem;
}

std::vector<std::pair<std::string, const toml::value*>> entries_in_file_order(const toml::value& table) {
  std::vector<std::pair<std::string, const toml::value*>> entries;
  for (const auto& [key, value] : table.as_table()) entries.emplace_back(key, &value);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto la = a.second->location();
    const auto lb = b.second->location();
    if (la.line() != lb.line()) return la.line() < lb.line();
    if (la.column() != lb.column()) return la.column() < lb.column();
    return a.first < b.first;
  });
  return entries;
}

const char* toml_type_name(const toml::value& value) {
  switch (value.type()) {
    case toml::value_t::boolean: return "a boolean";
    case toml::value_t::integer: return "an integer";
    case toml::value_t::floating: return "a float";
    case toml::value_t::string: return "a string";
    case toml::value_t::offset_datetime:
    case toml::value_t::local_datetime:
    case toml::value_t::local_date:
    case toml::value_t::local_time: return "a date or time";
    case toml::value_t::array: return "an array";
    case toml::value_t::table: return "a table";
    case toml::value_t::empty: return "nothing";
  }
  return "a value";
}

}  // namespace hie::library
