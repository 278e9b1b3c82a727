// What the python library knows about one Python file: its imports and its declarations and calls, read from the
// token stream of python_tokenizer (so nothing in comments or strings counts).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/file_facts.h"

namespace hie::stdlib::python {

// Symbol kinds recorded by extract_python_facts.
inline constexpr std::string_view kFunction = "function";  // a `def` outside a class body (module level or nested)
inline constexpr std::string_view kMethod = "method";      // a `def` directly in a class body
inline constexpr std::string_view kClass = "class";
// A call `a.b.c(...)`: name = the dotted callee as written (`a.b.c`); calls on other expressions keep the dotted
// tail (`x().y(...)` is `y`). Decorators with arguments and class instantiations are calls too.
inline constexpr std::string_view kCall = "call";

// Imports (one fact per imported name: kind "import" or "from"; `level` = leading dots; `in_function` inside a def;
// `type_only` under `if TYPE_CHECKING:` / `if <module>.TYPE_CHECKING:`), symbols (functions and methods with their
// return annotation in `detail`, normalized by normalize_annotation; classes; calls) and tokenizer warnings.
graph::FileFacts extract_python_facts(std::string_view source);

// The atoms of a type annotation as written in Python (`Optional["User"]` -> `Optional`, `[`, `User`, `]`): its
// tokens, with the contents of string annotations tokenized in place of the strings.
std::vector<std::string> annotation_atoms(std::string_view annotation);

// The canonical text of an annotation: atoms joined with a space between words, after commas and around `|`
// (`dict[str, int] | None`).
std::string normalize_annotation(std::string_view annotation);

// Whether `annotation` mentions `type` as whole atoms: `Optional[User]` mentions `User` and `Optional[User]`, never
// `Use` (the older tool compared substrings).
bool annotation_mentions(std::string_view annotation, std::string_view type);

// Whether the dotted call `callee` involves `target` as whole segments: `requests.get` involves `requests`,
// `get` and `requests.get`; `self.parser.parse` involves `parser` and `parser.parse`, never `pars`.
bool call_involves(std::string_view callee, std::string_view target);

}  // namespace hie::stdlib::python
