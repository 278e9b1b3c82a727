#include "plugin/wasm/engine/guest_instance.h"

#include <fcntl.h>

#include <chrono>
#include <map>

#include "plugin/wasm/engine/compiled_module_impl.h"
#include "plugin/wasm/engine/host_imports.h"
#include "plugin/wasm/engine/instance_state.h"
#include "plugin/wasm/engine/sliced_run.h"

namespace hie::plugin::wasm::engine {
namespace {

using namespace wabt::interp;  // NOLINT: the WABT interpreter API throughout this file

constexpr std::size_t kMaxValueStack = std::size_t{1} << 20;  // 16 MiB of 16-byte values

library::LibraryError stop_error(const RunStop& stop, const CallState& call, const RunBudget& budget,
                                 std::string_view fn) {
  std::string where = " in " + std::string(fn);
  if (call.exit_code) {
    if (*call.exit_code == 0) {
      return {codes::kExit, "wasm proc_exit(0)" + where + ": the plugin exited without returning a result"};
    }
    return {codes::kExit, "wasm proc_exit(" + std::to_string(*call.exit_code) + ")" + where};
  }
  if (!call.stop_code.empty()) return {call.stop_code, call.stop_message + where};
  switch (stop.kind) {
    case RunStop::Kind::Trap: return {codes::kTrap, "wasm trap: " + stop.message + where};
    case RunStop::Kind::Fuel:
      return {codes::kFuel, "wasm fuel exhausted: more than " + std::to_string(budget.fuel_limit) +
                                " instructions (limits.fuel)" + where};
    case RunStop::Kind::Timeout:
      return {codes::kTimeout,
              "wasm timeout: still running after " + std::to_string(budget.timeout_ms) + " ms (limits.timeout_ms)" + where};
    case RunStop::Kind::Depth:
      return {codes::kCallDepth, "wasm call depth exceeded: more than " + std::to_string(budget.max_depth) +
                                     " nested calls (limits.max_call_depth)" + where};
    case RunStop::Kind::ValueStack:
      return {codes::kValueStack,
              "wasm value stack exhausted: more than " + std::to_string(budget.max_values) + " values" + where};
  }
  return {codes::kTrap, "wasm trap" + where};
}

}  // namespace

struct GuestInstance::Impl {
  // Declaration order matters: everything rooted in the store is destroyed before it.
  std::unique_ptr<Store> store;
  std::shared_ptr<const CompiledModule> module;
  const HostEnvironment* env = nullptr;
  InstanceState state;
  Module::Ptr wasm_module;
  Instance::Ptr instance;
  Memory::Ptr memory;
  std::map<std::string, Func::Ptr, std::less<>> exports;
  std::unique_ptr<Thread> thread;

  RunBudget fresh_budget() const {
    const HostLimits& limits = env->config.limits;
    RunBudget budget;
    budget.fuel_left = limits.fuel;
    budget.fuel_limit = limits.fuel;
    budget.timeout_ms = limits.timeout_ms;
    budget.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeout_ms);
    budget.max_depth = limits.max_call_depth;
    budget.max_values = kMaxValueStack;
    budget.max_push_per_step = module->impl().max_push_per_step;
    return budget;
  }

  // Runs one guest function under `budget`; errors name `label`.
  library::Result<Values> invoke(const Func::Ptr& func, std::string_view label, const Values& params,
                                 RunBudget& budget, CallState& call) {
    Values results;
    RunStop stop;
    state.call = &call;
    bool ok = run_sliced(*thread, func, params, results, budget, stop);
    state.call = nullptr;
    if (!ok) return stop_error(stop, call, budget, label);
    return results;
  }
  library::Result<Values> invoke(std::string_view name, const Values& params, RunBudget& budget, CallState& call) {
    auto it = exports.find(name);
    if (it == exports.end()) return library::LibraryError{codes::kAbi, "the module does not export `" + std::string(name) + "`"};
    return invoke(it->second, name, params, budget, call);
  }
};

GuestInstance::GuestInstance(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GuestInstance::~GuestInstance() {
  if (impl_) {
    impl_->state.emit_output(0, true);
    impl_->state.emit_output(1, true);
  }
}

library::Result<std::unique_ptr<GuestInstance>> GuestInstance::create(std::shared_ptr<const CompiledModule> module,
                                                                      const HostEnvironment& env) {
  auto impl = std::make_unique<Impl>();
  impl->store = std::make_unique<Store>(wabt::Features());
  impl->module = std::move(module);
  impl->env = &env;
  Store& store = *impl->store;
  InstanceState& state = impl->state;
  state.config = &env.config;
  state.sandbox = env.sandbox ? &*env.sandbox : nullptr;
  state.store = &store;

  impl->wasm_module = Module::New(store, impl->module->impl().desc);
  RefVec imports;
  for (const ImportType& import : impl->wasm_module->import_types()) {
    const auto& type = *wabt::cast<FuncType>(import.type.get());
    HostFunc::Callback callback = import.module == kHieModule ? bind_hie_import(import.name, state)
                                                              : bind_wasi_import(import.name, state);
    imports.push_back(HostFunc::New(store, type, std::move(callback)).ref());
  }
  Trap::Ptr trap;
  impl->instance = Instance::Instantiate(store, impl->wasm_module.ref(), imports, &trap);
  if (!impl->instance) {
    return library::LibraryError{codes::kInstantiate,
                                 "instantiation failed: " + (trap ? trap->message() : std::string("unknown reason"))};
  }
  impl->memory = Memory::Ptr(store, impl->instance->memories().at(0));
  state.memory = impl->memory.get();
  const auto& export_types = impl->wasm_module->export_types();
  for (std::size_t i = 0; i < export_types.size(); ++i) {
    if (export_types[i].type->kind == wabt::ExternalKind::Func) {
      impl->exports.emplace(export_types[i].name, Func::Ptr(store, impl->instance->exports()[i]));
    }
  }
  impl->thread = std::make_unique<Thread>(store);
  if (state.sandbox) {
    for (const char* name : {".", "/workspace"}) {
      int fd = fcntl(state.sandbox->root_fd(), F_DUPFD_CLOEXEC, 0);
      if (fd < 0) return library::LibraryError{codes::kInstantiate, "cannot pre-open the workspace"};
      WasiFile dir;
      dir.fd = OwnedFd(fd);
      dir.is_directory = true;
      dir.preopen_name = name;
      state.files.emplace(static_cast<std::uint32_t>(state.files.size() + 3), std::move(dir));
    }
  }

  // Initialisation runs under the same limits as one call.
  RunBudget budget = impl->fresh_budget();
  CallState call;
  auto init_error = [](const library::LibraryError& e) {
    return library::LibraryError{codes::kInstantiate, "initialisation failed: " + e.message};
  };
  if (auto start = impl->module->impl().start_func) {
    Func::Ptr func(store, impl->instance->funcs().at(*start));
    auto r = impl->invoke(func, "the start function", {}, budget, call);
    if (!r) return init_error(r.error());
  }
  if (impl->exports.count("_initialize")) {
    auto r = impl->invoke("_initialize", {}, budget, call);
    if (!r) return init_error(r.error());
  }
  auto version = impl->invoke("hie_abi_version", {}, budget, call);
  if (!version) return init_error(version.error());
  std::uint32_t v = version.value().at(0).Get<std::uint32_t>();
  if (v != 1) {
    return library::LibraryError{codes::kAbi, "hie_abi_version() returned " + std::to_string(static_cast<std::int32_t>(v)) +
                                                  "; this host implements ABI version 1"};
  }
  return std::unique_ptr<GuestInstance>(new GuestInstance(std::move(impl)));
}

library::Result<std::string> GuestInstance::call(std::string_view export_name,
                                                 const std::vector<std::string_view>& inputs,
                                                 const HostCallFunction* host_call) {
  Impl& impl = *impl_;
  RunBudget budget = impl.fresh_budget();
  CallState call;
  call.host_call = host_call;
  auto fail = [&](library::LibraryError e) -> library::Result<std::string> {
    broken_ = true;
    impl.state.emit_output(0, true);
    impl.state.emit_output(1, true);
    return e;
  };
  GuestMemory memory = impl.state.guest();
  auto out_of_memory = [&](const std::string& what, std::uint64_t ptr, std::uint64_t len) {
    return library::LibraryError{codes::kBadPointer, what + " [" + std::to_string(ptr) + ", " +
                                                         std::to_string(ptr + len) + ") is outside the module's memory (" +
                                                         std::to_string(memory.size()) + " bytes) in " +
                                                         std::string(export_name)};
  };

  std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks;
  Values params;
  for (std::string_view input : inputs) {
    if (input.size() > 0xffffffffu) return fail({codes::kBadPointer, "an input larger than 4 GiB"});
    auto len = static_cast<std::uint32_t>(input.size());
    auto ptr = impl.invoke("alloc", {Value::Make(len)}, budget, call);
    if (!ptr) return fail(ptr.error());
    std::uint32_t p = ptr.value().at(0).Get<std::uint32_t>();
    if (!memory.write(p, input)) return fail(out_of_memory("alloc(" + std::to_string(len) + ") returned", p, len));
    blocks.emplace_back(p, len);
    params.push_back(Value::Make(p));
    params.push_back(Value::Make(len));
  }
  auto packed = impl.invoke(export_name, params, budget, call);
  if (!packed) return fail(packed.error());
  std::uint64_t result = packed.value().at(0).Get<std::uint64_t>();
  auto out_ptr = static_cast<std::uint32_t>(result >> 32);
  auto out_len = static_cast<std::uint32_t>(result & 0xffffffffu);
  auto text = memory.read(out_ptr, out_len);
  if (!text) return fail(out_of_memory("the result", out_ptr, out_len));
  blocks.emplace_back(out_ptr, out_len);
  for (auto [p, len] : blocks) {
    auto r = impl.invoke("dealloc", {Value::Make(p), Value::Make(len)}, budget, call);
    if (!r) return fail(r.error());
  }
  impl.state.emit_output(0, true);
  impl.state.emit_output(1, true);
  return std::move(*text);
}

}  // namespace hie::plugin::wasm::engine
