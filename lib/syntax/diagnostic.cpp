#include "syntax/diagnostic.h"

#include <algorithm>

namespace hie::syntax {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Hint: return "hint";
  }
  return "error";
}

void DiagnosticList::error(std::string code, std::string message, std::string file, Span span,
                           std::optional<std::string> help) {
  items_.push_back({Severity::Error, std::move(code), std::move(message), std::move(file), span, std::move(help)});
}

void DiagnosticList::warning(std::string code, std::string message, std::string file, Span span,
                             std::optional<std::string> help) {
  items_.push_back({Severity::Warning, std::move(code), std::move(message), std::move(file), span, std::move(help)});
}

void DiagnosticList::append(const DiagnosticList& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t DiagnosticList::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t DiagnosticList::warning_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

void DiagnosticList::sort_by_position() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.span.start.offset < b.span.start.offset;
  });
}

}  // namespace hie::syntax
