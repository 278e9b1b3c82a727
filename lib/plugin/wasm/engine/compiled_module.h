// A WASM plugin module decoded, validated and fitted to the host's policy once per run (WABT-free interface).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "library/result.h"
#include "plugin/wasm/engine/host_config.h"

namespace hie::plugin::wasm::engine {

class CompiledModule {
 public:
  struct Impl;

  // Decodes and validates `bytes`, then applies the load-time policy: imports only from `hie` and WASI preview1
  // (with the host's signatures), no imported memory or table, memory and table maxima capped (memory_mb), an
  // initial memory or table above the cap refused, the ABI exports present with their types. A start function is
  // kept aside so that it runs under the call limits. Errors: E602, E603, E604, E605.
  static library::Result<std::shared_ptr<const CompiledModule>> compile(std::string_view bytes,
                                                                        std::string_view label,
                                                                        const HostLimits& limits);
  ~CompiledModule();

  bool exports_function(std::string_view name) const;
  const Impl& impl() const { return *impl_; }

 private:
  explicit CompiledModule(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hie::plugin::wasm::engine
