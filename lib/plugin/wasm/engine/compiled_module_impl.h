// The WABT side of CompiledModule (engine-internal).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>

#include "plugin/wasm/engine/compiled_module.h"
#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

struct CompiledModule::Impl {
  wabt::interp::ModuleDesc desc;                  // with capped limits and without start functions
  std::optional<wabt::interp::Index> start_func;  // run by the host under the call limits
  std::size_t max_push_per_step = 1;              // see RunBudget
  std::set<std::string, std::less<>> function_exports;
};

}  // namespace hie::plugin::wasm::engine
