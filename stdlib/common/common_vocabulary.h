// The functions every language library offers (STDLIB.md "Common to python, rust, ..."): module_selector, files,
// symbol_selector, <kind>_exists, depends_on, no_dependency, imports, no_import, no_cycles, layers,
// only_depends_on. Each is also usable alone (the language helpers call them from their own functions).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/common/language_library.h"

namespace hie::stdlib::common {

// Every common function with its documentation, for a language with `kinds` symbol kinds; `codes` supplies the
// language's error codes. `<kind>_exists` comes in two signatures: (name) and (scope, name).
std::vector<LanguageFunction> common_functions(const LanguageFrontend& frontend, const LanguageErrorCodes& codes);

// Selectors. Scopes returned carry `language` = the index's language.
Result<Value> module_selector(const LanguageIndex& index, std::string_view name, const LanguageErrorCodes& codes);
Result<Value> files_of(const LanguageIndex& index, const library::ScopeData& scope);
Result<Value> symbol_selector(const LanguageIndex& index, std::string_view kind, std::string_view name);

// Checks on symbols. `scope` null = the whole workspace. Failure: "No <kind> named '<name>' found[ in <scope>]".
CheckOutcome symbol_exists(const LanguageIndex& index, std::string_view kind, const library::ScopeData* scope,
                           std::string_view name);

// Checks on imports as written (external packages included): `imports` passes when some file of `scope` imports
// `module` (or a submodule); `no_import` fails naming each importing file:line.
CheckOutcome imports(const LanguageIndex& index, const library::ScopeData& scope, std::string_view module);
CheckOutcome no_import(const LanguageIndex& index, const library::ScopeData& scope, std::string_view module);

}  // namespace hie::stdlib::common
