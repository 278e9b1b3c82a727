#include "stdlib/files/register.h"

#include <memory>

#include "stdlib/files/files_library.h"

namespace hie::stdlib {

void register_builtin_files(library::LibraryRegistry& registry) {
  registry.add(std::make_unique<files::FilesLibrary>());
}

}  // namespace hie::stdlib
