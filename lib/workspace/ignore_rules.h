// .gitignore rules: patterns, `!` negation, directory-only `/`, anchored patterns; deeper files take precedence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workspace/glob.h"

namespace hie::workspace {

// The rules of one ignore file (a `.gitignore`, or `.git/info/exclude`), relative to the directory they apply to.
class IgnoreFile {
 public:
  enum class Verdict { None, Ignore, Include };

  // Parses ignore-file text whose patterns are relative to `base` (workspace-relative directory, "" = the root).
  // `source` names the file in problem messages. Lines that are not valid patterns are skipped, and each is
  // described in `problems` ("src/.gitignore:3: ignoring invalid pattern '[ab': unclosed '[' ...").
  static IgnoreFile parse(std::string base, std::string_view text, std::string_view source,
                          std::vector<std::string>* problems);

  // The verdict of the last rule that matches `path` (workspace-relative, below base()), or None.
  Verdict match(std::string_view path, bool is_directory) const;

  const std::string& base() const { return base_; }
  std::size_t size() const { return rules_.size(); }

 private:
  struct Rule {
    GlobPattern glob;
    bool negated = false;
    bool directory_only = false;
  };
  std::string base_;
  std::vector<Rule> rules_;
};

// Whether `path` is ignored by `files` (ordered outermost first, as met while walking down): the innermost file
// with a matching rule decides, as in git.
bool is_ignored(const std::vector<const IgnoreFile*>& files, std::string_view path, bool is_directory);

}  // namespace hie::workspace
