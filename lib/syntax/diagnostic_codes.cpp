#include "syntax/diagnostic_codes.h"

#include <array>
#include <cctype>

namespace hie::syntax {
namespace {

// Keep sorted by code. Codes E001-E016 keep the older tool's meanings; E020-E049 are lexical and syntax
// errors added by hie; E050-E099 validation; E100+ library and runtime (see docs/diagnostics.md).
constexpr std::array kCodes = {
    DiagnosticCodeInfo{"E001", "unexpected token at the top level",
                       "Only `import` (before anything else), `element`, `pattern`/`template` and `language` may "
                       "start a top-level statement.\n\n    elemnt shop { }   # typo: did you mean 'element'?"},
    DiagnosticCodeInfo{"E002", "unexpected token in an element or pattern body",
                       "An element body holds `scope`, `ref`, `check`, `element`, `uses` statements and V1 "
                       "bindings; a pattern body also holds `requires`/`allows`/`forbids`."},
    DiagnosticCodeInfo{"E003", "expected an expression",
                       "A value was expected: a name, a dotted path, a call such as `files.folder_selector('src')`, "
                       "a string, a number, `true`/`false` or a list `[a, b]`."},
    DiagnosticCodeInfo{"E004", "expected a name",
                       "A name (identifier) was expected here, for example after `element`, `scope` or `pattern`. "
                       "Names start with a letter or `_` and contain letters, digits and `_`."},
    DiagnosticCodeInfo{"E007", "expected a specific token",
                       "The statement is missing a token, for example `)` closing a call or `:` before a ref's "
                       "type: `ref port: integer = 8080`."},
    DiagnosticCodeInfo{"E008", "expected the end of the statement",
                       "Each statement ends at the end of its line (or at the `}` closing its block). Something "
                       "else followed the statement on the same line."},
    DiagnosticCodeInfo{"E011", "invalid requirement",
                       "After `requires`, `allows` or `forbids` (and optionally `descendant`) comes `scope`, `ref`, "
                       "`check`, `element`, `implements`, `connection` or `language`."},
    DiagnosticCodeInfo{"E012", "requirement outside a pattern",
                       "`requires`, `allows` and `forbids` are only allowed in patterns. Define a pattern with the "
                       "constraint and have the element implement it:\n\n    pattern layered { forbids "
                       "connection to db }\n    element api implements layered { ... }"},
    DiagnosticCodeInfo{"E013", "unexpected token in a language body",
                       "A `language` block holds only `connection_check name(p: scope[], ...): expr` statements."},
    DiagnosticCodeInfo{"E014", "unbounded scope outside a pattern",
                       "A scope without `= expression` declares a slot to be bound; that only makes sense in a "
                       "pattern. In an element, give it a value: `scope src = files.folder_selector('src')`."},
    DiagnosticCodeInfo{"E015", "ref without a type or value outside a pattern",
                       "A ref needs a type (`ref port: integer = 8080`), and outside patterns it needs a value."},
    DiagnosticCodeInfo{"E016", "expected a name before 'uses'",
                       "A uses statement is `SCOPE uses ELEMENT.PATH`, e.g. `src uses core.lexer`."},
    DiagnosticCodeInfo{"E020", "invalid UTF-8",
                       "Spec files must be UTF-8. The diagnostic points at the first byte that is not valid UTF-8."},
    DiagnosticCodeInfo{"E021", "invalid escape sequence",
                       "Strings accept the escapes \\n \\t \\r \\\\ \\' \\\" \\0 and \\u{XXXX} (a Unicode code "
                       "point in hex). Write \\\\ for a literal backslash."},
    DiagnosticCodeInfo{"E022", "unterminated string",
                       "A string opened with ' or \" was never closed. The diagnostic points at the opening quote."},
    DiagnosticCodeInfo{"E023", "number out of range",
                       "Integers must fit in a signed 64-bit integer (-9223372036854775808 to 9223372036854775807)."},
    DiagnosticCodeInfo{"E024", "unexpected character",
                       "A character that cannot start any token appeared outside strings and comments, e.g. `!`, "
                       "`;` or `-` not followed by a digit. The older tool dropped such characters silently."},
    DiagnosticCodeInfo{"E025", "inconsistent indentation",
                       "In an indentation block (`:` then deeper lines), a line dedented to a column that matches "
                       "no enclosing block. Align it with the block it belongs to."},
    DiagnosticCodeInfo{"E026", "unclosed block",
                       "A `{` is never closed by a matching `}` before the end of the file. The diagnostic points "
                       "at the `{`."},
    DiagnosticCodeInfo{"E027", "unclosed bracket",
                       "A `(` or `[` is never closed before the end of the file."},
    DiagnosticCodeInfo{"E028", "unmatched closing bracket",
                       "A `}`, `)` or `]` appears with no matching opening bracket."},
    DiagnosticCodeInfo{"E029", "import after the first item",
                       "Imports must come before the first element, pattern or language declaration. Move the "
                       "import to the top of the file."},
    DiagnosticCodeInfo{"E030", "expected an indented block",
                       "A `:` at the end of a header opens an indentation block: the next line must be indented "
                       "deeper than the header. Use `{ }` for an empty block."},
};

}  // namespace

std::span<const DiagnosticCodeInfo> diagnostic_codes() { return kCodes; }

const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code) {
  for (const auto& info : kCodes) {
    if (info.code.size() != code.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(code[i])) != info.code[i]) same = false;
    }
    if (same) return &info;
  }
  return nullptr;
}

}  // namespace hie::syntax
