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
    DiagnosticCodeInfo{"E027", "unclosed bracket", "A `(` or `[` is never closed before the end of the file."},
    DiagnosticCodeInfo{"E028", "unmatched closing bracket",
                       "A `}`, `)` or `]` appears with no matching opening bracket."},
    DiagnosticCodeInfo{"E029", "import after the first item",
                       "Imports must come before the first element, pattern or language declaration. Move the "
                       "import to the top of the file."},
    DiagnosticCodeInfo{"E030", "expected an indented block",
                       "A `:` at the end of a header opens an indentation block: the next line must be indented "
                       "deeper than the header. Use `{ }` for an empty block."},
    DiagnosticCodeInfo{"E031", "nesting too deep",
                       "Blocks (elements inside elements) and expressions (calls and lists inside each other, or "
                       "long `a.b.c...` chains) nest at most 256 levels deep. The deeper part is skipped; flatten "
                       "the structure, for example by moving nested elements into patterns."},
    DiagnosticCodeInfo{"E050", "undefined name",
                       "A name in an expression does not resolve. Names are looked up in the current element (its scopes, refs and child elements), then in each enclosing element, then among top-level elements, then among imported libraries. Inside patterns, the pattern's own members come first.\n\n    check files.exists(srcc, 'README.md')   # did you mean 'src'?"},
    DiagnosticCodeInfo{"E051", "duplicate name",
                       "Two siblings, two scopes/refs of one element, or two top-level items (elements, patterns, languages, in any loaded file) have the same name; or a pattern member is bound twice. Element paths must be unique; rename one of them."},
    DiagnosticCodeInfo{"E052", "unknown pattern",
                       "`implements P` (or `requires element x implements P`) names a pattern that no loaded spec declares. Declare it, or import the file that does: `import 'patterns.hie'`."},
    DiagnosticCodeInfo{"E053", "missing pattern binding",
                       "An element implements a pattern but does not bind a member that a pattern check, requirement or connection rule needs, and the member has no default.\n\n    element svc implements layered {\n        scope api_mod binds layered.api.module = files.folder_selector('api')\n    }"},
    DiagnosticCodeInfo{"E054", "binding to a member that does not exist",
                       "`binds P.a.m` or `P.a.m = expr` names a pattern, pattern element or member that does not exist (or a pattern the element does not implement)."},
    DiagnosticCodeInfo{"E055", "unknown library function",
                       "The library has no selector or check of that name, or a selector is used as a check (or the reverse). Checks run in `check lib.fn(...)`; selectors compute values inside expressions. `hie doc` lists every function."},
    DiagnosticCodeInfo{"E056", "wrong number of arguments",
                       "A library function is called with a number of arguments that none of its signatures accepts; the message shows the expected signatures. Also: a connection_check with other than one or two parameters."},
    DiagnosticCodeInfo{"E057", "wrong argument type",
                       "An argument's type does not match the function's signature (a string where a scope is expected: select files first with `files.file_selector('x')`), or a `binds` mismatches the pattern member (scope vs ref, language, ref type)."},
    DiagnosticCodeInfo{"E058", "cycle between scopes and refs",
                       "A scope or ref depends on itself, directly or through others (`scope a = f(b)`, `scope b = g(a)`). The message names the cycle; checks that need these scopes report it as an error."},
    DiagnosticCodeInfo{"E059", "pattern composition cycle",
                       "A pattern contains (directly or through other patterns) an element that implements the pattern itself, which would make its instances infinite."},
    DiagnosticCodeInfo{"E060", "import cycle",
                       "Spec files import each other in a cycle (`a.hie` imports `b.hie`, which imports `a.hie`). Move the shared patterns into a third file that both import."},
    DiagnosticCodeInfo{"E061", "plugin named like a built-in library",
                       "A library in hielements.toml has the name of a built-in (`files`, `python`, `rust`, ...). It is not loaded and every use of the name reports this error, so that a spec never silently runs the wrong library. Rename the plugin, or write `override = true` in its entry to replace the built-in on purpose."},
    DiagnosticCodeInfo{"E062", "spec file cannot be read",
                       "A spec file named on the command line, or imported with `import 'x.hie'`, does not exist or cannot be read. Imports are relative to the importing file's directory."},
    DiagnosticCodeInfo{"E070", "invalid TOML in the configuration file",
                       "`hielements.toml` is not valid TOML. The diagnostic points where the TOML parser stopped, "
                       "for example a value missing after `=` or a key defined twice:\n\n    [check]\n    jobs "
                       "=        # give a value: jobs = 4"},
    DiagnosticCodeInfo{"E071", "unknown key in the configuration file",
                       "`hielements.toml` accepts the sections [check] (specs, jobs, timeout), [workspace] "
                       "(exclude, gitignore), [connections] (unowned, strict_uses), [libraries] and [plugins]. Any "
                       "other key is an error, so that a typo never silently does nothing:\n\n    [workspace]\n    "
                       "exlude = [\"build/**\"]   # typo: exclude"},
    DiagnosticCodeInfo{"E072", "wrong type or value in the configuration file",
                       "A known key has a value of the wrong type or out of range, e.g. `jobs = \"4\"` (must be an "
                       "integer, 0 or more), `gitignore = \"yes\"` (must be true or false), `unowned = \"deny\"` "
                       "(must be \"allow\" or \"forbid\"), or an invalid glob in `[workspace] exclude`."},
    DiagnosticCodeInfo{"E073", "configuration file cannot be read",
                       "The configuration file given with --config, or found by walking up from the spec's "
                       "directory, exists but could not be read (permissions, or it is a directory)."},
    DiagnosticCodeInfo{"E080", "malformed baseline file",
                       "The file given with `hie check --baseline FILE` is not a baseline: not JSON, a \"schema\" other "
                       "than \"hie.baseline/1\", or an entry without a fingerprint, element or check. The position "
                       "points at the problem. Nothing was evaluated; regenerate the file with "
                       "`hie check --update-baseline`."},
    DiagnosticCodeInfo{"E081", "baseline file cannot be read",
                       "`hie check --baseline FILE` names a file that does not exist or cannot be read. Create it "
                       "with `hie check --update-baseline --baseline FILE`."},
    DiagnosticCodeInfo{"E100", "files.file_selector needs a string path",
                       "`files.file_selector(path)` takes one string, a path relative to the workspace root:\n\n    "
                       "scope main = files.file_selector('src/main.rs')"},
    DiagnosticCodeInfo{"E101", "files.folder_selector needs a string path",
                       "`files.folder_selector(path)` takes one string, a folder relative to the workspace root "
                       "('.' for all of it):\n\n    scope src = files.folder_selector('src')"},
    DiagnosticCodeInfo{"E102", "files.glob_selector needs a string pattern",
                       "`files.glob_selector(pattern)` takes one string, a glob relative to the workspace "
                       "root:\n\n    scope rs = files.glob_selector('**/*.rs')"},
    DiagnosticCodeInfo{"E103", "wrong arguments to a files function",
                       "A files function was called with too many arguments, too few, or an argument of the wrong "
                       "type where no older code applies (e.g. `files.count_at_most(src, 'ten')`, or a negative "
                       "count). The message shows the expected signature."},
    DiagnosticCodeInfo{"E104", "path outside the workspace",
                       "Paths given to the files library are relative to the workspace root and may not leave it: "
                       "`files.folder_selector('../other')` and `files.file_selector('/etc/hosts')` are errors. Use "
                       "-w to choose another workspace root."},
    DiagnosticCodeInfo{"E105", "invalid glob pattern",
                       "A glob given to the files library does not compile: an unclosed `[`, `**` not forming a "
                       "whole path segment (`src/**.rs`; write `src/**/*.rs`), a leading `/`, or a `..` segment. "
                       "The older tool silently matched nothing."},
    DiagnosticCodeInfo{"E106", "invalid regular expression",
                       "The regular expression given to `files.contains_text` or `files.no_text` is not valid "
                       "ECMAScript syntax, e.g. an unclosed `(` or `[`. Escape special characters with a backslash: "
                       "'foo\\\\(' matches `foo(`."},
    DiagnosticCodeInfo{"E107", "file could not be read or searched",
                       "A check needed a file's contents or size but the file could not be read, is not UTF-8 text, "
                       "or has a line too long to search. Narrow the scope, e.g. `files.filter(src, '**/*.py')`, so "
                       "that it selects text files only."},
    DiagnosticCodeInfo{"E110", "files.exists needs a scope as first argument",
                       "The first argument of `files.exists(scope, name)` must be a scope, not a string:\n\n    "
                       "check files.exists(files.folder_selector('.'), 'Dockerfile')"},
    DiagnosticCodeInfo{"E111", "files.exists needs a file name as second argument",
                       "The second argument of `files.exists(scope, name)` must be a string: `files.exists(src, "
                       "'main.rs')`."},
    DiagnosticCodeInfo{"E112", "files.contains needs a scope as first argument",
                       "The first argument of `files.contains(scope, name)` must be a scope: `files.contains(docs, "
                       "'README.md')`."},
    DiagnosticCodeInfo{"E113", "files.contains needs a file name as second argument",
                       "The second argument of `files.contains(scope, name)` must be a string: "
                       "`files.contains(docs, 'README.md')`."},
    DiagnosticCodeInfo{"E114", "files.no_files_matching needs a scope as first argument",
                       "The first argument of `files.no_files_matching(scope, pattern)` must be a scope: "
                       "`files.no_files_matching(src, '**/*.pyc')`."},
    DiagnosticCodeInfo{"E115", "files.no_files_matching needs a pattern as second argument",
                       "The second argument of `files.no_files_matching(scope, pattern)` must be a glob string: "
                       "`files.no_files_matching(src, '**/*.pyc')`."},
    DiagnosticCodeInfo{"E116", "files.max_size needs a scope as first argument",
                       "The first argument of `files.max_size(scope, bytes)` must be a scope: "
                       "`files.max_size(assets, 1048576)`."},
    DiagnosticCodeInfo{"E117", "files.max_size needs a number of bytes as second argument",
                       "The second argument of `files.max_size(scope, bytes)` must be a number, 0 or more: "
                       "`files.max_size(assets, 1048576)`."},
    DiagnosticCodeInfo{"E199", "unknown files function",
                       "The files library has no selector or check of that name. Selectors: file_selector, "
                       "folder_selector, glob_selector, union, intersect, exclude, filter. Checks: exists, "
                       "contains, no_files_matching, max_size, is_empty, not_empty, count_at_most, contains_text, "
                       "no_text, max_lines. Selectors and checks are separate: a selector cannot be used in a "
                       "`check` statement."},
    DiagnosticCodeInfo{"E201", "member of a computed value",
                       "`f(x).y`: only elements and pattern instances have members; a call's result has none."},
    DiagnosticCodeInfo{"E203", "unknown library at run time",
                       "A check uses a library that is not registered (the older tool's `Unknown library: X`), or one that failed to load. Configure plugins in hielements.toml [libraries]."},
    DiagnosticCodeInfo{"E204", "check is not a function call",
                       "A `check` statement (or a connection_check body) must be a library check call: `check files.exists(src, 'README.md')`."},
    DiagnosticCodeInfo{"E205", "callee is not library.function",
                       "Only library functions can be called: `library.function(arguments)`, or a function imported with `from library import function`. Element and pattern members cannot be called."},
    DiagnosticCodeInfo{"E206", "value does not match its declaration",
                       "A scope's value does not select files (e.g. a selector returned a string), or a ref typed `integer`, `float`, `string`, `boolean`, `scope` or `list` holds a value of another type. Every check that uses it reports this error."},
    DiagnosticCodeInfo{"E207", "no dependency information",
                       "A connection rule or `uses` needs the dependencies of source files that no language library covers yet. The result is an error naming those files, never a silent pass."},
    DiagnosticCodeInfo{"E300", "rust.crate_selector needs a crate name",
                       "`rust.crate_selector(name)` takes one string, the package name of a Cargo.toml (`-` and `_` are the same): `rust.crate_selector('my-crate')`."},
    DiagnosticCodeInfo{"E302", "rust.struct_selector needs a struct name",
                       "`rust.struct_selector([scope,] name)` takes a struct name, optionally after a scope to search: `rust.struct_selector(src, 'Config')`."},
    DiagnosticCodeInfo{"E303", "rust.enum_selector needs an enum name",
                       "`rust.enum_selector([scope,] name)` takes an enum name, optionally after a scope to search."},
    DiagnosticCodeInfo{"E304", "rust.function_selector needs a function name",
                       "`rust.function_selector([scope,] name)` takes a function name, optionally after a scope to search."},
    DiagnosticCodeInfo{"E305", "rust.trait_selector needs a trait name",
                       "`rust.trait_selector([scope,] name)` takes a trait name, optionally after a scope to search."},
    DiagnosticCodeInfo{"E306", "rust.impl_selector needs a type name",
                       "`rust.impl_selector([scope,] name)` takes the name of the type the impl block is for, optionally after a scope to search."},
    DiagnosticCodeInfo{"E307", "wrong arguments to a rust function",
                       "The call does not match any signature of the function; the message shows the signatures expected and the argument types given (see `hie doc -l rust`)."},
    DiagnosticCodeInfo{"E308", "unusable argument to a rust function",
                       "An argument has the right type but cannot be used: an invalid module path (`a.b`, `crate::`), an unknown symbol kind, an empty layer list; or a dependency/type check whose scopes give it nothing to work with (`Source scope has no paths`, `Could not determine target module names`, `Could not determine output type`)."},
    DiagnosticCodeInfo{"E310", "rust.struct_exists needs a struct name",
                       "`rust.struct_exists([scope,] name)`: the name is a string, optionally after a scope."},
    DiagnosticCodeInfo{"E311", "rust.enum_exists needs an enum name",
                       "`rust.enum_exists([scope,] name)`: the name is a string, optionally after a scope."},
    DiagnosticCodeInfo{"E312", "rust.function_exists needs a function name",
                       "`rust.function_exists([scope,] name)`: the name is a string, optionally after a scope (`rust.function_exists(module, 'main')`)."},
    DiagnosticCodeInfo{"E313", "rust.trait_exists needs a trait name",
                       "`rust.trait_exists([scope,] name)`: the name is a string, optionally after a scope."},
    DiagnosticCodeInfo{"E314", "rust.impl_exists needs a type name",
                       "`rust.impl_exists([scope,] name)`: the type name is a string, optionally after a scope."},
    DiagnosticCodeInfo{"E315", "rust.implements needs a type name",
                       "`rust.implements([scope,] type, trait)`: the type is a string."},
    DiagnosticCodeInfo{"E316", "rust.implements needs a trait name",
                       "`rust.implements([scope,] type, trait)`: the trait is a string."},
    DiagnosticCodeInfo{"E317", "rust.uses needs a scope as first argument",
                       "`rust.uses(scope, module)`: the first argument selects the files to search."},
    DiagnosticCodeInfo{"E318", "rust.uses needs a module name",
                       "`rust.uses(scope, module)`: the module is a string such as `'crate::db'` or `'serde'`."},
    DiagnosticCodeInfo{"E319", "rust.has_derive needs a scope as first argument",
                       "`rust.has_derive(scope, derive)`: the first argument selects the files to search."},
    DiagnosticCodeInfo{"E320", "rust.has_derive needs a derive name",
                       "`rust.has_derive(scope, derive)`: the derived trait is a string such as `'Debug'`."},
    DiagnosticCodeInfo{"E321", "rust.has_docs needs a scope",
                       "`rust.has_docs(scope)` takes the scope to search."},
    DiagnosticCodeInfo{"E322", "rust.has_tests needs a scope",
                       "`rust.has_tests(scope)` takes the scope to search."},
    DiagnosticCodeInfo{"E323", "rust.depends_on needs a scope as first argument",
                       "`rust.depends_on(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E324", "rust.depends_on needs a scope as second argument",
                       "`rust.depends_on(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E325", "rust.no_dependency needs a scope as first argument",
                       "`rust.no_dependency(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E326", "rust.no_dependency needs a scope as second argument",
                       "`rust.no_dependency(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E327", "rust.pipeline_connects needs a scope as first argument",
                       "`rust.pipeline_connects(output, input)` takes two scopes."},
    DiagnosticCodeInfo{"E328", "rust.pipeline_connects needs a scope as second argument",
                       "`rust.pipeline_connects(output, input)` takes two scopes."},
    DiagnosticCodeInfo{"E329", "rust.type_compatible needs a scope as first argument",
                       "`rust.type_compatible(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E330", "rust.type_compatible needs a scope as second argument",
                       "`rust.type_compatible(a, b)` takes two scopes."},
    DiagnosticCodeInfo{"E399", "unknown rust function",
                       "The `rust` library has no function of that name (or it is a check used as a selector, or the reverse). `hie doc -l rust` lists them."},
    DiagnosticCodeInfo{"E400", "python.module_selector needs a module name",
                       "`python.module_selector(name)` takes one string, a dotted module name: `python.module_selector('payments.service')`."},
    DiagnosticCodeInfo{"E401", "python.function_selector needs a function name",
                       "`python.function_selector([scope,] name)` takes a function name, optionally after a scope: `python.function_selector('parse')`."},
    DiagnosticCodeInfo{"E402", "python.class_selector needs a class name",
                       "`python.class_selector([scope,] name)` takes a class name, optionally after a scope: `python.class_selector('User')`."},
    DiagnosticCodeInfo{"E403", "wrong arguments to a python function",
                       "A python function was called with the wrong number or types of arguments where the older tool had no code of its own. The message shows the expected signature; `hie doc --library python` lists them all."},
    DiagnosticCodeInfo{"E404", "unusable argument to a python function",
                       "An argument has the right type but cannot be used: a module name that is not identifiers separated by dots (`'app..core'`), an empty list of layers, a list item that is not a scope, or an unknown symbol kind."},
    DiagnosticCodeInfo{"E410", "python.imports needs a scope as first argument",
                       "`python.imports(scope, module)`: the first argument must be a scope, e.g. `python.imports(api, 'requests')`."},
    DiagnosticCodeInfo{"E411", "python.imports needs a module name as second argument",
                       "`python.imports(scope, module)`: the second argument must be a string, the module or package name."},
    DiagnosticCodeInfo{"E412", "python.no_import needs a scope as first argument",
                       "`python.no_import(scope, module)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E413", "python.no_import needs a module name as second argument",
                       "`python.no_import(scope, module)`: the second argument must be a string, the module or package name."},
    DiagnosticCodeInfo{"E414", "python.returns_type needs a scope as first argument",
                       "`python.returns_type(scope, type)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E415", "python.returns_type needs a type name as second argument",
                       "`python.returns_type(scope, type)`: the second argument must be a string, e.g. `'Response'`."},
    DiagnosticCodeInfo{"E416", "python.function_returns_type needs a scope as first argument",
                       "`python.function_returns_type(scope, function, type)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E417", "python.function_returns_type needs a function name as second argument",
                       "`python.function_returns_type(scope, function, type)`: the second argument must be a string, the function's name."},
    DiagnosticCodeInfo{"E418", "python.function_returns_type needs a type name as third argument",
                       "`python.function_returns_type(scope, function, type)`: the third argument must be a string, the expected return type."},
    DiagnosticCodeInfo{"E419", "python.calls needs a scope as first argument",
                       "`python.calls(scope, target)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E420", "python.calls needs a target name as second argument",
                       "`python.calls(scope, target)`: the second argument must be a string, the called name (`'validate'`, `'logger'`, `'requests.get'`)."},
    DiagnosticCodeInfo{"E421", "python.calls_function needs a scope as first argument",
                       "`python.calls_function(scope, module, function)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E422", "python.calls_function needs a module name as second argument",
                       "`python.calls_function(scope, module, function)`: the second argument must be a string, the module or object name."},
    DiagnosticCodeInfo{"E423", "python.calls_function needs a function name as third argument",
                       "`python.calls_function(scope, module, function)`: the third argument must be a string, the function or method name."},
    DiagnosticCodeInfo{"E424", "python.calls_scope needs a source scope as first argument",
                       "`python.calls_scope(source, target)`: the first argument must be a scope."},
    DiagnosticCodeInfo{"E425", "python.calls_scope needs a target scope as second argument",
                       "`python.calls_scope(source, target)`: the second argument must be a scope."},
    DiagnosticCodeInfo{"E499", "unknown python function",
                       "The python library has no selector or check of that name. `hie doc --library python` lists every function. Selectors and checks are separate: a selector cannot be used in a `check` statement."},
    DiagnosticCodeInfo{"E500", "a process plugin could not be started",
                       "The executable of an external library could not be run: it does not exist, is not executable, "
                       "or the working directory is missing. The library is disabled for the run. Check `executable` "
                       "and `args` in hielements.toml (relative paths are relative to that file)."},
    DiagnosticCodeInfo{"E506", "a process plugin sent a malformed error reply",
                       "A JSON-RPC `error` must be an object with an integer `code` and a string `message`: "
                       "`{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"...\"},\"id\":3}`."},
    DiagnosticCodeInfo{
        "E507", "a plugin returned no result",
        "The plugin's response had no `result` (or, for a check, a `null` one). Return a value from selectors and a "
        "check result such as `{\"Pass\":null}` or `{\"Fail\":\"message\"}` from checks."},
    DiagnosticCodeInfo{"E508", "a plugin returned something that is not a value",
                       "Selector results use the tagged forms `{\"String\":...}`, `{\"Int\":...}`, `{\"Float\":...}`, "
                       "`{\"Bool\":...}`, `{\"List\":[...]}`, `{\"Scope\":{...}}` or raw JSON values. Scope paths must "
                       "be relative to the workspace and stay inside it. See docs/plugins-process.md."},
    DiagnosticCodeInfo{
        "E509", "a plugin returned something that is not a check result",
        "Check results are `{\"Pass\":null}`, `{\"Fail\":\"message\"}`, `{\"Error\":\"message\"}`, "
        "`{\"result\":\"pass|fail|error\",\"message\":\"...\"}` or the strings pass/ok/true/fail/false, optionally "
        "with `\"evidence\":[{\"file\":\"a.py\",\"line\":3}]`. Raw booleans and numbers are not check results."},
    DiagnosticCodeInfo{"E510", "invalid value in a library entry",
                       "A key of a `[libraries]` entry has the wrong type or value: `args` must be an array of strings, `limits` values positive integers, `sha256` 64 hexadecimal digits, `type` \"wasm\" or \"external\", `config` values strings (numbers and booleans are passed as text). Only that library is disabled; every use of it reports this error."},
    DiagnosticCodeInfo{"E511", "unknown key in a library entry",
                       "A `[libraries]` entry (or its `limits`/`capabilities` table, or `[plugins]`) has a key hie does not know, often a typo: `executabel = \"python3\"`. The message names the library and the key and lists the accepted keys. Only that library is disabled."},
    DiagnosticCodeInfo{"E512", "cannot infer library type",
                       "A `[libraries]` entry has neither `type`, nor `executable`, nor `path`: `{ args = [\"p.py\"] }`. Write `executable = \"python3\"` for a process plugin or `path = \"plugin.wasm\"` for a WASM plugin."},
    DiagnosticCodeInfo{"E513", "external library without a program",
                       "An entry with `type = \"external\"` has no `executable` (or `path`) naming the program to start: add `executable = \"python3\", args = [\"plugins/p.py\"]`."},
    DiagnosticCodeInfo{"E514", "WASM library without a path",
                       "An entry with `type = \"wasm\"` has no `path` to its .wasm file: add `path = \"plugins/name.wasm\"`."},
    DiagnosticCodeInfo{"E515", "plugin file or directory not found",
                       "The .wasm file, the executable (when written as a path) or the `[plugins] dir` does not exist. Relative paths are resolved against the directory of hielements.toml, not the current directory; the message shows the resolved path."},
    DiagnosticCodeInfo{"E516", "plugin file does not match its sha256 pin",
                       "The entry's `sha256` differs from the digest of the file on disk (the .wasm file; for a process plugin the executable, or the first argument naming a file, such as the script). The message shows both digests. The library is not loaded: if the new file is trusted, put its digest (`sha256sum FILE`) in the entry."},
    DiagnosticCodeInfo{"E517", "write access refused",
                       "`capabilities.fs = \"write\"` is refused: checks never modify the workspace. Use `fs = \"read\"`; a tool that must write files is not a check and runs outside hie."},
    DiagnosticCodeInfo{"E518", "library name is not an identifier",
                       "A library name must be usable in a spec (`name.function(...)`): letters, digits and `_`, not starting with a digit. `my-lint = {...}` or a `[plugins] dir` file `my-lint.wasm` cannot be called; rename it (`my_lint`)."},
    DiagnosticCodeInfo{
        "E520", "a process plugin did not answer in time",
        "The plugin took longer than the timeout (`limits.timeout_ms`, default 30 s; `--timeout`). Its process group "
        "was killed and it is restarted for the next request. The message shows its last stderr lines."},
    DiagnosticCodeInfo{"E521", "a process plugin exited or closed its pipes",
                       "The plugin process ended (crashed, or exited) while hie waited for an answer. The message "
                       "shows its exit status and last stderr lines. It is restarted for the next request."},
    DiagnosticCodeInfo{"E522", "a plugin message larger than 64 MiB",
                       "Messages between hie and a process plugin are limited to 64 MiB per line. A plugin that sends "
                       "more is killed and restarted; a request that large is not sent."},
    DiagnosticCodeInfo{"E523", "a process plugin was disabled after too many restarts",
                       "A plugin that timed out or crashed again after 3 restarts in one run is disabled: every later "
                       "use of it reports this error with the last failure."},
    DiagnosticCodeInfo{
        "E524", "invalid plugin self-description",
        "The answer to `library.doc` does not describe the library: it needs `functions` with a `name` each, a `kind` "
        "of selector or check, and parameter types scope, string, integer, number, boolean, list or any."},
    DiagnosticCodeInfo{"E600", "a WASM plugin file cannot be read",
                       "The `.wasm` file of a `[libraries]` entry does not exist, is not readable, or is larger than 256 MiB. Paths are relative to hielements.toml."},
    DiagnosticCodeInfo{"E601", "a WASM plugin does not match its sha256 pin",
                       "The file's SHA-256 differs from `sha256 = \"…\"` in hielements.toml: it was rebuilt or replaced. Update the pin (`sha256sum plugin.wasm`) if the change is intended."},
    DiagnosticCodeInfo{"E602", "not a valid WebAssembly module",
                       "The file could not be decoded or failed validation (core WebAssembly with the bulk-memory, reference-types, multi-value, SIMD, sign-extension and saturating-conversion features). The message names the first problem and its byte offset."},
    DiagnosticCodeInfo{"E603", "a WASM plugin imports something the host does not provide",
                       "A plugin may import only the functions of module `hie` (log, config_get, read_file, list_dir, host_call) and WASI preview1, with their documented signatures. Imported memories, tables and globals are refused: the module must define its own. See docs/plugins-wasm.md."},
    DiagnosticCodeInfo{"E604", "a WASM plugin declares more than its limits allow",
                       "Its initial memory exceeds `limits.memory_mb`, a table starts with more entries than the cap (1024 per MiB of memory_mb), or a function declares more than 50000 locals. Raise `memory_mb` or shrink the module."},
    DiagnosticCodeInfo{"E605", "a WASM plugin does not follow ABI v1",
                       "A required export is missing or has the wrong type (`memory`, `hie_abi_version`, `alloc`, `dealloc`, and `library_call` or `library_check`), or `hie_abi_version()` did not return 1."},
    DiagnosticCodeInfo{"E606", "a WASM plugin failed to initialise",
                       "Instantiation failed (a data or element segment out of range) or the start function / `_initialize` trapped or hit a limit. The library is disabled for the run."},
    DiagnosticCodeInfo{"E610", "a WASM plugin trapped",
                       "The call hit a wasm trap (`wasm trap: integer divide by zero in library_check`): unreachable, out-of-bounds memory access, bad indirect call, … The instance is discarded and a fresh one serves the next call."},
    DiagnosticCodeInfo{"E611", "a WASM plugin ran out of fuel",
                       "The call executed more instructions than `limits.fuel` (default 1e9). The instance is discarded; raise the limit if the plugin legitimately needs more."},
    DiagnosticCodeInfo{"E612", "a WASM plugin timed out",
                       "The call ran longer than `limits.timeout_ms` (default 5000 for wasm). The instance is discarded and re-created for the next call."},
    DiagnosticCodeInfo{"E613", "a WASM plugin nested calls too deeply",
                       "The call stack grew beyond `limits.max_call_depth` (default 1000, never more than the interpreter's own capacity): usually unbounded recursion."},
    DiagnosticCodeInfo{"E614", "a WASM plugin exhausted the value stack",
                       "Locals and operands of the active calls exceeded 1M values (16 MiB): deep recursion of functions with many locals."},
    DiagnosticCodeInfo{"E615", "a WASM plugin handed the host a pointer outside its memory",
                       "A result (ptr << 32 | len), a block returned by `alloc`, or a buffer passed to a `hie.*` host function lies outside the module's linear memory."},
    DiagnosticCodeInfo{"E616", "a WASM plugin returned something that is not JSON",
                       "`library_call`, `library_check` and `library_describe` must return JSON text (PLUGINS.md §2); the message shows the start of what was returned."},
    DiagnosticCodeInfo{"E617", "a WASM plugin called proc_exit",
                       "WASI `proc_exit` ends the call without a result, whatever the exit code; the instance is discarded. Return a check result instead of exiting."},
    DiagnosticCodeInfo{"E700", "wrong arguments to an arch function",
                       "An `arch` check was called with the wrong number or types of arguments; the message shows the expected signature, e.g. `arch.layers(layers: list)`."},
    DiagnosticCodeInfo{"E701", "invalid argument to an arch function",
                       "An `arch` list argument holds something that is not a scope (`arch.layers([api, 'core'])`), or the list of layers is empty."},
    DiagnosticCodeInfo{"E799", "unknown arch function",
                       "`arch` offers the checks depends_on, no_dependency, no_cycles, layers and only_depends_on (and no selectors); `hie doc --library arch` lists them."},
    DiagnosticCodeInfo{"I001", "library checked at run time",
                       "A library (typically a process plugin that does not answer `library.doc`) does not describe itself, so `validate` cannot check its function names and arguments; they are checked when the checks run."},
    DiagnosticCodeInfo{"W001", "unknown library import",
                       "`import x` names a library that no built-in or configured plugin provides. Checks that use it fail at run time with an error result."},
    DiagnosticCodeInfo{"W002", "library used without import",
                       "A registered library is used without `import`. It still works (the older tool made every library global), but add `import x` at the top of the file."},
    DiagnosticCodeInfo{"W010", "empty scope",
                       "With `--strict`, a scope that selected no file. An empty scope is a valid value; checks decide what emptiness means."},
    DiagnosticCodeInfo{"W011", "scope language mismatch",
                       "A scope annotated `<lang>` was given a scope of another known language by its selector. The annotation wins."},
    DiagnosticCodeInfo{"W053", "unused unbound pattern members",
                       "An element implements a pattern but binds neither these members nor anything that uses them. Bind them, or remove them from the pattern."},
    DiagnosticCodeInfo{"W054", "documentation-only allows",
                       "`allows scope/ref/element/check/implements` checks nothing (everything not forbidden is allowed). Only `allows connection to` and `allows language` restrict anything. Reported once per pattern."},
    DiagnosticCodeInfo{"W055", "connection target matches nothing",
                       "A `requires/allows/forbids connection to T` target resolves to no element (looked up in the pattern first, then from the implementing element outwards). The rule is evaluated against an empty footprint."},
    DiagnosticCodeInfo{"W056", "undeclared language",
                       "A `<lang>` annotation or language requirement names a language that is neither built in (c, cpp, go, java, javascript, js, python, rust, typescript) nor declared with `language lang`."},
    DiagnosticCodeInfo{"W057", "unknown library in a documentation-only expression",
                       "The `= expr` of a `requires scope NAME = expr` or `requires ref NAME: T = expr` inside a pattern documents the intent and is never evaluated, but it names a library that does not exist (neither imported nor registered), so it documents nothing useful."},
    DiagnosticCodeInfo{"W080", "stale baseline entry",
                       "An entry of the baseline file (`hie check --baseline FILE`) names a check that ran and no "
                       "longer fails, or that no longer exists. Remove it with `hie check --update-baseline`; under "
                       "--strict each stale entry is a failure, so that a fixed problem cannot come back unnoticed."},
    DiagnosticCodeInfo{"W510", "plugin may read outside the workspace",
                       "A library entry says `capabilities.workspace_only = false`, which widens `fs = \"read\"` to every file this user can read. Reported on every run so that it is never forgotten; remove it unless the plugin really needs files outside the workspace."},
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
