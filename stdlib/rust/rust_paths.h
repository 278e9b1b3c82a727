// Rust paths as the fact extractor records them, and their normalization relative to the file's own module.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "graph/file_facts.h"

namespace hie::stdlib::rust {

// An import before normalization: the path as written and the inline module it appears in.
struct RawImport {
  std::string kind;                 // "mod", "use", "pub_use", "extern_crate", "path"
  std::vector<std::string> path;    // segments as written ("" first for a leading `::`)
  std::string name;                 // the bound name / #[path] value / extern crate alias
  std::uint32_t line = 0;
  std::vector<std::string> scope;   // the inline modules around it (`mod a { mod b { … } }` = {a, b})
};

// "a::b::name" from a scope and a name ("name" for an empty scope).
std::string join_path(const std::vector<std::string>& scope, const std::string& name);
std::string join_path(const std::vector<std::string>& segments);

// Turns raw imports into ImportFacts (see extract_rust_facts): paths starting with `self`/`super` or at a child
// module are made relative to the file's module; a code path starting with a name bound by a `use` of the same
// module is expanded through that `use`; code paths that start with a type are dropped. `declared_modules` holds
// every module declared in the file, as "scope::name".
void normalize_imports(const std::vector<RawImport>& raw, const std::set<std::string>& declared_modules,
                       std::vector<graph::ImportFact>& out);

// Whether a path's first segment may name a crate or module (`serde`, `crate`), not a type (`Vec`, `u8`, `Self`).
bool may_name_module(const std::string& first_segment);

}  // namespace hie::stdlib::rust
