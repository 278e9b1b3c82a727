// Loading spec files: roots in order, then file imports (`import 'x.hie'`) depth first, each file once.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sema/analyzer.h"
#include "syntax/parser.h"

namespace hie::sema {

FileReader filesystem_reader() {
  return [](const std::string& path, std::string& error) -> std::optional<std::string> {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = "is a directory";
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error = std::filesystem::exists(path, ec) ? "cannot be opened" : "No such file or directory";
      return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
      error = "read error";
      return std::nullopt;
    }
    return text.str();
  };
}

namespace detail {
namespace {

// The key under which a file is loaded once: its lexically normalized path.
std::string file_key(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

std::string join_import(const std::string& importer, const std::string& imported) {
  std::filesystem::path target(imported);
  if (target.is_absolute()) return target.lexically_normal().generic_string();
  std::filesystem::path joined = std::filesystem::path(importer).parent_path() / target;
  return joined.lexically_normal().generic_string();
}

// Imports are loaded recursively; a chain this deep is certainly a loop through symbolic links.
constexpr std::size_t kMaxImportDepth = 64;

class Loader {
 public:
  Loader(Analyzer& analyzer, const FileReader& read) : a_(analyzer), read_(read) {}

  // Loads `path` (and its imports); returns its index, or -1 when it could not be loaded.
  int load(const std::string& path, int importer, syntax::Span import_span) {
    std::string key = file_key(path);
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      if (stack_[i].first != key) continue;
      std::string chain;
      for (std::size_t j = i; j < stack_.size(); ++j) chain += a_.model_.files[stack_[j].second].path + " -> ";
      chain += path;
      a_.error("E060", "import cycle: " + chain, importer, import_span,
               std::string("a spec file cannot import itself, directly or through other files; move the shared "
                           "patterns into a file that both import"));
      return -1;
    }
    if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
    if (stack_.size() >= kMaxImportDepth) {
      a_.error("E060", "import chain deeper than " + std::to_string(kMaxImportDepth) + " files at '" + path + "'",
               importer, import_span,
               std::string("a chain of imports this long usually comes from a symbolic link that loops"));
      return -1;
    }

    std::string why;
    std::optional<std::string> text = read_(path, why);
    if (!text) {
      if (importer < 0) {
        a_.diagnostics_.error("E062", "cannot read spec file '" + path + "': " + why, path, syntax::Span{});
      } else {
        a_.error("E062", "cannot read imported spec file '" + path + "': " + why, importer, import_span,
                 std::string("imports are relative to the importing file's directory"));
      }
      loaded_.emplace(key, -1);
      return -1;
    }
    int index = static_cast<int>(a_.model_.files.size());
    SpecFile file;
    file.path = path;
    file.source = std::make_unique<syntax::SourceFile>(path, std::move(*text));
    file.ast = std::make_unique<syntax::File>(syntax::parse(*file.source, a_.diagnostics_));
    a_.model_.files.push_back(std::move(file));
    loaded_.emplace(key, index);

    stack_.emplace_back(key, static_cast<std::size_t>(index));
    // Copy what we need: loading more files may reallocate model_.files (the AST itself stays put).
    const syntax::File* ast = a_.model_.files[static_cast<std::size_t>(index)].ast.get();
    for (const auto& import : ast->imports) {
      if (!import.path_is_string) continue;
      int target = load(join_import(path, import.string_path), index, import.string_span);
      a_.file_imports_.emplace_back(index, &import, target);
      if (target >= 0) a_.model_.files[static_cast<std::size_t>(index)].imports.files.push_back(target);
    }
    stack_.pop_back();
    return index;
  }

 private:
  Analyzer& a_;
  const FileReader& read_;
  std::map<std::string, int> loaded_;
  std::vector<std::pair<std::string, std::size_t>> stack_;
};

}  // namespace

void Analyzer::load(const std::vector<std::string>& roots, const FileReader& read) {
  Loader loader(*this, read);
  for (const auto& root : roots) loader.load(root, -1, syntax::Span{});
}

}  // namespace detail
}  // namespace hie::sema
