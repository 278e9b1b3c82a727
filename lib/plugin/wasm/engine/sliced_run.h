// Running a guest function in instruction slices, with fuel, wall-clock, call-depth and value-stack limits checked
// between slices (so WABT's own call-stack guard, which can crash WABT 1.0.32, is never reached).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

struct RunBudget {
  std::uint64_t fuel_left = 0;  // instructions still allowed
  std::uint64_t fuel_limit = 0;
  std::chrono::steady_clock::time_point deadline;
  std::uint32_t timeout_ms = 0;
  std::size_t max_depth = 0;          // frames; clamped below WABT's call-stack capacity
  std::size_t max_values = 0;         // value-stack entries
  std::size_t max_push_per_step = 1;  // the most values one instruction can push (largest locals block)
};

struct RunStop {
  enum class Kind { Trap, Fuel, Timeout, Depth, ValueStack };
  Kind kind = Kind::Trap;
  std::string message;  // the trap message
};

// The number of instructions per slice when no limit is close.
inline constexpr int kSliceInstructions = 10'000;

// Calls `func` with `params` on `thread` (which must be idle) and fills `results`. Returns false and fills `stop`
// when the call did not complete; the thread and its instance must then be discarded.
bool run_sliced(wabt::interp::Thread& thread, const wabt::interp::Func::Ptr& func, const wabt::interp::Values& params,
                wabt::interp::Values& results, RunBudget& budget, RunStop& stop);

}  // namespace hie::plugin::wasm::engine
