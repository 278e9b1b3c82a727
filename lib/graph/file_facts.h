// What a language extractor learns from one source file: its imports and its declared symbols. Cached per file,
// keyed by content hash (the fact cache), so each file is tokenized at most once per content.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hie::graph {

// One import statement (or one imported name of it: `from a import b, c` is two facts, one per name).
struct ImportFact {
  // The module as written: "a.b" (python `import a.b`), "a.b" with name "c" (`from a.b import c`), "" with
  // level 1 (`from . import x`), "crate::a::b" (rust `use`), "x" (rust `mod x;`), "serde" (`extern crate serde`).
  std::string module;
  std::string name;            // the imported name for `from P import name` / the last `use` segment; else ""
  std::uint32_t line = 0;      // 1-based
  std::string kind;            // "import", "from", "use", "mod", "extern_crate", ...
  std::uint32_t level = 0;     // python relative import dots (`from ..m import y` = 2)
  bool type_only = false;      // python: under `if TYPE_CHECKING:`
  bool in_function = false;    // python: inside a def (still an edge; shown by `hie deps -v`)

  friend bool operator==(const ImportFact&, const ImportFact&) = default;
};

// One declared symbol. Kinds per language (STDLIB.md): python "function", "class", "method", "call", ...;
// rust "function", "struct", "enum", "trait", "impl", "module", "const", "derive", "test", ... Language
// libraries may add kinds for their older functions (documented with the library).
struct SymbolFact {
  std::string kind;
  std::string name;            // the declared name ("parse", "Parser"); for a rust impl: the type
  std::string detail;          // kind-specific: return type, implemented trait, the type a derive applies to, ...
  std::uint32_t line = 0;      // 1-based
  bool documented = false;     // has a doc comment / docstring

  friend bool operator==(const SymbolFact&, const SymbolFact&) = default;
};

struct FileFacts {
  std::string language;  // "python", "rust"
  std::vector<ImportFact> imports;  // in source order
  std::vector<SymbolFact> symbols;  // in source order
  // Problems met while reading the file (not valid UTF-8, unterminated string, ...): reported once as warnings.
  std::vector<std::string> warnings;

  friend bool operator==(const FileFacts&, const FileFacts&) = default;
};

}  // namespace hie::graph
