// The built-in `files` library: file, folder and glob selectors, scope algebra, and checks on paths and contents.
#pragma once

#include <span>
#include <string_view>

#include "library/library.h"

namespace hie::stdlib::files {

// Stateless (safe to call from many threads); every function reads the shared workspace index of the CallContext.
class FilesLibrary final : public library::Library {
 public:
  std::string_view name() const override { return "files"; }
  library::Result<library::Value> call(std::string_view function, std::span<const library::Value> args,
                                       library::CallContext& ctx) override;
  library::Result<library::CheckOutcome> check(std::string_view function, std::span<const library::Value> args,
                                               library::CallContext& ctx) override;
  library::Result<library::LibraryDoc> describe(library::CallContext& ctx) override;
  bool deterministic_selectors() const override { return true; }
};

}  // namespace hie::stdlib::files
