#include "stdlib/rust/rust_manifest.h"

#include <sstream>
#include <toml.hpp>

namespace hie::stdlib::rust {
namespace {

std::string string_at(const toml::value& table, const char* key) {
  if (!table.is_table() || !table.contains(key)) return "";
  const toml::value& value = table.at(key);
  return value.is_string() ? value.as_string().str : "";
}

}  // namespace

std::optional<Manifest> parse_manifest(const std::string& text, const std::string& shown, std::string* error) {
  try {
    std::istringstream stream(text);
    const toml::value root = toml::parse(stream, shown);
    Manifest manifest;
    if (root.contains("package")) manifest.package = string_at(root.at("package"), "name");
    if (root.contains("lib")) {
      manifest.lib_name = string_at(root.at("lib"), "name");
      manifest.lib_path = string_at(root.at("lib"), "path");
    }
    if (root.contains("bin") && root.at("bin").is_array()) {
      for (const auto& bin : root.at("bin").as_array()) {
        const std::string path = string_at(bin, "path");
        if (!path.empty()) manifest.bins.emplace_back(string_at(bin, "name"), path);
      }
    }
    return manifest;
  } catch (const std::exception& e) {
    // toml11's message spans several lines with a source excerpt: the first line says what is wrong.
    std::string message = e.what();
    const auto newline = message.find('\n');
    if (newline != std::string::npos) message = message.substr(0, newline);
    if (error) *error = "invalid Cargo.toml: " + message;
    return std::nullopt;
  }
}

}  // namespace hie::stdlib::rust
