#include "plugin/wasm/capability_report.h"

#include <algorithm>

namespace hie::plugin::wasm {

std::optional<std::string> missing_capabilities_warning(const library::LibraryEntry& entry,
                                                        const std::vector<std::string>& requested) {
  library::LibraryCapabilities wanted = entry.capabilities;
  std::vector<std::string> missing;
  std::vector<std::string> unknown;
  for (const std::string& name : requested) {
    if (name == "fs.read") {
      if (wanted.fs != library::LibraryCapabilities::Fs::Read) missing.push_back(name);
      wanted.fs = library::LibraryCapabilities::Fs::Read;
    } else if (name == "env" || name == "env_access") {
      if (!wanted.env_access) missing.push_back(name);
      wanted.env_access = true;
    } else if (name == "clock") {
      if (!wanted.clock) missing.push_back(name);
      wanted.clock = true;
    } else if (name == "random") {
      if (!wanted.random) missing.push_back(name);
      wanted.random = true;
    } else if (name.rfind("library:", 0) == 0 || name.rfind("libraries.", 0) == 0) {
      std::string lib = name.substr(name.find_first_of(":.") + 1);
      if (std::find(wanted.libraries.begin(), wanted.libraries.end(), lib) == wanted.libraries.end()) {
        missing.push_back(name);
        wanted.libraries.push_back(lib);
        std::sort(wanted.libraries.begin(), wanted.libraries.end());
      }
    } else {
      unknown.push_back(name);
    }
  }
  if (missing.empty() && unknown.empty()) return std::nullopt;
  auto join = [](const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  };
  std::string message;
  if (!missing.empty()) {
    std::vector<std::string> parts;
    if (wanted.fs == library::LibraryCapabilities::Fs::Read) parts.push_back("fs = \"read\"");
    if (!wanted.workspace_only) parts.push_back("workspace_only = false");
    if (wanted.env_access) parts.push_back("env_access = true");
    if (wanted.clock) parts.push_back("clock = true");
    if (wanted.random) parts.push_back("random = true");
    if (!wanted.libraries.empty()) {
      std::string libs;
      for (const auto& lib : wanted.libraries) libs += (libs.empty() ? "\"" : ", \"") + lib + "\"";
      parts.push_back("libraries = [" + libs + "]");
    }
    message += "requests capabilities that hielements.toml does not grant (" + join(missing) +
               "); they are denied. To grant them, put under [libraries." + entry.name + "]: capabilities = { " +
               join(parts) + " }";
  }
  if (!unknown.empty()) {
    message += std::string(missing.empty() ? "" : "; ") + "requests unknown capabilities (" + join(unknown) +
               "; known: fs.read, env, clock, random, library:NAME)";
  }
  return message;
}

}  // namespace hie::plugin::wasm
