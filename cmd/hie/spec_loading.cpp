#include "spec_loading.h"

#include "report/diagnostics_human.h"
#include "sema/analyze.h"
#include "sema/library_catalog.h"

namespace hie::cli {

LoadedSpecs load_specs(const std::vector<std::string>& roots, library::LibraryRegistry& registry,
                       const workspace::Workspace& workspace) {
  LoadedSpecs loaded;
  sema::FileReader disk = sema::filesystem_reader();
  sema::FileReader keeping = [&](const std::string& path, std::string& error) -> std::optional<std::string> {
    std::optional<std::string> text = disk(path, error);
    if (text) loaded.sources.emplace_back(path, *text);
    return text;
  };
  library::CallContext context{workspace, &registry};
  sema::RegistryCatalog catalog(registry, context);
  loaded.model = sema::analyze(roots, keeping, catalog, loaded.diagnostics);
  return loaded;
}

std::string render_diagnostics(const syntax::DiagnosticList& diagnostics,
                               const std::vector<syntax::SourceFile>& sources, const GlobalOptions& globals,
                               bool color) {
  syntax::DiagnosticList shown;
  for (const auto& diagnostic : diagnostics.items()) {
    if (!globals.quiet || diagnostic.severity == syntax::Severity::Error) shown.add(diagnostic);
  }
  return report::render_human(shown, report::lookup_sources(sources), report::HumanOptions{color});
}

}  // namespace hie::cli
