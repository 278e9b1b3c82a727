#include "workspace/ignore_rules.h"

#include <fmt/format.h>

namespace hie::workspace {

IgnoreFile IgnoreFile::parse(std::string base, std::string_view text, std::string_view source,
                             std::vector<std::string>* problems) {
  IgnoreFile file;
  file.base_ = std::move(base);
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    // Trailing spaces are dropped unless escaped with a backslash ("foo\ " keeps one space).
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    Rule rule{GlobPattern{}, false, false};
    std::string_view pattern = line;
    if (!pattern.empty() && pattern.front() == '!') {
      rule.negated = true;
      pattern.remove_prefix(1);
    }
    if (!pattern.empty() && pattern.back() == '/') {
      rule.directory_only = true;
      while (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
    }
    if (pattern.empty()) continue;
    // A slash at the start or in the middle anchors the pattern to the ignore file's directory; otherwise it
    // matches a name at any depth below it.
    std::string glob_text;
    if (pattern.find('/') != std::string_view::npos) {
      while (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
      glob_text = std::string(pattern);
    } else {
      glob_text = "**/" + std::string(pattern);
    }
    std::string error;
    auto glob = GlobPattern::compile(glob_text, &error, GlobSyntax::Gitignore);
    if (!glob) {
      if (problems) {
        problems->push_back(fmt::format("{}:{}: ignoring invalid pattern '{}': {}", source, line_number, line, error));
      }
      continue;
    }
    rule.glob = std::move(*glob);
    file.rules_.push_back(std::move(rule));
  }
  return file;
}

IgnoreFile::Verdict IgnoreFile::match(std::string_view path, bool is_directory) const {
  std::string_view relative = path;
  if (!base_.empty()) {
    if (path.size() <= base_.size() || path.compare(0, base_.size(), base_) != 0 || path[base_.size()] != '/') {
      return Verdict::None;
    }
    relative = path.substr(base_.size() + 1);
  }
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    if (rule->directory_only && !is_directory) continue;
    if (rule->glob.matches(relative)) return rule->negated ? Verdict::Include : Verdict::Ignore;
  }
  return Verdict::None;
}

bool is_ignored(const std::vector<const IgnoreFile*>& files, std::string_view path, bool is_directory) {
  for (auto file = files.rbegin(); file != files.rend(); ++file) {
    switch ((*file)->match(path, is_directory)) {
      case IgnoreFile::Verdict::Ignore: return true;
      case IgnoreFile::Verdict::Include: return false;
      case IgnoreFile::Verdict::None: break;
    }
  }
  return false;
}

}  // namespace hie::workspace
