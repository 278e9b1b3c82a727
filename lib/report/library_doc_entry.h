// One library as `hie doc` documents it: its self-description, or the error that kept it from describing itself.
#pragma once

#include <optional>
#include <string>

#include "library/library_doc.h"
#include "library/result.h"

namespace hie::report {

struct DocumentedLibrary {
  std::string name;                            // the registry name (the [libraries] key for plugins)
  std::string kind;                            // "built-in", "external", "wasm" or "configured" (a failed entry)
  std::optional<library::LibraryDoc> doc;      // set when the library described itself
  std::optional<library::LibraryError> error;  // set otherwise
};

}  // namespace hie::report
