// The Library interface: every built-in and every plugin is a Library (call = selectors, check = checks).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "library/check_outcome.h"
#include "library/library_doc.h"
#include "library/result.h"
#include "library/value.h"

namespace hie::workspace {
class Workspace;
}

namespace hie::library {

class LibraryRegistry;

// What a library function may use while it runs. Passed explicitly: no global state.
struct CallContext {
  const workspace::Workspace& workspace;
  // The registry, for libraries that call other libraries (WASM host_call); may be null.
  LibraryRegistry* registry = nullptr;
};

// Implementations must be safe to call from several threads at once (hie evaluates checks in parallel).
class Library {
 public:
  virtual ~Library() = default;

  virtual std::string_view name() const = 0;
  // A selector: returns a value (usually a scope) or an error.
  virtual Result<Value> call(std::string_view function, std::span<const Value> args, CallContext& ctx) = 0;
  // A check: pass / fail / error. An error in the library itself (bad arguments, unknown function) may be returned
  // either as LibraryError or as CheckOutcome::error; the evaluator treats both as an error result.
  virtual Result<CheckOutcome> check(std::string_view function, std::span<const Value> args, CallContext& ctx) = 0;
  // Self-description. Built-ins answer from static data; plugins may have to start to answer.
  virtual Result<LibraryDoc> describe(CallContext& ctx) = 0;
  // True when a selector's value depends only on its arguments and the context's workspace, which do not change
  // during a run (the built-in libraries): the evaluator then calls a selector once per run for the same
  // arguments (`files.folder_selector('src')` in five hundred checks). Plugins are never assumed to be.
  virtual bool deterministic_selectors() const { return false; }
};

}  // namespace hie::library
