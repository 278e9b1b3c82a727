// The diagnostics JSON document of `hie validate --format json`, in the older tool's shape (OLDER-TOOL.md §10.2).
#pragma once

#include <string>

#include "report/json_common.h"
#include "syntax/diagnostic.h"

namespace hie::report {

// One diagnostic: {severity, code, message, file, span{start, end}} plus "help" only when there is one.
Json diagnostic_to_json(const syntax::Diagnostic& diagnostic);

// {version: "1.0", status: "ok"|"error", errors: [...], warnings: [...], summary: {total_errors, total_warnings}}.
// Errors go to "errors"; warnings, infos and hints go to "warnings" (keeping the older document's four keys; the
// "severity" field of each entry tells them apart). "status" is "error" exactly when "errors" is non-empty, and the
// totals count the entries of the two arrays. Report order is kept within each array.
Json diagnostics_document(const syntax::DiagnosticList& diagnostics);

// The document pretty-printed (2-space indent, final newline).
std::string render_diagnostics_json(const syntax::DiagnosticList& diagnostics);

}  // namespace hie::report
