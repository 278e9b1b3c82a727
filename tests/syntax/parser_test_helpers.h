// Shared by the parser tests: parse a string, list diagnostics compactly, and summarize element trees in the
// format of the conformance README ("path implements P  [scopes N, refs N, checks N, uses N, bindings N]").
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "syntax/ast.h"
#include "syntax/diagnostic.h"
#include "syntax/parser.h"
#include "syntax/source_file.h"

namespace hie::syntax::testing {

struct Parsed {
  File file;
  DiagnosticList diagnostics;
};

inline Parsed parse_text(const std::string& text, const std::string& path = "test.hie") {
  Parsed parsed;
  const SourceFile source(path, text);
  parsed.file = parse(source, parsed.diagnostics);
  return parsed;
}

// "E025@3:5 E001@4:1": code, line and column of every diagnostic, in report order.
inline std::string codes(const DiagnosticList& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) {
    if (!out.empty()) out += ' ';
    out += fmt::format("{}@{}:{}", d.code, d.span.start.line, d.span.start.column);
  }
  return out;
}

inline std::string codes(const Parsed& parsed) { return codes(parsed.diagnostics); }

inline std::string join_names(const std::vector<Identifier>& names, const char* separator) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += separator;
    out += name.name;
  }
  return out;
}

inline void summarize_element(const ElementDecl& element, const std::string& parent, int depth, std::string& out) {
  const std::string path = parent.empty() ? element.name.name : parent + "." + element.name.name;
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + path;
  if (!element.implements.empty()) out += " implements " + join_names(element.implements, ", ");
  const Body& b = element.body;
  out += fmt::format("  [scopes {}, refs {}, checks {}, uses {}, bindings {}]\n", b.scopes.size(), b.refs.size(),
                     b.checks.size(), b.uses.size(), b.bindings.size());
  for (const auto& child : b.elements) summarize_element(child, path, depth + 1, out);
}

inline std::string summarize(const File& file) {
  std::string out = "imports:";
  std::string sep = " ";
  for (const auto& import : file.imports) {
    out += sep + (import.path_is_string ? "'" + import.string_path + "'" : join_names(import.path, "."));
    sep = ", ";
  }
  out += "\npatterns:";
  sep = " ";
  for (const auto& p : file.patterns) {
    out += fmt::format("{}{} (checks {}, requirements {}, elements {})", sep, p.name.name, p.body.checks.size(),
                       p.body.requirements.size(), p.body.elements.size());
    sep = ", ";
  }
  out += "\nlanguages:";
  sep = " ";
  for (const auto& l : file.languages) {
    out += fmt::format("{}{} ({} connection checks)", sep, l.name.name, l.connection_checks.size());
    sep = ", ";
  }
  out += "\nelements:\n";
  for (const auto& element : file.elements) summarize_element(element, "", 1, out);
  return out;
}

}  // namespace hie::syntax::testing
