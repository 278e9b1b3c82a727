#include "stdlib/rust/register.h"

#include "stdlib/rust/rust_frontend.h"
#include "stdlib/rust/rust_library.h"

namespace hie::stdlib {

std::shared_ptr<const common::LanguageIndex> register_rust(library::LibraryRegistry& registry,
                                                           const common::StdlibOptions& options) {
  auto index = std::make_shared<common::LanguageIndex>(std::make_shared<rust::RustFrontend>(), options);
  registry.add(std::make_unique<rust::RustLibrary>(index));
  return index;
}

}  // namespace hie::stdlib
