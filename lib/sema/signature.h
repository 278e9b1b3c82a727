// Library function signatures (from LibraryDoc): arity, argument types and how to print them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "library/library_doc.h"

namespace hie::sema {

// True when `argc` arguments fit the parameters (a variadic last parameter takes zero or more).
bool arity_matches(const library::FunctionDoc& doc, std::size_t argc);
// "2 arguments", "1 argument", "at least 2 arguments".
std::string arity_text(const library::FunctionDoc& doc);
// "files.exists(scope, name: string)" (library::format_signature).
std::string signature_text(std::string_view library, const library::FunctionDoc& doc);
// The parameter that receives argument `index` (the variadic one for extra arguments).
const library::ParamDoc& param_at(const library::FunctionDoc& doc, std::size_t index);
// True when a value of static type `actual` ("" = unknown) may be passed where `expected` is declared.
bool type_accepts(std::string_view expected, std::string_view actual);
// The index of the first argument whose known type the signature does not accept.
std::optional<std::size_t> first_type_mismatch(const library::FunctionDoc& doc, const std::vector<std::string>& types);
// The return type of the selector `function` called with `argc` arguments, "" when unknown or ambiguous.
std::string return_type_of(const library::LibraryDoc& doc, std::string_view function, std::size_t argc);
// "a scope", "a string", "an integer", "a number", ... ("a value of type X" for other names).
std::string describe_static_type(std::string_view type);

}  // namespace hie::sema
