// Registration of the built-in `arch` library.
#pragma once

#include <memory>
#include <vector>

#include "library/registry.h"
#include "stdlib/common/language_index.h"

namespace hie::stdlib {

// Adds `arch` over the union of `indexes` (every language library's index of this workspace).
void register_arch(library::LibraryRegistry& registry,
                   std::vector<std::shared_ptr<const common::LanguageIndex>> indexes);

}  // namespace hie::stdlib
