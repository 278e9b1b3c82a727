// Small pieces of Rust syntax read from tokens, shared by the fact extractor: attributes, use trees, type names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/rust/rust_tokenizer.h"

namespace hie::stdlib::rust {

// What an attribute `#[...]` / `#![...]` says that the facts need.
struct Attribute {
  std::vector<std::string> derives;  // derive(Debug, serde::Serialize), also inside cfg_attr(..., derive(...))
  bool test = false;                 // #[test], #[tokio::test], ... (the attribute path ends in `test`)
  bool cfg_test = false;             // #[cfg(test)], #[cfg(all(test, ...))]
  bool doc = false;                  // #[doc = "..."] / #[doc(...)]
  std::optional<std::string> path;   // #[path = "x.rs"]
};

// Reads the attribute whose `#` is at `hash`. Returns the index just past its `]` (or `hash + 1` when it is not an
// attribute) and fills `out`; `inner` tells whether it was `#![...]`.
std::size_t read_attribute(const std::vector<Token>& tokens, std::size_t hash, Attribute& out, bool& inner);

// One leaf of a use tree: `use a::{b, c::d as e, self, f::*};` has leaves a::b, a::c::d (bound as e), a (bound
// as a) and a::f::* (a glob).
struct UseLeaf {
  std::vector<std::string> path;  // "" as the first segment for a leading `::`
  std::string bound;              // the name bound, "*" for a glob, "_" for `as _`
  std::uint32_t line = 0;
};

// Reads the use tree that starts at `start` (just after `use`). Returns the index of the closing `;` (or of the
// token where the tree ended).
std::size_t read_use_tree(const std::vector<Token>& tokens, std::size_t start, std::vector<UseLeaf>& out);

// The index of the token that matches the opening bracket at `open` (`<` `(` `[` `{`), or tokens.size().
std::size_t matching_close(const std::vector<Token>& tokens, std::size_t open);

// The name of a type or trait written in tokens [begin, end): the last path segment before any generics
// (`&'a mut fmt::Formatter<'_>` -> "Formatter" with `full` = "fmt::Formatter"); tuples, arrays and slices
// are named by their text.
struct TypeName {
  std::string name;
  std::string full;
};
TypeName type_name(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// The value of a string literal token (quotes, raw-string hashes and prefixes removed; escapes kept as written).
std::string literal_value(std::string_view literal);

}  // namespace hie::stdlib::rust
