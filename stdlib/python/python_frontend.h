// The Python language frontend of the language-library framework: which files are Python, their facts, and the
// resolver of their imports.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/common/language_frontend.h"

namespace hie::stdlib::python {

class PythonFrontend final : public common::LanguageFrontend {
 public:
  std::string_view language() const override { return "python"; }
  // `.py` and `.pyi` (stubs) files.
  bool handles(std::string_view path) const override;
  std::uint32_t extractor_version() const override { return 1; }
  graph::FileFacts extract(std::string_view text) const override;
  // Source roots from the workspace (`src/`) and `[python] roots`; see PythonResolver.
  std::unique_ptr<common::Resolver> prepare(const common::LanguageIndex& index) const override;
  // The source roots and every directory of the workspace (namespace packages have no file).
  std::optional<std::string> resolution_inputs(const common::LanguageIndex& index) const override;
  // function (module-level and nested defs), class, method (defs directly in a class body).
  std::vector<std::string> symbol_kinds() const override { return {"function", "class", "method"}; }
  std::string_view module_separator() const override { return "."; }
};

}  // namespace hie::stdlib::python
