// The language-neutral `arch` library: dependency checks over scopes of any languages, on the union of every
// language's dependency graph (STDLIB.md "Dependency graph").
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "library/library.h"
#include "stdlib/common/language_index.h"

namespace hie::stdlib::arch {

// Error codes of the library.
inline constexpr const char* kWrongArguments = "E700";
inline constexpr const char* kInvalidArgument = "E701";
inline constexpr const char* kNoDependencyInformation = "E207";  // as for connection rules
inline constexpr const char* kUnknownFunction = "E799";

class ArchLibrary final : public library::Library {
 public:
  explicit ArchLibrary(std::vector<std::shared_ptr<const common::LanguageIndex>> indexes);

  std::string_view name() const override { return "arch"; }
  library::Result<library::Value> call(std::string_view function, std::span<const library::Value> args,
                                       library::CallContext& ctx) override;
  library::Result<library::CheckOutcome> check(std::string_view function, std::span<const library::Value> args,
                                               library::CallContext& ctx) override;
  library::Result<library::LibraryDoc> describe(library::CallContext& ctx) override;

 private:
  // The source files of a scope value that no provider handles. Thread-safe; remembered per scope.
  const std::vector<std::string>& uncovered_files(const library::Value& scope,
                                                  std::span<const graph::DependencyProvider* const> providers);

  std::vector<std::shared_ptr<const common::LanguageIndex>> indexes_;
  std::mutex coverage_mutex_;
  // By scope address, with the scope value (which keeps the address taken).
  std::unordered_map<const library::ScopeData*, std::pair<library::Value, std::vector<std::string>>>
      uncovered_by_scope_;
};

}  // namespace hie::stdlib::arch
