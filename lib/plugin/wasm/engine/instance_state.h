// The mutable state one WASM instance shares with its host functions (fd table, current call, output buffers).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugin/wasm/engine/guest_memory.h"
#include "plugin/wasm/engine/host_config.h"
#include "plugin/wasm/engine/sandbox_fs.h"
#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

// Per guest call (library_call / library_check / describe / initialisation).
struct CallState {
  const HostCallFunction* host_call = nullptr;  // null: host_call is denied (initialisation)
  std::uint32_t host_calls_used = 0;
  std::optional<std::int32_t> exit_code;  // set by proc_exit, which ends the call
  // The last host_call, so the second call of the two-call pattern does not run the target again.
  std::string cached_key;
  std::optional<std::string> cached_reply;
  // Set by a host function that ends the call (a bad pointer, proc_exit): the error reported instead of its trap.
  std::string stop_code;
  std::string stop_message;
};

struct WasiFile {
  OwnedFd fd;
  bool is_directory = false;
  std::vector<std::string> components;         // path from the workspace root
  std::string preopen_name;                    // "." or "/workspace" for the pre-opened directories
  std::optional<std::vector<DirEntry>> entries;  // fd_readdir snapshot, taken at cookie 0
};

struct InstanceState {
  const HostConfig* config = nullptr;
  const SandboxRoot* sandbox = nullptr;  // set when fs = "read"
  wabt::interp::Store* store = nullptr;
  wabt::interp::Memory* memory = nullptr;  // the module's memory, set right after instantiation
  CallState* call = nullptr;
  std::map<std::uint32_t, WasiFile> files;
  std::string pending_output[2];  // fd 1 and fd 2: text up to the next newline

  GuestMemory guest() const { return GuestMemory(memory); }
  void log(std::string_view line) const {
    if (config && config->log) config->log(line);
  }
  // Sends complete lines of fd 1/2 output to the log; `flush` also sends an unterminated rest.
  void emit_output(int index, bool flush);
};

}  // namespace hie::plugin::wasm::engine
