// Loading and validating spec files for the commands that need semantics (`check`, `validate`).
#pragma once

#include <string>
#include <vector>

#include "cli_common.h"
#include "library/registry.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"
#include "workspace/workspace.h"

namespace hie::cli {

struct LoadedSpecs {
  sema::Model model;
  syntax::DiagnosticList diagnostics;        // syntax and validation, sorted by file and position
  std::vector<syntax::SourceFile> sources;   // every file sema read (roots and imports), to show source lines
};

// Runs sema::analyze over `roots` with the libraries of `registry` (described in the context of `workspace`),
// keeping the text of every file read so that diagnostics can show their source line.
LoadedSpecs load_specs(const std::vector<std::string>& roots, library::LibraryRegistry& registry,
                       const workspace::Workspace& workspace);

// Compiler-style diagnostics, for stderr or a file: errors only under -q.
std::string render_diagnostics(const syntax::DiagnosticList& diagnostics,
                               const std::vector<syntax::SourceFile>& sources, const GlobalOptions& globals,
                               bool color);

}  // namespace hie::cli
