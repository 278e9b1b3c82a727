// Diagnostics: what `hie` tells a user about their input, with a code, a severity and a source span.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "syntax/span.h"

namespace hie::syntax {

enum class Severity { Error, Warning, Info, Hint };

const char* severity_name(Severity severity);  // "error", "warning", "info", "hint"

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // "E008", "W001", ...
  std::string message;  // user terms, no internal enum names
  std::string file;     // as shown to the user
  Span span;
  std::optional<std::string> help;  // rendered as "= help: ..."
};

// An ordered collection of diagnostics; order is the order in which they were reported.
class DiagnosticList {
 public:
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void error(std::string code, std::string message, std::string file, Span span,
             std::optional<std::string> help = std::nullopt);
  void warning(std::string code, std::string message, std::string file, Span span,
               std::optional<std::string> help = std::nullopt);
  void append(const DiagnosticList& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Stable sort by file, then start offset; keeps report order for ties.
  void sort_by_position();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace hie::syntax
