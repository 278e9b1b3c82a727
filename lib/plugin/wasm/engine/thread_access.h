// Access to the parts of wabt::interp::Thread (WABT 1.0.32) that starting a call without finishing it needs.
#pragma once

#include <cstddef>

#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

// WABT 1.0.32 runs a call to completion inside Func::Call; the pieces that split it (PushValues, PushCall,
// PopValues, the frame and value stacks) are private members of Thread. These functions reach them through the
// explicit-instantiation rule of C++ ([temp.spec.general]/6: access checking does not apply to the names in an
// explicit instantiation), which is well-defined C++ and fails to compile, rather than misbehaving, if WABT
// renames or retypes a member. See docs/plugins-wasm.md ("Slicing").
namespace thread_access {

// Pushes `params` and a frame for `func` (a DefinedFunc of this thread's store) on an idle thread.
wabt::interp::RunResult begin_call(wabt::interp::Thread& thread, const wabt::interp::DefinedFunc& func,
                                   const wabt::interp::Values& params, wabt::interp::Trap::Ptr* out_trap);
// After Run returned RunResult::Return for the outermost frame: pops the results of `func`.
void finish_call(wabt::interp::Thread& thread, const wabt::interp::DefinedFunc& func,
                 wabt::interp::Values& results);

std::size_t frame_count(const wabt::interp::Thread& thread);
std::size_t frame_capacity(const wabt::interp::Thread& thread);  // WABT traps (and 1.0.32 may crash) at this depth
std::size_t value_count(const wabt::interp::Thread& thread);

}  // namespace thread_access
}  // namespace hie::plugin::wasm::engine
