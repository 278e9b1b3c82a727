// `hie doc` (markdown): a page per workspace documenting every library, with a table of contents, in the layout of
// the older tool's `doc` output (OLDER-TOOL.md §10.4).
#pragma once

#include <string>
#include <vector>

#include "report/library_doc_entry.h"

namespace hie::report {

std::string render_library_doc_markdown(const std::vector<DocumentedLibrary>& libraries);

}  // namespace hie::report
