#include "plugin/wasm/engine/thread_access.h"

#include <vector>

namespace hie::plugin::wasm::engine::thread_access {
namespace {

using wabt::interp::DefinedFunc;
using wabt::interp::Frame;
using wabt::interp::RunResult;
using wabt::interp::Thread;
using wabt::interp::Trap;
using wabt::interp::Value;
using wabt::interp::Values;
using wabt::interp::ValueTypes;

// The "access by explicit instantiation" idiom: Grant<Tag, &Thread::member> is explicitly instantiated below, where
// naming a private member is allowed; its friend function hands the member pointer out to this file only.
template <class Tag, typename Tag::type Member>
struct Grant {
  friend typename Tag::type member(Tag) { return Member; }
};

struct FramesTag {
  using type = std::vector<Frame> Thread::*;
  friend type member(FramesTag);
};
struct ValuesTag {
  using type = std::vector<Value> Thread::*;
  friend type member(ValuesTag);
};
struct PushValuesTag {
  using type = void (Thread::*)(const ValueTypes&, const Values&);
  friend type member(PushValuesTag);
};
struct PopValuesTag {
  using type = void (Thread::*)(const ValueTypes&, Values*);
  friend type member(PopValuesTag);
};
struct PushCallTag {
  using type = RunResult (Thread::*)(const DefinedFunc&, Trap::Ptr*);
  friend type member(PushCallTag);
};

}  // namespace

template struct Grant<FramesTag, &Thread::frames_>;
template struct Grant<ValuesTag, &Thread::values_>;
template struct Grant<PushValuesTag, &Thread::PushValues>;
template struct Grant<PopValuesTag, &Thread::PopValues>;
template struct Grant<PushCallTag, &Thread::PushCall>;

RunResult begin_call(Thread& thread, const DefinedFunc& func, const Values& params, Trap::Ptr* out_trap) {
  (thread.*member(PushValuesTag{}))(func.type().params, params);
  return (thread.*member(PushCallTag{}))(func, out_trap);
}

void finish_call(Thread& thread, const DefinedFunc& func, Values& results) {
  (thread.*member(PopValuesTag{}))(func.type().results, &results);
}

std::size_t frame_count(const Thread& thread) { return (thread.*member(FramesTag{})).size(); }
std::size_t frame_capacity(const Thread& thread) { return (thread.*member(FramesTag{})).capacity(); }
std::size_t value_count(const Thread& thread) { return (thread.*member(ValuesTag{})).size(); }

}  // namespace hie::plugin::wasm::engine::thread_access
