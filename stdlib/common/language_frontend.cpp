#include "stdlib/common/language_frontend.h"

namespace hie::stdlib::common {
namespace {

// `written` is `module` or one of its submodules (`a.b` for `a`, never `ab`).
bool names_module(std::string_view written, std::string_view module, std::string_view separator) {
  if (written == module) return true;
  return written.size() > module.size() + separator.size() && written.starts_with(module) &&
         written.substr(module.size(), separator.size()) == separator;
}

}  // namespace

std::optional<std::string> LanguageFrontend::resolution_inputs(const LanguageIndex&) const { return std::nullopt; }

bool LanguageFrontend::import_matches(const graph::ImportFact& fact, std::string_view module) const {
  if (fact.level > 0 || module.empty()) return false;  // relative imports name the workspace, not a package
  const std::string_view separator = module_separator();
  if (!fact.module.empty() && names_module(fact.module, module, separator)) return true;
  if (fact.name.empty()) return false;
  const std::string full = fact.module.empty() ? fact.name : fact.module + std::string(separator) + fact.name;
  return names_module(full, module, separator);
}

}  // namespace hie::stdlib::common
