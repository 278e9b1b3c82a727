// Rendering values: for people (check messages, diagnostics) and for machines (`hie eval`, JSON reports).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "library/value.h"

namespace hie::library {

// null, true, 42, 1.5, "text", [..], and a scope as
// {"kind": "Folder", "arg": "src", "paths": ["src/a.py"], "language": null, "resolved": true}.
// Keys keep this order; non-finite floats become null (JSON has no NaN).
nlohmann::ordered_json value_to_json(const Value& value);

// A short rendering in spec syntax: null, true, 42, 1.5, 'text' (with \ and ' escaped), [a, b], and a scope
// as its selector: Folder('src'), Glob('**/*.rs'), Union.
std::string format_value(const Value& value);

// The selector a scope came from, as in format_value: "Folder('src')", "Union".
std::string describe_scope(const ScopeData& scope);

// A string in single quotes with `\` and `'` escaped: 'it\'s'.
std::string quote(std::string_view text);

}  // namespace hie::library
