// The built-in `rust` library: the older tool's rust functions made exact (real declarations, whole names, nothing
// in comments or strings), each with an optional leading scope, plus the common vocabulary of the language
// libraries over the Rust dependency graph.
#pragma once

#include <memory>
#include <mutex>

#include "stdlib/common/language_library.h"
#include "stdlib/rust/rust_resolver.h"

namespace hie::stdlib::rust {

// Error codes: E300-E306 and E310-E330 keep the older tool's meanings (a missing or mistyped argument at one
// position of one function); E399 is its "unknown function".
inline constexpr const char* kWrongArguments = "E307";
inline constexpr const char* kInvalidArgument = "E308";
inline constexpr const char* kUnknownFunction = "E399";

class RustLibrary final : public common::LanguageLibrary {
 public:
  explicit RustLibrary(std::shared_ptr<const common::LanguageIndex> index);

  // The crates and module tree of the workspace (built once, from the index's facts).
  const RustModuleTree& tree() const;

 protected:
  std::vector<common::LanguageFunction> own_functions() const override;
  std::string description() const override;

 private:
  mutable std::once_flag tree_once_;
  mutable std::unique_ptr<RustModuleTree> tree_;
};

}  // namespace hie::stdlib::rust
