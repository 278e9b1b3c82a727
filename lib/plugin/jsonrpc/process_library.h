// An external process plugin as a Library: a child process spoken to in newline-delimited JSON-RPC 2.0 over stdio.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "library/library.h"
#include "library/value_json.h"
#include "plugin/jsonrpc/stderr_drain.h"

namespace hie::plugin::jsonrpc {

class ChildProcess;
class LineChannel;

// Everything the host needs, already resolved (the `[libraries]` loader makes paths absolute against the
// directory of hielements.toml and fills in the defaults of PLUGINS.md §1).
struct ProcessLibrarySpec {
  std::string name;        // the library name used in specs (the [libraries] key)
  std::string executable;  // absolute path, or a bare name looked up in PATH ("python3")
  std::vector<std::string> args;
  std::filesystem::path working_dir;          // empty: the workspace root (the normal case)
  std::chrono::milliseconds timeout{30'000};  // per request (limits.timeout_ms / --timeout)
  // For library.initialize, the first request of each process, which also waits for the process to start up
  // (an interpreter on a loaded machine can take a while). Unset: `timeout`.
  std::optional<std::chrono::milliseconds> startup_timeout;
  std::map<std::string, std::string> config;  // `config = {…}`, sent with library.initialize
  bool inherit_env = true;
  std::map<std::string, std::string> env;                 // extra environment variables for the plugin
  std::string hie_version;                                // sent with library.initialize
  std::size_t max_message_bytes = std::size_t{64} << 20;  // per message, both directions
  int max_restarts = 3;                                   // per run; then the library is marked failed
  std::chrono::milliseconds shutdown_grace{1'000};        // at exit: wait this long after closing stdin
  // Optional sink for what `hie -v` shows: every stderr line of the plugin and every warning, as they happen.
  // Called with the library's lock held; must not call back into this library.
  std::function<void(std::string_view)> log;
};

// Lifecycle: the process is started on first use (call, check or describe), with the workspace as its working
// directory, and sent `library.initialize` (any error reply to it is fine: older plugins don't know it). It is
// reused for every request, one request at a time (a mutex). A timeout, a crash, a broken pipe or an oversized
// message kills the process group and makes that request an error naming the cause and the last stderr lines; the
// next request starts a new process, at most `max_restarts` times per run, after which every request fails with
// E523. A process that cannot be started at all (E500) marks the library failed at once. At destruction (or
// shutdown()): `library.shutdown`, close stdin, wait `shutdown_grace`, kill the group, reap.
//
// Error codes: E500 cannot start, E506 malformed error object, E507 no result, E508 bad value (value_json),
// E509 bad check result, E520 timeout, E521 the plugin exited or closed its pipes, E522 message larger than the cap,
// E523 disabled after too many restarts, E524 bad self-description, E{code} a JSON-RPC error reply (E-32000).
class ProcessLibrary final : public library::Library {
 public:
  explicit ProcessLibrary(ProcessLibrarySpec spec);
  ~ProcessLibrary() override;

  std::string_view name() const override { return spec_.name; }

  // `library.call`. A JSON `null` result decodes as the Null value (PLUGINS.md §2 lists raw null among the
  // selector forms; the older tool rejected it with E507); a missing result is E507.
  library::Result<library::Value> call(std::string_view function, std::span<const library::Value> args,
                                       library::CallContext& ctx) override;
  // `library.check`. A null or missing result is E507. JSON-RPC errors are returned as LibraryError.
  library::Result<library::CheckOutcome> check(std::string_view function, std::span<const library::Value> args,
                                               library::CallContext& ctx) override;
  // `library.doc`, answered once and remembered. A plugin that answers with an error (e.g. -32601: the older
  // tool's sample plugin) gets a minimal description with self_described = false. The name is always the
  // configured one (the older tool took the plugin's; specs use the configured name).
  library::Result<library::LibraryDoc> describe(library::CallContext& ctx) override;

  // Ends the process as at exit. Idempotent; a later request starts a new process (not counted as a restart).
  void shutdown();

  // Stdout lines that were not the expected response (stray prints, wrong ids), with their text, in order. At most
  // kMaxWarnings are kept (a plugin printing in a loop must not grow hie's memory); a last line counts the rest.
  std::vector<std::string> warnings() const;
  static constexpr std::size_t kMaxWarnings = 1000;
  // The last stderr lines of the current (or last) process.
  std::vector<std::string> stderr_tail(std::size_t max_lines = 20) const;
  pid_t pid() const;                                     // the running process, or -1
  int restarts() const;                                  // restarts so far in this run
  std::optional<library::LibraryError> failure() const;  // set once the library is marked failed

 private:
  struct Reply {
    bool has_result = false;
    nlohmann::json result;
    std::optional<library::LibraryError> error;  // the plugin's JSON-RPC error, as E{code}
    std::filesystem::path workspace_root;        // for decoding absolute paths in the result
  };

  // Starts the process if none is running and sends library.initialize. Lock held.
  std::optional<library::LibraryError> ensure_running(const library::CallContext& ctx);
  // One request and its response. Transport failures kill the process and come back as LibraryError. Lock held.
  library::Result<Reply> exchange(std::string_view method, const nlohmann::json& params, std::string_view what,
                                  std::chrono::milliseconds timeout);
  // Kills the process after a transport failure and builds the error. Lock held.
  library::LibraryError fail_process(std::string code, std::string cause, std::string_view what, bool crashed);
  // The whole request path of call/check: lock, start, exchange.
  library::Result<Reply> request(std::string_view method, std::string_view function,
                                 std::span<const library::Value> args, library::CallContext& ctx);
  void stop_process();                                // shutdown() with the lock held
  void warn(std::string shown, std::string message);  // a skipped stdout line: `shown` for errors, `message` for -v
  std::string stderr_excerpt() const;

  ProcessLibrarySpec spec_;
  mutable std::mutex mutex_;
  StderrDrain stderr_;
  std::unique_ptr<ChildProcess> process_;
  std::unique_ptr<LineChannel> channel_;
  std::uint64_t next_id_ = 1;
  bool restart_pending_ = false;  // the last process died of a failure: the next start is a restart
  int restarts_ = 0;
  std::string last_failure_;
  std::optional<library::LibraryError> failure_;
  std::vector<std::string> warnings_;  // at most kMaxWarnings; the rest are counted
  std::size_t warnings_dropped_ = 0;
  std::size_t request_strays_ = 0;  // stray lines seen during the current request, for its error text
  std::string request_first_stray_;
  std::string workspace_param_ = ".";
  std::filesystem::path workspace_root_;
  std::optional<library::LibraryDoc> doc_;
};

}  // namespace hie::plugin::jsonrpc
