// The python library's own functions (the older tool's, plus the scope forms of the selectors and
// function_exists), their documentation and legacy argument errors.
#include "stdlib/python/python_library.h"

#include "stdlib/common/common_vocabulary.h"
#include "stdlib/python/python_checks.h"

namespace hie::stdlib::python {
namespace {

using common::LanguageFunction;
using common::LanguageIndex;
using library::FunctionDoc;
using library::FunctionKind;
using library::LegacyArgumentError;
using library::ParamDoc;
using library::Result;
using Args = std::span<const Value>;

ParamDoc scope_param(std::string name, std::string description) {
  return {std::move(name), "scope", std::move(description), false};
}
ParamDoc string_param(std::string name, std::string description) {
  return {std::move(name), "string", std::move(description), false};
}

LanguageFunction make_selector(std::string name, std::string description, std::vector<ParamDoc> params,
                               std::string example, std::function<Result<Value>(Args, const LanguageIndex&)> fn,
                               std::vector<LegacyArgumentError> legacy = {}) {
  LanguageFunction function;
  function.doc = FunctionDoc{std::move(name), FunctionKind::Selector, std::move(description), std::move(params),
                             "scope",         std::move(example)};
  function.legacy = std::move(legacy);
  function.selector = std::move(fn);
  return function;
}

LanguageFunction make_check(std::string name, std::string description, std::vector<ParamDoc> params,
                            std::string example, std::function<Result<CheckOutcome>(Args, const LanguageIndex&)> fn,
                            std::vector<LegacyArgumentError> legacy = {}) {
  LanguageFunction function;
  function.doc = FunctionDoc{std::move(name),   FunctionKind::Check, std::move(description), std::move(params), "",
                             std::move(example)};
  function.legacy = std::move(legacy);
  function.check = std::move(fn);
  return function;
}

const ScopeData& scope_at(Args args, std::size_t i) { return args[i].as_scope(); }
const std::string& string_at(Args args, std::size_t i) { return args[i].as_string(); }

}  // namespace

common::LanguageErrorCodes python_error_codes() { return {"E403", "E404", "E499"}; }

PythonLibrary::PythonLibrary(std::shared_ptr<const LanguageIndex> index)
    : LanguageLibrary(std::move(index), python_error_codes()) {}

std::string PythonLibrary::description() const {
  return "Python architecture checks from a real tokenizer: modules, declarations, imports (the dependency graph), "
         "return annotations and calls. Text in comments and string literals never counts.";
}

std::vector<LanguageFunction> PythonLibrary::own_functions() const {
  const common::LanguageErrorCodes codes = python_error_codes();
  std::vector<LanguageFunction> out;

  // Selectors.
  out.push_back(make_selector(
      "module_selector",
      "Select the files of a Python module by its dotted name, looked up in the source roots (the workspace root, "
      "`src/`, `[python] roots`): a module is its file (`a/b.py`), a package its directory's Python files "
      "(`a/b/__init__.py` and everything below). The scope is empty when no root has the module.",
      {string_param("name", "Dotted module name (e.g., 'payments.service')")},
      "scope payment_module = python.module_selector('payments.service')",
      [codes](Args args, const LanguageIndex& index) {
        return common::module_selector(index, string_at(args, 0), codes);
      },
      {{0, "E400", "module_selector requires a module path"}}));
  const std::string function_selector_doc =
      "Select the Python files that declare a function or method with this exact name (`def name(` or "
      "`async def name(`, not in comments or strings), in the scope when one is given.";
  out.push_back(make_selector("function_selector", function_selector_doc, {string_param("name", "Function name")},
                              "scope parsers = python.function_selector('parse')",
                              [](Args args, const LanguageIndex& index) -> Result<Value> {
                                return python::function_selector(index, nullptr, string_at(args, 0));
                              },
                              {{0, "E401", "function_selector requires a function name"}}));
  out.push_back(make_selector("function_selector", function_selector_doc,
                              {scope_param("scope", "The scope to search"), string_param("name", "Function name")},
                              "scope parsers = python.function_selector(src, 'parse')",
                              [](Args args, const LanguageIndex& index) -> Result<Value> {
                                return python::function_selector(index, &scope_at(args, 0), string_at(args, 1));
                              }));
  const std::string class_selector_doc =
      "Select the Python files that declare a class with this exact name, in the scope when one is given.";
  out.push_back(make_selector("class_selector", class_selector_doc, {string_param("name", "Class name")},
                              "scope models = python.class_selector('User')",
                              [](Args args, const LanguageIndex& index) -> Result<Value> {
                                return python::class_selector(index, nullptr, string_at(args, 0));
                              },
                              {{0, "E402", "class_selector requires a class name"}}));
  out.push_back(make_selector("class_selector", class_selector_doc,
                              {scope_param("scope", "The scope to search"), string_param("name", "Class name")},
                              "scope models = python.class_selector(src, 'User')",
                              [](Args args, const LanguageIndex& index) -> Result<Value> {
                                return python::class_selector(index, &scope_at(args, 0), string_at(args, 1));
                              }));

  // Checks.
  const std::string function_exists_doc =
      "Check that a function or method with this exact name is declared (in the scope when one is given, else "
      "anywhere in the workspace).";
  out.push_back(make_check("function_exists", function_exists_doc, {string_param("name", "The function name")},
                           "check python.function_exists('main')",
                           [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
                             return python::function_exists(index, nullptr, string_at(args, 0));
                           }));
  out.push_back(make_check("function_exists", function_exists_doc,
                           {scope_param("scope", "The scope to search"), string_param("name", "The function name")},
                           "check python.function_exists(src, 'main')",
                           [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
                             return python::function_exists(index, &scope_at(args, 0), string_at(args, 1));
                           }));
  out.push_back(make_check(
      "imports",
      "Check that some file of the scope imports the module or one of its submodules: `import m`, `import m.x`, "
      "`from m import y`, `from m.x import y`, and `from p import m` for 'p.m' (every imported name counts, also "
      "inside functions and under `if TYPE_CHECKING:`).",
      {scope_param("scope", "Scope to check"), string_param("module", "Module name to check for")},
      "check python.imports(payment_module, 'typing')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::imports(index, scope_at(args, 0), string_at(args, 1));
      },
      {{0, "E410", "imports requires a scope"}, {1, "E411", "imports requires a module name"}}));
  out.push_back(make_check(
      "no_import",
      "Check that no file of the scope imports the module or one of its submodules; every such import is named "
      "(file:line).",
      {scope_param("scope", "Scope to check"), string_param("module", "Module name that should not be imported")},
      "check python.no_import(payment_module, 'deprecated_lib')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::no_import(index, scope_at(args, 0), string_at(args, 1));
      },
      {{0, "E412", "no_import requires a scope"}, {1, "E413", "no_import requires a module name"}}));
  out.push_back(make_check(
      "returns_type",
      "Check that some function or method of the scope has a return annotation that mentions the type as whole "
      "names (`-> Optional[User]` mentions 'User' and 'Optional[User]', never 'Use'; string annotations are read "
      "as code).",
      {scope_param("scope", "Scope to check"), string_param("type_name", "Return type to check for")},
      "check python.returns_type(api, 'Response')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::returns_type(index, scope_at(args, 0), string_at(args, 1));
      },
      {{0, "E414", "returns_type requires a scope"}, {1, "E415", "returns_type requires a type name"}}));
  out.push_back(make_check(
      "function_returns_type",
      "Check that a function or method with this exact name has a return annotation that mentions the type as "
      "whole names; on failure every function of that name is named with its annotation.",
      {scope_param("scope", "Scope to check"), string_param("function_name", "Name of the function"),
       string_param("type_name", "Expected return type")},
      "check python.function_returns_type(api, 'create_payment', 'PaymentResponse')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::function_returns_type(index, scope_at(args, 0), string_at(args, 1), string_at(args, 2));
      },
      {{0, "E416", "function_returns_type requires a scope"},
       {1, "E417", "function_returns_type requires a function name"},
       {2, "E418", "function_returns_type requires a type name"}}));
  out.push_back(make_check(
      "calls",
      "Check that the scope calls the target: a call whose callee has the target as whole dotted segments "
      "(`validate(...)`, `logger.info(...)` for 'logger', `self.db.query(...)` for 'db.query'). Decorators and "
      "class instantiations are calls; calls inside f-string expressions count.",
      {scope_param("scope", "Scope to check"),
       string_param("target", "Function, object or module that should be called")},
      "check python.calls(processor, 'validate_order')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::calls(index, scope_at(args, 0), string_at(args, 1));
      },
      {{0, "E419", "calls requires a scope"}, {1, "E420", "calls requires a target identifier"}}));
  out.push_back(make_check(
      "calls_function",
      "Check that the scope calls `module.function(...)` (also through attributes: `self.module.function(...)`).",
      {scope_param("scope", "Scope to check"), string_param("module_name", "Module or object name"),
       string_param("function_name", "Function or method name")},
      "check python.calls_function(processor, 'logger', 'info')",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::calls_function(index, scope_at(args, 0), string_at(args, 1), string_at(args, 2));
      },
      {{0, "E421", "calls_function requires a scope"},
       {1, "E422", "calls_function requires a module name"},
       {2, "E423", "calls_function requires a function name"}}));
  out.push_back(make_check(
      "calls_scope",
      "Check that the source scope calls something declared in the target scope: a call whose callee has, as a "
      "whole segment, the name of a function, method or class declared in a target file.",
      {scope_param("source", "The calling scope"), scope_param("target", "The scope whose declarations are called")},
      "check python.calls_scope(services, models)",
      [](Args args, const LanguageIndex& index) -> Result<CheckOutcome> {
        return python::calls_scope(index, scope_at(args, 0), scope_at(args, 1));
      },
      {{0, "E424", "calls_scope requires a source scope"}, {1, "E425", "calls_scope requires a target scope"}}));
  return out;
}

}  // namespace hie::stdlib::python
