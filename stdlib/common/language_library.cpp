#include "stdlib/common/language_library.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "stdlib/common/common_vocabulary.h"

namespace hie::stdlib::common {

LanguageLibrary::LanguageLibrary(std::shared_ptr<const LanguageIndex> index, LanguageErrorCodes codes)
    : index_(std::move(index)), codes_(std::move(codes)) {}

const std::vector<LanguageFunction>& LanguageLibrary::functions() const {
  std::call_once(functions_once_, [&] {
    functions_ = own_functions();
    std::set<std::string, std::less<>> own_names;
    for (const auto& function : functions_) own_names.insert(function.doc.name);
    for (auto& function : common_functions(index_->frontend(), codes_)) {
      if (!own_names.contains(function.doc.name)) functions_.push_back(std::move(function));
    }
  });
  return functions_;
}

std::vector<const LanguageFunction*> LanguageLibrary::signatures(std::string_view name,
                                                                 library::FunctionKind kind) const {
  std::vector<const LanguageFunction*> out;
  for (const auto& function : functions()) {
    if (function.doc.name == name && function.doc.kind == kind) out.push_back(&function);
  }
  return out;
}

namespace {

// The older tool's "Unknown function" messages, with a pointer to the other kind when the name is there.
library::LibraryError unknown_function(std::string_view library, std::string_view name, bool selector_wanted,
                                       bool other_kind_exists, const std::string& code) {
  std::string message = selector_wanted ? fmt::format("Unknown function: {}.{}", library, name)
                                        : fmt::format("Unknown check function: {}.{}", library, name);
  if (other_kind_exists) {
    message += selector_wanted ? fmt::format(" ({}.{} is a check: use it in a `check` statement)", library, name)
                               : fmt::format(" ({}.{} is a selector, not a check)", library, name);
  }
  return {code, std::move(message)};
}

// The signature the arguments fit, or the error to report.
Result<const LanguageFunction*> pick(std::string_view library, const std::vector<const LanguageFunction*>& candidates,
                                     std::span<const Value> args, const std::string& code) {
  for (const auto* candidate : candidates) {
    if (!library::match_arguments(candidate->doc, args)) return candidate;
  }
  std::vector<const library::FunctionDoc*> docs;
  for (const auto* candidate : candidates) docs.push_back(&candidate->doc);
  auto error = library::check_arguments(library, docs, args, code, candidates.front()->legacy);
  return error ? *error : library::LibraryError{code, "wrong arguments"};
}

}  // namespace

Result<Value> LanguageLibrary::call(std::string_view function, std::span<const Value> args, library::CallContext&) {
  const auto candidates = signatures(function, library::FunctionKind::Selector);
  if (candidates.empty()) {
    return unknown_function(name(), function, true, !signatures(function, library::FunctionKind::Check).empty(),
                            codes_.unknown_function);
  }
  auto chosen = pick(name(), candidates, args, codes_.wrong_arguments);
  if (!chosen) return chosen.error();
  return chosen.value()->selector(args, *index_);
}

Result<CheckOutcome> LanguageLibrary::check(std::string_view function, std::span<const Value> args,
                                            library::CallContext&) {
  const auto candidates = signatures(function, library::FunctionKind::Check);
  if (candidates.empty()) {
    return unknown_function(name(), function, false, !signatures(function, library::FunctionKind::Selector).empty(),
                            codes_.unknown_function);
  }
  auto chosen = pick(name(), candidates, args, codes_.wrong_arguments);
  if (!chosen) return chosen.error();
  return chosen.value()->check(args, *index_);
}

Result<library::LibraryDoc> LanguageLibrary::describe(library::CallContext&) {
  library::LibraryDoc doc;
  doc.name = std::string(name());
  doc.description = description();
  for (const auto& function : functions()) doc.functions.push_back(function.doc);
  return doc;
}

}  // namespace hie::stdlib::common
