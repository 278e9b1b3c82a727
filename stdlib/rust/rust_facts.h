// What one Rust file declares and uses, as graph::FileFacts: its `mod`/`use`/`extern crate` statements and
// module paths used in code (imports), and its items (symbols).
#pragma once

#include <string_view>

#include "graph/file_facts.h"

namespace hie::stdlib::rust {

// Extracts the facts of one Rust file (language "rust"). Never fails: problems become `warnings`.
//
// Imports, in source order (`line` = where the path starts):
// - kind "mod": `mod x;` — module = the child module's path within the file ("x", or "inner::x" for a `mod x;`
//   inside an inline `mod inner { … }`); name = the `#[path = "…"]` value, or "".
// - kind "use" / "pub_use": one fact per leaf of a use tree. module = the full path, with paths that start inside
//   an inline module or at a child module made relative to the file's own module (`self::…`, `super::…`); a glob
//   `use a::*` has module "a" and name "*", `use a::{self}` has module "a"; name = the name bound (the alias of
//   `as`, else the last segment).
// - kind "extern_crate": `extern crate serde as s;` — module "serde", name "s".
// - kind "path": a module path used in code (`crate::a::b::f()`, `super::x::Y`, `serde_json::to_string`, or
//   `m::f` where `m` was brought in by a `use` of this file), normalized like `use` paths; `Vec::new`, `Self::x`,
//   `i32::MAX` and other paths that start with a type are not imports.
//
// Symbols, in source order: "function" (detail: the impl type or trait for methods), "struct", "enum", "union",
// "trait" (detail "pub" when public), "impl" (name: the type, detail: the trait for `impl Trait for Type`), "const" (detail "static" for a
// static), "type", "macro" (macro_rules!), "module" (detail "inline" or "file"), "derive" (name: the derived trait
// as written, detail: the item it applies to), "test" (a `#[test]`-like function, detail "test"; or an item under
// `#[cfg(test)]`, detail "cfg_test"), "doc" (one per doc comment or `#[doc]` attribute; name: the documented item
// or "" for inner docs; detail "outer" or "inner"), "type_use" (a capitalized identifier used in code or imported — a
// type, trait or variant —, once per file at its first use). `documented` is set on items with an outer doc comment.
graph::FileFacts extract_rust_facts(std::string_view source);

}  // namespace hie::stdlib::rust
