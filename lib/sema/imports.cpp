// Library imports per file: `import x`, `import x as y`, `from x import f, g` (W001 for unknown libraries).
#include "sema/analyzer.h"
#include "sema/did_you_mean.h"

namespace hie::sema::detail {
namespace {

std::string dotted(const std::vector<syntax::Identifier>& path) {
  std::string out;
  for (const auto& id : path) {
    if (!out.empty()) out += '.';
    out += id.name;
  }
  return out;
}

syntax::Span path_span(const std::vector<syntax::Identifier>& path, syntax::Span fallback) {
  if (path.empty()) return fallback;
  return {path.front().span.start, path.back().span.end};
}

}  // namespace

void Analyzer::resolve_library_imports() {
  for (std::size_t f = 0; f < model_.files.size(); ++f) {
    int file = static_cast<int>(f);
    SpecFile& spec = model_.files[f];
    std::set<std::string> unknown_reported;
    auto known = [&](const std::string& lib, syntax::Span span) {
      if (catalog_.exists(lib)) return true;
      if (unknown_reported.insert(lib).second) {
        auto names = catalog_.names();
        std::optional<std::string> help = did_you_mean_help(lib, names);
        if (!help) {
          help = "no built-in library or configured plugin is named '" + lib +
                 "'; configure plugins in hielements.toml [libraries]";
        }
        warning("W001", "unknown library '" + lib + "': checks that use it will fail at run time", file, span,
                help);
      }
      return false;
    };

    for (const auto& import : spec.ast->imports) {
      if (import.path_is_string) continue;  // file imports: loader.cpp
      std::string lib = dotted(import.path);
      if (lib.empty()) continue;
      syntax::Span lib_span = path_span(import.path, import.span);
      bool exists = known(lib, lib_span);

      if (!import.is_from) {
        std::string visible = import.alias ? import.alias->name : lib;
        syntax::Span visible_span = import.alias ? import.alias->span : lib_span;
        auto [it, inserted] = spec.imports.libraries.emplace(visible, lib);
        if (!inserted && it->second != lib) {
          error("E051", "'" + visible + "' is imported twice, as '" + it->second + "' and as '" + lib + "'", file,
                visible_span);
        }
        continue;
      }

      std::string why_not;
      const library::LibraryDoc* doc = exists ? catalog_.describe(lib, why_not) : nullptr;
      for (const auto& name : import.names) {
        auto [it, inserted] = spec.imports.functions.emplace(name.name, FromImport{lib, name.span});
        if (!inserted && it->second.library != lib) {
          error("E051", "'" + name.name + "' is imported twice, from '" + it->second.library + "' and from '" +
                            lib + "'", file, name.span);
          continue;
        }
        if (doc == nullptr) continue;
        bool found = false;
        std::vector<std::string> names;
        for (const auto& fn : doc->functions) {
          if (fn.name == name.name) found = true;
          names.push_back(fn.name);
        }
        if (!found) {
          error("E055", "library '" + lib + "' has no function '" + name.name + "'", file, name.span,
                did_you_mean_help(name.name, names));
        }
      }
    }
  }
}

}  // namespace hie::sema::detail
