#include "report/report_paths.h"

#include <cctype>

namespace hie::report {
namespace {

namespace fs = std::filesystem;

// `path` relative to `base` when it lies inside it (no leading ".."), else nullopt-like empty.
std::string inside(const fs::path& path, const fs::path& base) {
  fs::path relative = path.lexically_normal().lexically_relative(base.lexically_normal());
  if (relative.empty()) return {};
  auto first = relative.begin();
  if (first != relative.end() && *first == "..") return {};
  return relative.generic_string();
}

}  // namespace

std::string ReportPaths::spec_from_root(std::string_view shown) const {
  if (root.empty()) return std::string(shown);
  fs::path path(shown);
  fs::path absolute = path.is_absolute() ? path : cwd / path;
  std::string relative = inside(absolute, root);
  return relative.empty() ? absolute.lexically_normal().generic_string() : relative;
}

std::string ReportPaths::evidence_from_cwd(std::string_view relative) const {
  if (root.empty() || root.lexically_normal() == cwd.lexically_normal()) return std::string(relative);
  fs::path absolute = root / fs::path(relative);
  std::string from_cwd = inside(absolute, cwd);
  return from_cwd.empty() ? absolute.lexically_normal().generic_string() : from_cwd;
}

std::string uri_encode_path(std::string_view path) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0xf];
    }
  }
  return out;
}

}  // namespace hie::report
