#include "stdlib/python/python_frontend.h"

#include "stdlib/common/language_index.h"
#include "stdlib/python/python_facts.h"
#include "stdlib/python/python_resolver.h"

namespace hie::stdlib::python {

bool PythonFrontend::handles(std::string_view path) const { return path.ends_with(".py") || path.ends_with(".pyi"); }

graph::FileFacts PythonFrontend::extract(std::string_view text) const { return extract_python_facts(text); }

std::unique_ptr<common::Resolver> PythonFrontend::prepare(const common::LanguageIndex& index) const {
  const std::vector<std::string>& directories = index.workspace().directories();
  return std::make_unique<PythonResolver>(index.files(), directories,
                                          python_source_roots(index.settings().roots, directories));
}

std::optional<std::string> PythonFrontend::resolution_inputs(const common::LanguageIndex& index) const {
  const std::vector<std::string>& directories = index.workspace().directories();
  std::string inputs = "roots";
  for (const std::string& root : python_source_roots(index.settings().roots, directories)) inputs += '\0' + root;
  inputs += "\ndirectories";
  for (const std::string& directory : directories) inputs += '\0' + directory;
  return inputs;
}

}  // namespace hie::stdlib::python
