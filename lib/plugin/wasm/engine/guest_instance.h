// One instance of a WASM plugin: its store, memory, host functions and interpreter thread. Used by one thread at a
// time; discarded after any call that did not complete (WABT-free interface).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "library/result.h"
#include "plugin/wasm/engine/compiled_module.h"
#include "plugin/wasm/engine/host_config.h"
#include "plugin/wasm/engine/sandbox_fs.h"

namespace hie::plugin::wasm::engine {

// What every instance of one library shares; must outlive them.
struct HostEnvironment {
  HostConfig config;
  std::optional<SandboxRoot> sandbox;  // set when fs = "read"
};

class GuestInstance {
 public:
  // Instantiates the module with the host imports, runs its start function and `_initialize` (under the call
  // limits) and checks `hie_abi_version() == 1`. Errors: E605, E606.
  static library::Result<std::unique_ptr<GuestInstance>> create(std::shared_ptr<const CompiledModule> module,
                                                                const HostEnvironment& env);
  ~GuestInstance();
  GuestInstance(const GuestInstance&) = delete;
  GuestInstance& operator=(const GuestInstance&) = delete;

  // ABI v1 call: each input is copied into memory obtained from `alloc`, the export is called with a (ptr, len)
  // pair per input, its packed i64 result (ptr << 32 | len) is read back, and inputs and output are handed to
  // `dealloc`. Fuel and the timeout cover the whole sequence. On error (E610–E617) the instance is broken().
  library::Result<std::string> call(std::string_view export_name, const std::vector<std::string_view>& inputs,
                                    const HostCallFunction* host_call);

  bool broken() const { return broken_; }

 private:
  struct Impl;
  explicit GuestInstance(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  bool broken_ = false;
};

}  // namespace hie::plugin::wasm::engine
