// The JSON encoding of values, check results and self-descriptions shared by both plugin hosts (PLUGINS.md §2).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "library/check_outcome.h"
#include "library/library_doc.h"
#include "library/result.h"
#include "library/value.h"

namespace hie::library {

// ---- host -> plugin -------------------------------------------------------------------------------------------
//
// The older tool's tagged forms, byte-compatible (nlohmann::json objects keep keys sorted, like serde_json):
//   Null -> null, Bool -> raw true/false, Int -> {"Int":n}, Float -> {"Float":x}, String -> {"String":s},
//   List -> {"List":[...]},
//   Scope -> {"Scope":{"kind":{"File"|"Folder"|"Glob":arg},"language"?:l,"paths":[...],"resolved":b}}.
// A scope whose kind is a selector tag other than File/Folder/Glob (e.g. "module") keeps a kind old plugins
// understand, as the older tool's rust/python selectors did (`File("struct:Token")`), and carries the exact tag
// in an extra key that decode_value reads back:
//   {"Scope":{"kind":{"File":"module:lexer"},"paths":[...],"resolved":true,"selector":{"arg":"lexer","kind":"module"}}}
// An empty kind is sent as File. "language" is present only when set.
nlohmann::json encode_value(const Value& value);
nlohmann::json encode_scope(const ScopeData& scope);      // the object under "Scope"; paths in the given order
nlohmann::json encode_args(std::span<const Value> args);  // a JSON array of encode_value

// ---- plugin -> host -------------------------------------------------------------------------------------------

struct DecodeOptions {
  // Absolute paths a plugin returns are accepted when they lie below this directory (and made relative to it).
  // Empty: absolute paths are refused.
  std::filesystem::path workspace_root;
};

// A selector result. Accepted: every form encode_value produces; raw strings, numbers (integral -> Int, else
// Float), booleans and null; raw arrays (-> List). Tagged objects are tested in the older tool's key order:
// "String", "Int", "Float", "Bool", "List", "Scope". Unlike the older tool, a tag holding the wrong JSON type
// (`{"Int":"x"}`) is an error, not a silent 0/"". Scope paths are normalized to workspace-relative form
// (`./src/a.py` -> `src/a.py`), sorted and deduplicated; a path leaving the workspace is an error. A scope without
// "resolved" is unresolved (older tool); without "kind" it is File("").
// `{"error":{"code":"E…","message":"…"}}` (the WASM error form) is returned as that LibraryError.
// Other failures: LibraryError E508 "Cannot convert JSON to Value: …".
Result<Value> decode_value(const nlohmann::json& json, const DecodeOptions& options = {});

// A check result, tested in the older tool's order (OLDER-TOOL.md §5.1):
//   {"Pass":any} or {"result":"pass"} -> pass; {"Fail":msg}; {"Error":msg}; {"result":"fail"|"error","message"?};
//   a string: pass/ok/true -> pass, fail/false -> fail "Check failed", any other string -> fail(that string).
// An object may carry "evidence":[{"file","line"?,"message"?}] (file workspace-relative, line 1-based, 0 = whole
// file). A non-string Fail/Error message is shown as its JSON text ("Check failed" / "Check error" for null).
// `{"error":{…}}` -> that LibraryError. Anything else (raw booleans, numbers, null, unknown objects, bad
// evidence) -> LibraryError E509 "Cannot convert JSON to CheckResult: …".
Result<CheckOutcome> decode_check_outcome(const nlohmann::json& json, const DecodeOptions& options = {});

// A self-description. Accepts the library_describe format of PLUGINS.md §3 (one "functions" list whose entries
// carry "kind":"selector"|"check") and the older tool's `library.doc` format (selectors in "functions" without a
// kind, checks in "checks"). Parameter types come from "type" or "param_type" (missing -> "any"), case-insensitive,
// with aliases (int, float, bool, str, array); an unknown type is an error. "variadic":true on the last parameter is
// accepted. Unknown keys (e.g. "capabilities") are ignored. The name defaults to `fallback_name`.
// Errors: LibraryError E524 "Invalid self-description: …".
Result<LibraryDoc> decode_library_doc(const nlohmann::json& json, std::string_view fallback_name);

// The error object of PLUGINS.md §2 (`{"error":{"code","message"}}`), when `json` is one.
std::optional<LibraryError> decode_error_object(const nlohmann::json& json);

// JSON text for messages: compact, invalid UTF-8 replaced, cut to `max_chars` (with "…") and safe for any nesting.
std::string json_excerpt(const nlohmann::json& json, std::size_t max_chars = 200);

// True when `json` nests arrays/objects deeper than `max_depth` (checked without recursion).
bool json_nesting_exceeds(const nlohmann::json& json, std::size_t max_depth);

// The deepest nesting the decoders accept; deeper input is refused before any recursive step.
inline constexpr std::size_t kMaxJsonNesting = 256;

}  // namespace hie::library
