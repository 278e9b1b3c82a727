#include "plugin/wasm/engine/compiled_module.h"

#include <algorithm>
#include <cstdio>

#include "plugin/wasm/engine/compiled_module_impl.h"
#include "plugin/wasm/engine/host_imports.h"
#include "wabt/binary-reader.h"
#include "wabt/interp/binary-reader-interp.h"

namespace hie::plugin::wasm::engine {
namespace {

using wabt::Type;
using wabt::interp::FuncType;

constexpr std::uint64_t kPagesPerMiB = 16;  // 64 KiB pages
constexpr std::uint64_t kMaxLocals = 50'000;

library::LibraryError error(const char* code, std::string message) { return {code, std::move(message)}; }

struct AbiExport {
  const char* name;
  FuncType type;
  bool required;
};

std::vector<AbiExport> abi_exports() {
  const Type I = Type::I32;
  const Type L = Type::I64;
  return {
      {"hie_abi_version", FuncType({}, {I}), true},
      {"alloc", FuncType({I}, {I}), true},
      {"dealloc", FuncType({I, I}, {}), true},
      {"_initialize", FuncType({}, {}), false},
      {"library_describe", FuncType({}, {L}), false},
      {"library_call", FuncType({I, I, I, I, I, I}, {L}), false},
      {"library_check", FuncType({I, I, I, I, I, I}, {L}), false},
  };
}

std::string type_text(const FuncType& type) {
  auto list = [](const wabt::interp::ValueTypes& types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) out += (i ? ", " : "") + wabt::interp::GetName(types[i]);
    return out + ")";
  };
  return list(type.params) + " -> " + list(type.results);
}

std::optional<library::LibraryError> check_exports(CompiledModule::Impl& impl) {
  const auto& desc = impl.desc;
  bool memory_exported = false;
  for (const auto& e : desc.exports) {
    if (e.type.type->kind == wabt::ExternalKind::Memory && e.type.name == "memory") memory_exported = true;
    if (e.type.type->kind == wabt::ExternalKind::Func) impl.function_exports.insert(e.type.name);
  }
  if (desc.memories.empty()) return error(codes::kAbi, "the module defines no memory (ABI v1 needs one, exported as `memory`)");
  if (!memory_exported) return error(codes::kAbi, "the module does not export its memory as `memory` (ABI v1)");
  for (const AbiExport& abi : abi_exports()) {
    auto it = std::find_if(desc.exports.begin(), desc.exports.end(),
                           [&](const wabt::interp::ExportDesc& e) { return e.type.name == abi.name; });
    if (it == desc.exports.end()) {
      if (abi.required) return error(codes::kAbi, std::string("the module does not export `") + abi.name + "` (ABI v1)");
      continue;
    }
    const auto* type = wabt::dyn_cast<FuncType>(it->type.type.get());
    if (!type || type->params != abi.type.params || type->results != abi.type.results) {
      return error(codes::kAbi, std::string("the export `") + abi.name + "` has type " +
                                    (type ? type_text(*type) : std::string("(not a function)")) + ", ABI v1 expects " +
                                    type_text(abi.type));
    }
  }
  if (!impl.function_exports.count("library_call") && !impl.function_exports.count("library_check")) {
    return error(codes::kAbi, "the module exports neither `library_call` nor `library_check` (ABI v1)");
  }
  return std::nullopt;
}

std::optional<library::LibraryError> apply_limits(CompiledModule::Impl& impl, const HostLimits& limits) {
  auto& desc = impl.desc;
  std::uint64_t page_cap = std::uint64_t{limits.memory_mb} * kPagesPerMiB;
  for (auto& memory : desc.memories) {
    auto& l = memory.type.limits;
    if (l.initial > page_cap) {
      return error(codes::kOverLimit, "the module's initial memory is " + std::to_string(l.initial / kPagesPerMiB) +
                                          " MiB (" + std::to_string(l.initial) + " pages), more than memory_mb = " +
                                          std::to_string(limits.memory_mb) + " allows");
    }
    l.max = l.has_max ? std::min(l.max, page_cap) : page_cap;
    l.has_max = true;
  }
  // Table entries cost host memory too: at most 1024 per MiB of memory_mb (65536 with the default 64).
  std::uint64_t table_cap = std::max<std::uint64_t>(1024, std::uint64_t{limits.memory_mb} * 1024);
  for (auto& table : desc.tables) {
    auto& l = table.type.limits;
    if (l.initial > table_cap) {
      return error(codes::kOverLimit, "a table of the module starts with " + std::to_string(l.initial) +
                                          " entries, more than the " + std::to_string(table_cap) +
                                          " that memory_mb = " + std::to_string(limits.memory_mb) + " allows");
    }
    l.max = l.has_max ? std::min(l.max, table_cap) : table_cap;
    l.has_max = true;
  }
  std::uint64_t max_push = 1;
  for (std::size_t i = 0; i < desc.funcs.size(); ++i) {
    std::uint64_t locals = 0;
    for (const auto& l : desc.funcs[i].locals) locals += l.count;
    if (locals > kMaxLocals) {
      return error(codes::kOverLimit, "function " + std::to_string(i) + " declares " + std::to_string(locals) +
                                          " locals; the host allows " + std::to_string(kMaxLocals));
    }
    max_push = std::max(max_push, locals);
  }
  for (const auto& type : desc.func_types) max_push = std::max<std::uint64_t>(max_push, type.results.size());
  impl.max_push_per_step = static_cast<std::size_t>(max_push) + 1;
  return std::nullopt;
}

}  // namespace

CompiledModule::CompiledModule(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledModule::~CompiledModule() = default;

bool CompiledModule::exports_function(std::string_view name) const {
  return impl_->function_exports.find(name) != impl_->function_exports.end();
}

library::Result<std::shared_ptr<const CompiledModule>> CompiledModule::compile(std::string_view bytes,
                                                                               std::string_view label,
                                                                               const HostLimits& limits) {
  auto impl = std::make_unique<Impl>();
  wabt::ReadBinaryOptions options;
  options.features = wabt::Features();
  options.read_debug_names = false;
  options.stop_on_first_error = true;
  options.fail_on_custom_section_error = false;
  wabt::Errors errors;
  if (wabt::Failed(wabt::interp::ReadBinaryInterp(label, bytes.data(), bytes.size(), options, &errors, &impl->desc))) {
    std::string detail = errors.empty() ? std::string("cannot be decoded") : errors.front().message;
    if (!errors.empty() && errors.front().loc.offset != 0) {
      char offset[32];
      std::snprintf(offset, sizeof offset, " (at byte 0x%zx)", static_cast<std::size_t>(errors.front().loc.offset));
      detail += offset;
    }
    return error(codes::kInvalid, "not a valid WebAssembly module: " + detail);
  }
  for (const auto& import : impl->desc.imports) {
    if (auto refused = check_import(import.type)) return error(codes::kImport, "the module " + *refused);
  }
  if (auto e = apply_limits(*impl, limits)) return *e;
  if (auto e = check_exports(*impl)) return *e;
  if (!impl->desc.starts.empty()) impl->start_func = impl->desc.starts.front().func_index;
  impl->desc.starts.clear();
  return std::shared_ptr<const CompiledModule>(new CompiledModule(std::move(impl)));
}

}  // namespace hie::plugin::wasm::engine
