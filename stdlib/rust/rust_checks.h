// The implementations of the `rust` library's own functions (the older tool's), over the Rust index and tree.
#pragma once

#include <string>
#include <string_view>

#include "library/check_outcome.h"
#include "library/result.h"
#include "library/value.h"
#include "stdlib/common/language_index.h"
#include "stdlib/rust/rust_resolver.h"

namespace hie::stdlib::rust {

using common::LanguageIndex;
using library::CheckOutcome;
using library::Result;
using library::ScopeData;
using library::Value;

// Whether a path as written (`fmt::Display`) names `wanted` (`Display`, `fmt::Display`, `std::fmt::Display`).
bool path_names(std::string_view written, std::string_view wanted);

// Selectors. `scope` null = the whole workspace. The scope is kind `kind` (struct, enum, fn, ...) with arg `name`.
Value symbol_scope(const LanguageIndex& index, std::string_view symbol_kind, std::string_view name,
                   const ScopeData* scope);
Value crate_scope(const LanguageIndex& index, const RustModuleTree& tree, std::string_view name);

// `<kind>_exists`: `message` is the older tool's ("Function 'x' not found"); with a scope, " in '<scope>'" follows.
CheckOutcome symbol_exists_check(const LanguageIndex& index, std::string_view symbol_kind, const ScopeData* scope,
                                 std::string_view name, std::string message);
CheckOutcome implements_check(const LanguageIndex& index, const ScopeData* scope, std::string_view type,
                              std::string_view trait);
CheckOutcome uses_check(const LanguageIndex& index, const RustModuleTree& tree, const ScopeData& scope,
                        std::string_view module);
CheckOutcome has_derive_check(const LanguageIndex& index, const ScopeData& scope, std::string_view derive);
// has_docs / has_tests: some symbol of `symbol_kind` ("doc", "test") in the scope's Rust files.
CheckOutcome has_symbol_check(const LanguageIndex& index, const ScopeData& scope, std::string_view symbol_kind,
                              std::string message);
// depends_on (negate = false) and no_dependency (negate = true) over the dependency graph.
CheckOutcome dependency_check(const LanguageIndex& index, const RustModuleTree& tree, const ScopeData& a,
                              const ScopeData& b, bool negate);
CheckOutcome pipeline_connects_check(const LanguageIndex& index, const ScopeData& out, const ScopeData& in);
CheckOutcome type_compatible_check(const LanguageIndex& index, const ScopeData& a, const ScopeData& b);

}  // namespace hie::stdlib::rust
