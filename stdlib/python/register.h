// Registration of the built-in `python` library and its language index.
#pragma once

#include <memory>

#include "library/registry.h"
#include "stdlib/common/language_index.h"
#include "stdlib/common/stdlib_options.h"

namespace hie::stdlib {

// Adds the `python` library to `registry` and returns its index (the Python graph::DependencyProvider), which the
// session adds to the dependency graph, `arch` and `hie deps`.
std::shared_ptr<const common::LanguageIndex> register_python(library::LibraryRegistry& registry,
                                                             const common::StdlibOptions& options);

}  // namespace hie::stdlib
