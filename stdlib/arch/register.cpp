#include "stdlib/arch/register.h"

#include "stdlib/arch/arch_library.h"

namespace hie::stdlib {

void register_arch(library::LibraryRegistry& registry,
                   std::vector<std::shared_ptr<const common::LanguageIndex>> indexes) {
  registry.add(std::make_unique<arch::ArchLibrary>(std::move(indexes)));
}

}  // namespace hie::stdlib
