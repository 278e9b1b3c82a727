// The `hie` host module: log, config_get, read_file, list_dir, host_call.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "plugin/wasm/engine/host_imports.h"

namespace hie::plugin::wasm::engine {
namespace {

using wabt::Type;
using wabt::interp::FuncType;
using wabt::interp::Trap;
using wabt::interp::Value;
using wabt::interp::Values;

constexpr std::int64_t kDenied = -1;
constexpr std::int64_t kNotFound = -2;
constexpr std::int64_t kTooLarge = -3;
constexpr std::int64_t kIoError = -4;
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{64} << 20;

const std::map<std::string, FuncType, std::less<>>& hie_types() {
  static const std::map<std::string, FuncType, std::less<>> types = {
      {"log", FuncType({Type::I32, Type::I32, Type::I32}, {})},
      {"config_get", FuncType({Type::I32, Type::I32, Type::I32, Type::I32}, {Type::I64})},
      {"read_file", FuncType({Type::I32, Type::I32, Type::I32, Type::I32}, {Type::I64})},
      {"list_dir", FuncType({Type::I32, Type::I32, Type::I32, Type::I32}, {Type::I64})},
      {"host_call", FuncType({Type::I32, Type::I32, Type::I32, Type::I32, Type::I32, Type::I32}, {Type::I64})},
  };
  return types;
}

std::string describe_type(const FuncType& type) {
  auto list = [](const wabt::interp::ValueTypes& types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) out += (i ? ", " : "") + wabt::interp::GetName(types[i]);
    return out + ")";
  };
  return list(type.params) + " -> " + list(type.results);
}

bool same_type(const FuncType& a, const FuncType& b) { return a.params == b.params && a.results == b.results; }

std::string range_text(std::uint64_t ptr, std::uint64_t len) {
  return "[" + std::to_string(ptr) + ", " + std::to_string(ptr + len) + ")";
}

// Reads a guest string or ends the call (E615) when it lies outside memory.
std::optional<std::string> guest_string(InstanceState& state, const char* fn, const Values& params, std::size_t at,
                                        Trap::Ptr* out_trap) {
  std::uint32_t ptr = params[at].Get<std::uint32_t>();
  std::uint32_t len = params[at + 1].Get<std::uint32_t>();
  auto text = state.guest().read(ptr, len);
  if (!text) {
    stop_call(state, out_trap, codes::kBadPointer,
              std::string("hie.") + fn + ": buffer " + range_text(ptr, len) + " is outside the module's memory (" +
                  std::to_string(state.guest().size()) + " bytes)");
  }
  return text;
}

// The two-call pattern: copies as much of `bytes` as fits into [buf, buf+cap) and returns the full length.
wabt::Result reply(InstanceState& state, const char* fn, const Values& params, std::size_t at, std::string_view bytes,
                   Values& results, Trap::Ptr* out_trap) {
  std::uint32_t buf = params[at].Get<std::uint32_t>();
  std::uint32_t cap = params[at + 1].Get<std::uint32_t>();
  GuestMemory memory = state.guest();
  if (!memory.contains(buf, cap)) {
    return stop_call(state, out_trap, codes::kBadPointer,
                     std::string("hie.") + fn + ": buffer " + range_text(buf, cap) +
                         " is outside the module's memory (" + std::to_string(memory.size()) + " bytes)");
  }
  memory.write(buf, bytes.data(), std::min<std::uint64_t>(bytes.size(), cap));
  results[0] = Value::Make(static_cast<std::int64_t>(bytes.size()));
  return wabt::Result::Ok;
}

wabt::Result answer(Values& results, std::int64_t code) {
  results[0] = Value::Make(code);
  return wabt::Result::Ok;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::int64_t open_error(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR: return kNotFound;
    case EPERM:
    case EACCES:
    case ELOOP:
    case EINVAL: return kDenied;
    default: return kIoError;
  }
}

const char* level_name(std::int32_t level) {
  switch (level) {
    case 0: return "debug";
    case 1: return "info";
    case 2: return "warning";
    default: return "error";
  }
}

}  // namespace

wabt::Result stop_call(InstanceState& state, Trap::Ptr* out_trap, const char* code, std::string message) {
  if (state.call && state.call->stop_code.empty()) {
    state.call->stop_code = code;
    state.call->stop_message = message;
  }
  *out_trap = Trap::New(*state.store, message);
  return wabt::Result::Error;
}

std::optional<std::string> check_import(const wabt::interp::ImportType& import) {
  std::string name = import.module + "." + import.name;
  if (import.type->kind != wabt::ExternalKind::Func) {
    return "imports the " + std::string(wabt::interp::GetName(import.type->kind)) + " '" + name +
           "': a plugin must define its own memory and tables, and may import only functions of `hie` and "
           "WASI preview1";
  }
  const auto& declared = *wabt::cast<FuncType>(import.type.get());
  const FuncType* expected = nullptr;
  if (import.module == kHieModule) {
    auto it = hie_types().find(import.name);
    if (it == hie_types().end()) {
      return "imports '" + name + "', which the host does not provide (hie: log, config_get, read_file, list_dir, "
             "host_call)";
    }
    expected = &it->second;
  } else if (import.module == kWasiModule) {
    expected = wasi_import_type(import.name);
    if (!expected) {
      if (declared.results.size() == 1 && declared.results[0] == Type::I32) return std::nullopt;  // ENOSYS
      return "imports '" + name + "' with type " + describe_type(declared) +
             ", which is not a WASI preview1 function (they return an i32 errno)";
    }
  } else {
    return "imports '" + name + "': only the modules `hie` and `wasi_snapshot_preview1` are provided";
  }
  if (!same_type(*expected, declared)) {
    return "imports '" + name + "' with type " + describe_type(declared) + ", expected " + describe_type(*expected);
  }
  return std::nullopt;
}

wabt::interp::HostFunc::Callback bind_hie_import(std::string_view name, InstanceState& state) {
  InstanceState* st = &state;
  if (name == "log") {
    return guarded("hie.log", state, [st](const Values& params, Values&, Trap::Ptr* out_trap) -> wabt::Result {
      auto text = guest_string(*st, "log", params, 1, out_trap);
      if (!text) return wabt::Result::Error;
      st->log("[" + st->config->library_name + "] " + level_name(params[0].Get<std::int32_t>()) + ": " + *text);
      return wabt::Result::Ok;
    });
  }
  if (name == "config_get") {
    return guarded("hie.config_get", state, [st](const Values& params, Values& results, Trap::Ptr* out_trap) -> wabt::Result {
      auto key = guest_string(*st, "config_get", params, 0, out_trap);
      if (!key) return wabt::Result::Error;
      auto it = st->config->config.find(*key);
      if (it == st->config->config.end()) return answer(results, kDenied);
      return reply(*st, "config_get", params, 2, it->second, results, out_trap);
    });
  }
  if (name == "read_file" || name == "list_dir") {
    bool is_read = name == "read_file";
    const char* fn = is_read ? "read_file" : "list_dir";
    return guarded(std::string("hie.") + fn, state,
                   [st, is_read, fn](const Values& params, Values& results, Trap::Ptr* out_trap) -> wabt::Result {
                     auto path = guest_string(*st, fn, params, 0, out_trap);
                     if (!path) return wabt::Result::Error;
                     if (!st->sandbox) return answer(results, kDenied);
                     OpenResult opened = st->sandbox->open_beneath({}, *path);
                     if (!opened.opened) return answer(results, open_error(opened.error));
                     if (is_read) {
                       if (opened.opened->is_directory) return answer(results, kIoError);
                       bool too_large = false;
                       auto data = read_all(opened.opened->fd.get(), kMaxFileBytes, too_large);
                       if (!data) return answer(results, too_large ? kTooLarge : kIoError);
                       return reply(*st, fn, params, 2, *data, results, out_trap);
                     }
                     if (!opened.opened->is_directory) return answer(results, kIoError);
                     auto entries = list_directory(opened.opened->fd.get());
                     if (!entries) return answer(results, kIoError);
                     std::string json = "[";
                     for (std::size_t i = 0; i < entries->size(); ++i) {
                       const DirEntry& e = (*entries)[i];
                       json += (i ? "," : "") + json_string(e.wasi_type == 3 ? e.name + "/" : e.name);
                     }
                     json += "]";
                     return reply(*st, fn, params, 2, json, results, out_trap);
                   });
  }
  // host_call
  return guarded("hie.host_call", state, [st](const Values& params, Values& results, Trap::Ptr* out_trap) -> wabt::Result {
    auto method = guest_string(*st, "host_call", params, 0, out_trap);
    if (!method) return wabt::Result::Error;
    auto args = guest_string(*st, "host_call", params, 2, out_trap);
    if (!args) return wabt::Result::Error;
    CallState* call = st->call;
    std::size_t dot = method->find('.');
    if (!call || !call->host_call || dot == std::string::npos) return answer(results, kDenied);
    std::string library = method->substr(0, dot);
    const auto& granted = st->config->grants.libraries;
    if (library == st->config->library_name ||
        std::find(granted.begin(), granted.end(), library) == granted.end()) {
      return answer(results, kDenied);
    }
    std::string key = *method + '\0' + *args;
    if (!call->cached_reply || call->cached_key != key) {
      if (call->host_calls_used >= st->config->limits.host_calls) return answer(results, kDenied);
      ++call->host_calls_used;
      call->cached_reply = (*call->host_call)(library, std::string_view(*method).substr(dot + 1), *args);
      call->cached_key = std::move(key);
    }
    return reply(*st, "host_call", params, 4, *call->cached_reply, results, out_trap);
  });
}

}  // namespace hie::plugin::wasm::engine
