// `hie doc --format json`: {"version":"1.0","libraries":[…]}, one object per library in the shape of PLUGINS.md §3
// `library_describe`.
#pragma once

#include <string>
#include <vector>

#include "report/library_doc_entry.h"

namespace hie::report {

std::string render_library_doc_json(const std::vector<DocumentedLibrary>& libraries);

}  // namespace hie::report
