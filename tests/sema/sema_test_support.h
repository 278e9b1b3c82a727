// Test support for sema: a fake library catalog, analyzing in-memory spec files, and diagnostic helpers.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "library/library_doc.h"
#include "sema/analyze.h"
#include "sema/library_catalog.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"

namespace hie::sema::testing {

inline library::ParamDoc param(std::string name, std::string type, bool variadic = false) {
  library::ParamDoc p;
  p.name = std::move(name);
  p.type = std::move(type);
  p.variadic = variadic;
  return p;
}

inline library::FunctionDoc selector(std::string name, std::vector<library::ParamDoc> params,
                                     std::string return_type = "scope") {
  library::FunctionDoc f;
  f.name = std::move(name);
  f.kind = library::FunctionKind::Selector;
  f.params = std::move(params);
  f.return_type = std::move(return_type);
  return f;
}

inline library::FunctionDoc check_fn(std::string name, std::vector<library::ParamDoc> params) {
  library::FunctionDoc f;
  f.name = std::move(name);
  f.kind = library::FunctionKind::Check;
  f.params = std::move(params);
  return f;
}

// The libraries most tests use: `files` and `rust` with a few functions each.
inline library::LibraryDoc files_doc() {
  library::LibraryDoc doc;
  doc.name = "files";
  doc.functions = {
      selector("file_selector", {param("path", "string")}),
      selector("folder_selector", {param("path", "string")}),
      selector("glob_selector", {param("pattern", "string")}),
      selector("union", {param("scope", "scope"), param("more", "scope", true)}),
      check_fn("exists", {param("scope", "scope"), param("name", "string")}),
      check_fn("contains", {param("scope", "scope"), param("name", "string")}),
      check_fn("max_size", {param("scope", "scope"), param("bytes", "number")}),
      check_fn("not_empty", {param("scope", "scope")}),
  };
  return doc;
}

inline library::LibraryDoc rust_doc() {
  library::LibraryDoc doc;
  doc.name = "rust";
  doc.functions = {
      selector("module_selector", {param("path", "string")}),
      selector("function_selector", {param("name", "string")}),
      selector("function_selector", {param("scope", "scope"), param("name", "string")}),
      check_fn("function_exists", {param("name", "string")}),
      check_fn("function_exists", {param("scope", "scope"), param("name", "string")}),
      check_fn("has_tests", {param("scope", "scope")}),
      check_fn("no_dependency", {param("a", "scope"), param("b", "scope")}),
  };
  return doc;
}

class FakeCatalog final : public LibraryCatalog {
 public:
  FakeCatalog() {
    libs["files"] = files_doc();
    libs["rust"] = rust_doc();
  }
  bool exists(std::string_view name) override {
    return libs.count(std::string(name)) > 0 || failed.count(std::string(name)) > 0;
  }
  const library::LibraryDoc* describe(std::string_view name, std::string& why_not) override {
    why_not.clear();
    auto it = libs.find(std::string(name));
    if (it == libs.end()) return nullptr;
    if (!it->second) {
      why_not = "it does not answer library.doc";
      return nullptr;
    }
    return &*it->second;
  }
  std::vector<std::string> names() override {
    std::set<std::string> all(failed.begin(), failed.end());
    for (const auto& [name, doc] : libs) all.insert(name);
    return {all.begin(), all.end()};
  }

  std::map<std::string, std::optional<library::LibraryDoc>> libs;  // nullopt: not self-described
  std::set<std::string> failed;
};

struct Analyzed {
  Model model;
  syntax::DiagnosticList diagnostics;
};

inline Analyzed analyze_sources(const std::map<std::string, std::string>& files,
                                const std::vector<std::string>& roots = {"main.hie"},
                                LibraryCatalog* catalog = nullptr) {
  FakeCatalog fallback;
  LibraryCatalog& cat = catalog ? *catalog : fallback;
  FileReader reader = [&files](const std::string& path, std::string& error) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) {
      error = "No such file or directory";
      return std::nullopt;
    }
    return it->second;
  };
  Analyzed out;
  out.model = analyze(roots, reader, cat, out.diagnostics);
  return out;
}

inline Analyzed analyze_one(const std::string& text, LibraryCatalog* catalog = nullptr) {
  return analyze_sources({{"main.hie", text}}, {"main.hie"}, catalog);
}

// "E050 3:17 undefined name 'srcc'" per diagnostic, for readable failure output.
inline std::vector<std::string> listing(const syntax::DiagnosticList& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) {
    out.push_back(d.code + " " + d.file + ":" + std::to_string(d.span.start.line) + ":" +
                  std::to_string(d.span.start.column) + " " + d.message + (d.help ? " [help: " + *d.help + "]" : ""));
  }
  return out;
}

inline std::string dump(const syntax::DiagnosticList& diagnostics) {
  std::string out;
  for (const auto& line : listing(diagnostics)) out += line + "\n";
  return out;
}

inline std::vector<std::string> codes(const syntax::DiagnosticList& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(d.code);
  return out;
}

inline const syntax::Diagnostic* find_code(const syntax::DiagnosticList& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics.items()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

inline std::size_t count_code(const syntax::DiagnosticList& diagnostics, const std::string& code) {
  std::size_t n = 0;
  for (const auto& d : diagnostics.items()) n += d.code == code ? 1 : 0;
  return n;
}

// The slot a check argument resolved to, as its display path ("shop.api.src"); "" when it is not a slot.
inline std::string slot_display(const Model& model, const RExpr& expr) {
  if (expr.kind != RExpr::Kind::Slot) return "";
  return model.slot(expr.slot).display;
}

// The first argument of the n-th check of element `path`.
inline const RExpr& check_arg(const Model& model, const std::string& path, std::size_t check, std::size_t arg = 0) {
  int e = model.find_element(path);
  return model.node(e).checks.at(check).expr.args.at(arg);
}

}  // namespace hie::sema::testing
