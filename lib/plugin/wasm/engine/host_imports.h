// The functions a module may import: `hie.*` (PLUGINS.md §3 host imports) and the WASI preview1 subset.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plugin/wasm/engine/instance_state.h"
#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

inline constexpr std::string_view kHieModule = "hie";
inline constexpr std::string_view kWasiModule = "wasi_snapshot_preview1";

// Whether the host provides `import`: nullopt if it does, else the reason it is refused (for the load error).
std::optional<std::string> check_import(const wabt::interp::ImportType& import);

// The implementation bound to an import that check_import accepted. Capabilities are looked up at call time, so
// an ungranted function is still bound (and answers −1 / ENOTCAPABLE).
wabt::interp::HostFunc::Callback bind_hie_import(std::string_view name, InstanceState& state);
wabt::interp::HostFunc::Callback bind_wasi_import(std::string_view name, InstanceState& state);

// The signature of a WASI function the host implements, or null (other WASI names are bound to ENOSYS when they
// return one i32, as every preview1 function but proc_exit does).
const wabt::interp::FuncType* wasi_import_type(std::string_view name);

// Shared by both: ends the current call with an error (code, message) by returning a trap.
wabt::Result stop_call(InstanceState& state, wabt::interp::Trap::Ptr* out_trap, const char* code,
                       std::string message);

// Runs `body`, turning any exception (allocation failure) into a trap: host functions never throw into WABT.
template <class Body>
wabt::interp::HostFunc::Callback guarded(std::string name, InstanceState& state, Body body) {
  return [name = std::move(name), &state, body](wabt::interp::Thread&, const wabt::interp::Values& params,
                                                wabt::interp::Values& results,
                                                wabt::interp::Trap::Ptr* out_trap) -> wabt::Result {
    try {
      return body(params, results, out_trap);
    } catch (const std::exception& e) {
      *out_trap = wabt::interp::Trap::New(*state.store, name + " failed: " + e.what());
      return wabt::Result::Error;
    }
  };
}

}  // namespace hie::plugin::wasm::engine
