// Sema's entry point: load spec files (with their file imports), resolve every name, validate, build the Model.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sema/library_catalog.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"

namespace hie::sema {

// Reads a spec file by the path sema computed (roots as given, imports joined to the importing file's directory).
// Returns the text, or nullopt with `error` set to a reason for users ("No such file or directory").
using FileReader = std::function<std::optional<std::string>(const std::string& path, std::string& error)>;

// Loads `roots` in order (each followed by the spec files it imports, depth first, each file once), parses them,
// resolves names and validates the whole set against the libraries in `catalog`.
//
// Every problem is a diagnostic in `diagnostics` (syntax errors from the parser, then validation), sorted by file
// and position. The returned Model is always complete enough to evaluate: constructs that did not validate are
// marked invalid (RExpr::Kind::Invalid) and yield error results when evaluated (`hie check --keep-going`).
//
// The top-level namespace is shared by all loaded files: two top-level items with the same name in any two
// files are E051, and patterns and languages of any loaded file are usable in every other.
Model analyze(const std::vector<std::string>& roots, const FileReader& read, LibraryCatalog& catalog,
              syntax::DiagnosticList& diagnostics);

// A FileReader over the real file system.
FileReader filesystem_reader();

// Resolves a lone expression (`hie eval EXPR`) written in a pseudo-file named `file_label`: only libraries are
// visible, every registered library without an import. `as_check` says whether a top-level call is a check;
// nullopt decides from the library's description (a check when the library has a check of that name and no
// selector). Problems go to `diagnostics`; the result is then Invalid.
RExpr resolve_expression(const syntax::Expr& expr, const std::string& file_label, LibraryCatalog& catalog,
                         std::optional<bool> as_check, syntax::DiagnosticList& diagnostics);

}  // namespace hie::sema
