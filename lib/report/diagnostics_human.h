// Compiler-style text rendering of diagnostics (modelled on rustc and clang): a header with severity and code,
// the location, the source line with a caret under the span, and the help note.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "syntax/diagnostic.h"
#include "syntax/source_file.h"

namespace hie::report {

// Finds the source text of the file a diagnostic names (Diagnostic::file); nullptr when it is not available,
// in which case the diagnostic is rendered without its source line.
using SourceLookup = std::function<const syntax::SourceFile*(std::string_view path)>;

// A lookup over `files` by SourceFile::path(). The span must outlive the returned function.
SourceLookup lookup_sources(std::span<const syntax::SourceFile> files);

struct HumanOptions {
  bool color = false;  // ANSI colours: bold red errors, bold yellow warnings, blue line numbers and gutter
};

// Renders one diagnostic, e.g.
//
//   error[E050]: undefined name 'srcc'
//     --> spec.hie:12:17
//      |
//   12 |     check files.exists(srcc, 'x')
//      |                        ^^^^
//      = help: did you mean 'src'?
//
// followed by an empty line. Columns count code points; tabs are shown as 4 spaces with the caret aligned;
// invalid UTF-8 and control characters are shown as U+FFFD. A zero-width span gets one caret; a span that
// goes past the end of its first line is underlined to the end of that line.
std::string render_human(const syntax::Diagnostic& diagnostic, const SourceLookup& sources,
                         const HumanOptions& options = {});

// Every diagnostic of `diagnostics`, in order.
std::string render_human(const syntax::DiagnosticList& diagnostics, const SourceLookup& sources,
                         const HumanOptions& options = {});

// `text` made safe for a terminal: invalid UTF-8 and control characters other than newline become U+FFFD.
std::string printable_text(std::string_view text);

}  // namespace hie::report
