// What the WASM engine needs to know about one configured plugin: its limits, grants and config (WABT-free, C++17).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hie::plugin::wasm::engine {

// Error codes of the WASM host (docs/diagnostics.md, E600–E699).
namespace codes {
inline constexpr const char* kUnreadable = "E600";      // the .wasm file cannot be read
inline constexpr const char* kDigest = "E601";          // sha256 pin mismatch
inline constexpr const char* kInvalid = "E602";         // not a valid WebAssembly module
inline constexpr const char* kImport = "E603";          // an import the host does not provide
inline constexpr const char* kOverLimit = "E604";       // declares more memory/table/locals than allowed
inline constexpr const char* kAbi = "E605";             // missing or ill-typed ABI export, wrong hie_abi_version
inline constexpr const char* kInstantiate = "E606";     // instantiation, start or _initialize failed
inline constexpr const char* kTrap = "E610";            // a wasm trap during a call
inline constexpr const char* kFuel = "E611";            // fuel exhausted
inline constexpr const char* kTimeout = "E612";         // wall-clock timeout
inline constexpr const char* kCallDepth = "E613";       // call depth limit
inline constexpr const char* kValueStack = "E614";      // value stack limit
inline constexpr const char* kBadPointer = "E615";      // a pointer/length from the guest outside its memory
inline constexpr const char* kNotJson = "E616";         // the result is not JSON
inline constexpr const char* kExit = "E617";            // the guest called proc_exit
}  // namespace codes

struct HostLimits {
  std::uint32_t memory_mb = 64;
  std::uint64_t fuel = 1'000'000'000;
  std::uint32_t timeout_ms = 5'000;
  std::uint32_t max_call_depth = 1'000;
  std::uint32_t host_calls = 10'000;
};

struct HostGrants {
  bool fs_read = false;
  bool workspace_only = true;
  bool env_access = false;
  bool clock = false;
  bool random = false;
  std::vector<std::string> libraries;  // host_call targets
};

struct HostConfig {
  std::string library_name;
  HostLimits limits;
  HostGrants grants;
  std::map<std::string, std::string> config;
  std::filesystem::path workspace_root;        // absolute; pre-opened read-only when grants.fs_read
  std::function<void(std::string_view)> log;  // hie.log and fd_write output; may be empty
};

// The answer of the embedding to hie.host_call: JSON text (a value, a check result or {"error":{…}}).
using HostCallFunction = std::function<std::string(std::string_view library, std::string_view function,
                                                   std::string_view args_json)>;

}  // namespace hie::plugin::wasm::engine
