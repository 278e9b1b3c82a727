// Checking a call's arguments against a function's documented signature, with the messages users see.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "library/library_doc.h"
#include "library/result.h"
#include "library/value.h"

namespace hie::library {

// Whether a value of `kind` fits a ParamDoc type: "scope", "string", "integer", "number" (integer or float),
// "boolean", "list", "any". Type names are compared case-insensitively; a name outside this list (a plugin's own
// label) accepts anything, since only the plugin knows what it means.
bool type_accepts(std::string_view type, Value::Kind kind);

// The signature as users read it: "files.exists(scope, name: string)". A parameter named like its type is shown
// alone ("scope"); a variadic one as "more: scope...".
std::string format_signature(std::string_view library, const FunctionDoc& function);

// The call as it was made, by argument types: "files.exists(string, string)".
std::string format_call_types(std::string_view library, std::string_view function, std::span<const Value> args);

// Where a call first departs from a signature.
struct ArgumentMismatch {
  enum class Kind { Missing, WrongType, Extra };
  Kind kind = Kind::Missing;
  std::size_t position = 0;  // 0-based: the missing parameter, the mistyped or the first extra argument
};

std::optional<ArgumentMismatch> match_arguments(const FunctionDoc& function, std::span<const Value> args);

// The older tool's error for a missing or mistyped argument at one position, e.g.
// {0, "E110", "exists requires a scope as first argument"}.
struct LegacyArgumentError {
  std::size_t position = 0;
  std::string code;
  std::string message;
};

// nullopt when `args` fit `function`. Otherwise the error to report: when a legacy error is given for the position
// of a missing or mistyped argument, its code and message followed by the expected signature
// ("exists requires a scope as first argument (expected files.exists(scope, name: string), got
// files.exists(string, string))"); else `code` with "wrong arguments: expected files.is_empty(scope), got
// files.is_empty(string, integer)".
std::optional<LibraryError> check_arguments(std::string_view library, const FunctionDoc& function,
                                            std::span<const Value> args, std::string_view code,
                                            std::span<const LegacyArgumentError> legacy = {});

// The same for a function with alternative signatures: the call fits when it fits any of them. The error shows
// every alternative ("expected rust.function_exists(name: string) or rust.function_exists(scope, name: string)");
// legacy errors apply to the first signature.
std::optional<LibraryError> check_arguments(std::string_view library, std::span<const FunctionDoc* const> signatures,
                                            std::span<const Value> args, std::string_view code,
                                            std::span<const LegacyArgumentError> legacy = {});

}  // namespace hie::library
