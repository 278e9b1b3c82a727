// What the module tree needs from a Cargo.toml: the package name and the library and binary targets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hie::stdlib::rust {

struct Manifest {
  std::string package;   // [package] name ("" for a virtual workspace manifest)
  std::string lib_name;  // [lib] name
  std::string lib_path;  // [lib] path, relative to the manifest's folder
  std::vector<std::pair<std::string, std::string>> bins;  // [[bin]] (name, path) with a path
};

// Parses a Cargo.toml; nullopt with `*error` set when it is not valid TOML. `shown` names the file in errors.
std::optional<Manifest> parse_manifest(const std::string& text, const std::string& shown, std::string* error);

}  // namespace hie::stdlib::rust
