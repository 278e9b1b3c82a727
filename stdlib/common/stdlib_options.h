// What every language library and `arch` need from the session: the workspace, the fact cache, the thread count
// and the per-language settings of hielements.toml.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/fact_cache.h"
#include "workspace/workspace.h"

namespace hie::stdlib::common {

// `[<language>]` of hielements.toml.
struct LanguageSettings {
  std::vector<std::string> roots;    // `[python] roots`: extra source roots, workspace-relative, normalized
  bool ignore_type_only = false;     // `type_only_imports = "ignore"`: type-only edges are dropped
};

struct StdlibOptions {
  const workspace::Workspace* workspace = nullptr;  // required; outlives every index built from these options
  graph::FactCache* cache = nullptr;                // required; a disabled cache under --no-cache
  unsigned jobs = 1;                                // threads for extraction and resolution (>= 1)
  std::map<std::string, LanguageSettings, std::less<>> languages;  // by language name; absent = defaults

  const LanguageSettings& settings(std::string_view language) const {
    static const LanguageSettings defaults;
    auto found = languages.find(language);
    return found == languages.end() ? defaults : found->second;
  }
};

}  // namespace hie::stdlib::common
