// Registration of the built-in `rust` library.
#pragma once

#include <memory>

#include "library/registry.h"
#include "stdlib/common/language_index.h"
#include "stdlib/common/stdlib_options.h"

namespace hie::stdlib {

// Adds the `rust` library to `registry` and returns its index (the Rust DependencyProvider) for the dependency
// graph, `arch` and `hie deps`.
std::shared_ptr<const common::LanguageIndex> register_rust(library::LibraryRegistry& registry,
                                                           const common::StdlibOptions& options);

}  // namespace hie::stdlib
