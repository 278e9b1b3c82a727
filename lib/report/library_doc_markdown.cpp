#include "report/library_doc_markdown.h"

#include <cctype>

namespace hie::report {
namespace {

// GitHub's heading anchors for the names hie allows (identifiers): lowercase.
std::string anchor(const std::string& name) {
  std::string out;
  for (char c : name) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::string signature(const std::string& library, const library::FunctionDoc& function) {
  std::string out = library + "." + function.name + "(";
  for (std::size_t i = 0; i < function.params.size(); ++i) {
    const auto& param = function.params[i];
    if (i > 0) out += ", ";
    out += param.name + ": " + param.type + (param.variadic ? "..." : "");
  }
  out += ")";
  if (!function.return_type.empty()) out += " -> " + function.return_type;
  return out;
}

// Backticks inside a description would end the code span of a signature; descriptions are written as they are.
std::string render_function(const std::string& library, const library::FunctionDoc& function) {
  std::string out = "#### `" + signature(library, function) + "`\n\n";
  if (!function.description.empty()) out += function.description + "\n\n";
  if (!function.params.empty()) {
    out += "**Parameters:**\n";
    for (const auto& param : function.params) {
      out += "- `" + param.name + "` (" + param.type + (param.variadic ? ", repeated" : "") + ")";
      if (!param.description.empty()) out += ": " + param.description;
      out += "\n";
    }
    out += "\n";
  }
  if (function.example && !function.example->empty()) {
    out += "**Example:**\n```hie\n" + *function.example + "\n```\n\n";
  }
  return out;
}

std::string render_library(const DocumentedLibrary& library) {
  std::string out = "## " + library.name + "\n\n";
  if (!library.doc) {
    out += "**Kind:** " + library.kind + "\n\n";
    if (library.error) {
      out += "**This library is not available:** `" + library.error->code + "` " + library.error->message + "\n\n";
    }
    return out + "---\n\n";
  }
  const library::LibraryDoc& doc = *library.doc;
  if (!doc.description.empty()) out += doc.description + "\n\n";
  out += "**Kind:** " + library.kind + " · **Version:** " + doc.version + "\n\n";
  if (!doc.self_described) {
    out += "This library does not describe itself (its plugin does not answer `library.doc`): its function names "
           "and arguments are checked when the checks run.\n\n";
  }
  for (auto kind : {library::FunctionKind::Selector, library::FunctionKind::Check}) {
    std::string section;
    for (const auto& function : doc.functions) {
      if (function.kind == kind) section += render_function(library.name, function);
    }
    if (section.empty()) continue;
    out += kind == library::FunctionKind::Selector ? "### Selectors\n\n" : "### Checks\n\n";
    out += section;
  }
  return out + "---\n\n";
}

}  // namespace

std::string render_library_doc_markdown(const std::vector<DocumentedLibrary>& libraries) {
  std::string out = "# Library documentation\n\n";
  out += "The libraries available in this workspace: the built-ins and the plugins configured in hielements.toml.\n\n";
  out += "## Contents\n\n";
  for (const auto& library : libraries) {
    out += "- [" + library.name + "](#" + anchor(library.name) + ") (" + library.kind + ")";
    if (!library.doc) out += ": not available";
    out += "\n";
  }
  out += "\n---\n\n";
  for (const auto& library : libraries) out += render_library(library);
  // One final newline, not a blank line.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace hie::report
