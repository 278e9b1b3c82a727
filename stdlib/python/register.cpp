#include "stdlib/python/register.h"

#include "stdlib/python/python_frontend.h"
#include "stdlib/python/python_library.h"

namespace hie::stdlib {

std::shared_ptr<const common::LanguageIndex> register_python(library::LibraryRegistry& registry,
                                                             const common::StdlibOptions& options) {
  auto index = std::make_shared<common::LanguageIndex>(std::make_shared<python::PythonFrontend>(), options);
  registry.add(std::make_unique<python::PythonLibrary>(index));
  return index;
}

}  // namespace hie::stdlib
