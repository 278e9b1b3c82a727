// The base of every language library (python, rust, ...): the common vocabulary of STDLIB.md ("Common to ...")
// over one LanguageIndex, plus the language's own functions (the older tool's), dispatched by name and signature.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "library/arguments.h"
#include "library/library.h"
#include "stdlib/common/language_index.h"

namespace hie::stdlib::common {

using library::CheckOutcome;
using library::Result;
using library::Value;

// One signature of a function of a language library. A function with alternative signatures (an optional leading
// scope) is several entries with the same name; the first whose parameters fit the arguments runs.
struct LanguageFunction {
  library::FunctionDoc doc;
  std::vector<library::LegacyArgumentError> legacy;  // the older tool's codes for a missing/mistyped argument
  // Exactly one is set, matching doc.kind. Arguments have been checked against `doc` before they run.
  std::function<Result<Value>(std::span<const Value> args, const LanguageIndex& index)> selector;
  std::function<Result<CheckOutcome>(std::span<const Value> args, const LanguageIndex& index)> check;
};

// The library's error codes (each language has its range: python E4xx, rust E3xx).
struct LanguageErrorCodes {
  std::string wrong_arguments;   // wrong count or type (python "E403", rust "E307")
  std::string invalid_argument;  // a value that cannot be used: bad module name, empty layer list
  std::string unknown_function;  // python "E499", rust "E399"
};

class LanguageLibrary : public library::Library {
 public:
  LanguageLibrary(std::shared_ptr<const LanguageIndex> index, LanguageErrorCodes codes);

  std::string_view name() const override { return index_->language(); }
  // Own functions first: a name the language defines hides the common function of that name (e.g. the older
  // tool's python `imports`), all of its signatures.
  Result<Value> call(std::string_view function, std::span<const Value> args, library::CallContext& ctx) override;
  Result<CheckOutcome> check(std::string_view function, std::span<const Value> args,
                             library::CallContext& ctx) override;
  Result<library::LibraryDoc> describe(library::CallContext& ctx) override;
  bool deterministic_selectors() const override { return true; }  // the index is fixed for the run

  const LanguageIndex& index() const { return *index_; }
  const std::shared_ptr<const LanguageIndex>& shared_index() const { return index_; }

 protected:
  // The language's own functions (built once, in documentation order) and the library's one-paragraph description.
  virtual std::vector<LanguageFunction> own_functions() const = 0;
  virtual std::string description() const = 0;

 private:
  const std::vector<LanguageFunction>& functions() const;  // own + common not hidden, built once
  std::vector<const LanguageFunction*> signatures(std::string_view name, library::FunctionKind kind) const;

  std::shared_ptr<const LanguageIndex> index_;
  LanguageErrorCodes codes_;
  mutable std::once_flag functions_once_;
  mutable std::vector<LanguageFunction> functions_;
};

}  // namespace hie::stdlib::common
