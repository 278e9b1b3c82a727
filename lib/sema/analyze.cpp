// analyze(): the passes of sema in order, and the deduplicated diagnostics they report.
#include "sema/analyze.h"

#include <algorithm>
#include <map>

#include "sema/analyzer.h"

namespace hie::sema {
namespace detail {

void Analyzer::report(syntax::Severity severity, std::string code, std::string message, int file, syntax::Span span,
                      std::optional<std::string> help) {
  // Pattern expressions are resolved once per implementing element: report each distinct problem once.
  auto key = std::make_tuple(code, file, span.start.offset, span.end.offset, message);
  if (!reported_.insert(key).second) return;
  syntax::Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = file >= 0 ? file_path(file) : std::string();
  d.span = span;
  d.help = std::move(help);
  diagnostics_.add(std::move(d));
}

void Analyzer::run(const std::vector<std::string>& roots, const FileReader& read) {
  std::size_t first = diagnostics_.items().size();
  load(roots, read);
  resolve_library_imports();
  build_symbols();
  resolve_implements();
  validate_calls();
  create_instances();
  bind_instances();
  resolve_values();
  resolve_checks_and_uses();
  resolve_requirements();
  resolve_languages();
  check_language_names();
  detect_cycles();
  check_needed_bindings();

  // Order: files in load order, then position; report order among equals.
  std::map<std::string, std::size_t> file_rank;
  for (std::size_t i = 0; i < model_.files.size(); ++i) file_rank.emplace(model_.files[i].path, i);
  auto rank = [&](const syntax::Diagnostic& d) {
    auto it = file_rank.find(d.file);
    return it == file_rank.end() ? static_cast<std::size_t>(-1) : it->second;
  };
  auto& items = diagnostics_.items();
  std::stable_sort(items.begin() + static_cast<std::ptrdiff_t>(first), items.end(),
                   [&](const syntax::Diagnostic& a, const syntax::Diagnostic& b) {
                     std::size_t ra = rank(a);
                     std::size_t rb = rank(b);
                     if (ra != rb) return ra < rb;
                     return a.span.start.offset < b.span.start.offset;
                   });
}

}  // namespace detail

Model analyze(const std::vector<std::string>& roots, const FileReader& read, LibraryCatalog& catalog,
              syntax::DiagnosticList& diagnostics) {
  Model model;
  detail::Analyzer analyzer(model, catalog, diagnostics);
  analyzer.run(roots, read);
  return model;
}

}  // namespace hie::sema
