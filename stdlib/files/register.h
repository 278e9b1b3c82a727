// Registration of the built-in `files` library.
#pragma once

#include "library/registry.h"

namespace hie::stdlib {

// Adds the `files` library to `registry` (replacing any library registered under that name).
void register_builtin_files(library::LibraryRegistry& registry);

}  // namespace hie::stdlib
