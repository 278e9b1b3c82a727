#include "plugin/wasm/engine/sliced_run.h"

#include <algorithm>

#include "plugin/wasm/engine/thread_access.h"

namespace hie::plugin::wasm::engine {

using wabt::interp::DefinedFunc;
using wabt::interp::RunResult;
using wabt::interp::Trap;

bool run_sliced(wabt::interp::Thread& thread, const wabt::interp::Func::Ptr& func, const wabt::interp::Values& params,
                wabt::interp::Values& results, RunBudget& budget, RunStop& stop) {
  Trap::Ptr trap;
  auto* defined = wabt::dyn_cast<DefinedFunc>(func.get());
  if (!defined) {
    // An export that re-exports a host function: host functions are bounded, run it directly.
    if (wabt::Failed(func->Call(thread, params, results, &trap))) {
      stop = {RunStop::Kind::Trap, trap ? trap->message() : std::string("host function failed")};
      return false;
    }
    return true;
  }
  // Never let the frame count reach WABT's capacity: stop two frames before it.
  std::size_t capacity = thread_access::frame_capacity(thread);
  std::size_t max_depth = std::min(budget.max_depth, capacity > 2 ? capacity - 2 : 1);
  if (thread_access::begin_call(thread, *defined, params, &trap) == RunResult::Trap) {
    stop = {RunStop::Kind::Trap, trap ? trap->message() : std::string("call failed")};
    return false;
  }
  while (true) {
    std::size_t depth = thread_access::frame_count(thread);
    std::size_t values = thread_access::value_count(thread);
    if (depth > max_depth) {
      stop = {RunStop::Kind::Depth, {}};
      return false;
    }
    if (std::chrono::steady_clock::now() >= budget.deadline) {
      stop = {RunStop::Kind::Timeout, {}};
      return false;
    }
    if (budget.fuel_left == 0) {
      stop = {RunStop::Kind::Fuel, {}};
      return false;
    }
    // Each instruction adds at most one frame and at most max_push_per_step values, so a slice of n instructions
    // ends with depth <= max_depth + 1 <= capacity - 1 and within the value-stack limit.
    std::uint64_t n = kSliceInstructions;
    n = std::min<std::uint64_t>(n, max_depth + 1 - depth);
    std::size_t room = values < budget.max_values ? budget.max_values - values : 0;
    n = std::min<std::uint64_t>(n, room / std::max<std::size_t>(budget.max_push_per_step, 1));
    if (n == 0) {
      stop = {RunStop::Kind::ValueStack, {}};
      return false;
    }
    n = std::min<std::uint64_t>(n, budget.fuel_left);
    RunResult result = thread.Run(static_cast<int>(n), &trap);
    // A slice that returns early is charged in full: fuel is exact to within one slice.
    budget.fuel_left -= n;
    switch (result) {
      case RunResult::Ok: break;
      case RunResult::Return: thread_access::finish_call(thread, *defined, results); return true;
      case RunResult::Trap:
        stop = {RunStop::Kind::Trap, trap ? trap->message() : std::string("trap")};
        return false;
      case RunResult::Exception: stop = {RunStop::Kind::Trap, "uncaught exception"}; return false;
    }
  }
}

}  // namespace hie::plugin::wasm::engine
