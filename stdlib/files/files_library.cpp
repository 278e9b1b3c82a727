#include "stdlib/files/files_library.h"

#include <fmt/format.h>

#include "library/arguments.h"
#include "stdlib/files/functions.h"

namespace hie::stdlib::files {
namespace {

const FilesFunction* find_function(std::string_view name, library::FunctionKind kind) {
  for (const auto& function : files_functions()) {
    if (function.doc.name == name && function.doc.kind == kind) return &function;
  }
  return nullptr;
}

// The older tool's "Unknown function" messages, with a pointer to the other namespace when the name is there.
LibraryError unknown_function(std::string_view name, library::FunctionKind wanted) {
  const bool selector_wanted = wanted == library::FunctionKind::Selector;
  std::string message = selector_wanted ? fmt::format("Unknown function: files.{}", name)
                                        : fmt::format("Unknown check function: files.{}", name);
  const auto other = selector_wanted ? library::FunctionKind::Check : library::FunctionKind::Selector;
  if (find_function(name, other)) {
    message += selector_wanted ? fmt::format(" (files.{} is a check: use it in a `check` statement)", name)
                               : fmt::format(" (files.{} is a selector, not a check)", name);
  }
  return {kUnknownFunction, std::move(message)};
}

std::optional<LibraryError> check_args(const FilesFunction& function, std::span<const Value> args) {
  return library::check_arguments("files", function.doc, args, kWrongArguments, function.legacy);
}

}  // namespace

Result<Value> FilesLibrary::call(std::string_view function, std::span<const Value> args, library::CallContext& ctx) {
  const FilesFunction* found = find_function(function, library::FunctionKind::Selector);
  if (!found) return unknown_function(function, library::FunctionKind::Selector);
  if (auto error = check_args(*found, args)) return *error;
  return found->selector(args, ctx.workspace);
}

Result<CheckOutcome> FilesLibrary::check(std::string_view function, std::span<const Value> args,
                                         library::CallContext& ctx) {
  const FilesFunction* found = find_function(function, library::FunctionKind::Check);
  if (!found) return unknown_function(function, library::FunctionKind::Check);
  if (auto error = check_args(*found, args)) return *error;
  return found->check(args, ctx.workspace);
}

Result<library::LibraryDoc> FilesLibrary::describe(library::CallContext&) { return files_library_doc(); }

}  // namespace hie::stdlib::files
