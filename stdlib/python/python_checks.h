// The older tool's python functions, exact: each reads the facts of the Python files of its scope.
#pragma once

#include <string_view>

#include "library/check_outcome.h"
#include "library/value.h"
#include "stdlib/common/language_index.h"

namespace hie::stdlib::python {

using library::CheckOutcome;
using library::ScopeData;
using library::Value;

// Selectors: the Python files (of `scope`, or of the workspace when null) that declare a function or method /
// a class named `name`. Scope kind "function" / "class", arg `name`, language "python".
Value function_selector(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name);
Value class_selector(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name);

// A function or a method named `name` is declared (in `scope` when not null).
CheckOutcome function_exists(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name);

// Some import of the scope names `module` or a submodule (`import m`, `import m.x`, `from m import y`,
// `from m.x import y`, and `from p import m` for module `p.m`). Fail: "Scope does not import '{m}'".
CheckOutcome imports(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module);
// The inverse; every offending import is evidence. Fail: "Scope imports '{m}' but should not".
CheckOutcome no_import(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module);
// Some function or method of the scope has a return annotation that mentions `type` as whole names.
// Fail: "No function returns type '{T}'".
CheckOutcome returns_type(const common::LanguageIndex& index, const ScopeData& scope, std::string_view type);
// Some function or method named `function` has such an annotation; the others named so are evidence.
// Fail: "Function '{f}' does not return type '{T}'".
CheckOutcome function_returns_type(const common::LanguageIndex& index, const ScopeData& scope,
                                   std::string_view function, std::string_view type);
// Some call of the scope involves `target` as whole dotted segments (`t(...)`, `t.x(...)`, `x.t(...)`).
// Fail: "Scope does not call '{t}'".
CheckOutcome calls(const common::LanguageIndex& index, const ScopeData& scope, std::string_view target);
// Some call of the scope ends with `module.function(...)` (`m.f(...)`, `self.m.f(...)`).
// Fail: "Scope does not call '{m}.{f}'".
CheckOutcome calls_function(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module,
                            std::string_view function);
// Some call of `source` involves, as a whole segment, the name of a function, method or class declared in
// `target`. Fail: "Source scope does not call anything in target scope".
CheckOutcome calls_scope(const common::LanguageIndex& index, const ScopeData& source, const ScopeData& target);

}  // namespace hie::stdlib::python
