#include "plugin/jsonrpc/process_library.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <utility>

#include "plugin/jsonrpc/child_process.h"
#include "plugin/jsonrpc/line_channel.h"
#include "plugin/jsonrpc/rpc_message.h"
#include "workspace/workspace.h"

namespace hie::plugin::jsonrpc {

using library::CallContext;
using library::CheckOutcome;
using library::LibraryDoc;
using library::LibraryError;
using library::Result;
using library::Value;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kStderrLinesInErrors = 10;
constexpr std::size_t kLineExcerpt = 200;

// A stdout line for a message: cut, and with control characters made visible.
std::string excerpt(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kLineExcerpt)) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  if (text.size() > kLineExcerpt) out += fmt::format("… ({} bytes)", text.size());
  return out;
}

std::string format_bytes(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes % 1024 == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

std::filesystem::path absolute_normal(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

}  // namespace

ProcessLibrary::ProcessLibrary(ProcessLibrarySpec spec)
    : spec_(std::move(spec)), stderr_(50, 16 * 1024, 1000, [this](std::string_view line) {
        if (spec_.log) spec_.log(fmt::format("plugin '{}' stderr: {}", spec_.name, line));
      }) {}

ProcessLibrary::~ProcessLibrary() { shutdown(); }

// ---- lifecycle --------------------------------------------------------------------------------------------------

std::optional<LibraryError> ProcessLibrary::ensure_running(const CallContext& ctx) {
  if (failure_) return failure_;
  if (process_) return std::nullopt;
  if (restart_pending_) ++restarts_;
  restart_pending_ = false;

  workspace_root_ = absolute_normal(ctx.workspace.root());
  std::filesystem::path cwd = spec_.working_dir.empty() ? workspace_root_ : absolute_normal(spec_.working_dir);
  // The plugin runs in the workspace, so "." names it (as in the older tool's captures); a plugin configured to
  // run elsewhere gets the absolute workspace path.
  workspace_param_ = cwd == workspace_root_ ? std::string(".") : workspace_root_.string();

  SpawnSpec spawn;
  spawn.executable = spec_.executable;
  spawn.args = spec_.args;
  spawn.working_dir = cwd;
  spawn.inherit_env = spec_.inherit_env;
  spawn.env = spec_.env;
  std::string error;
  process_ = ChildProcess::spawn(spawn, error);
  if (!process_) {
    failure_ = LibraryError{"E500", fmt::format("Failed to start external library '{}': {}", spec_.name, error)};
    return failure_;
  }
  stderr_.clear();
  channel_ = std::make_unique<LineChannel>(process_->stdin_fd(), process_->stdout_fd(), process_->stderr_fd(), stderr_,
                                           spec_.max_message_bytes);

  json params = json::object();
  params["config"] = spec_.config.empty() ? json::object() : json(spec_.config);
  params["hie_version"] = spec_.hie_version;
  Result<Reply> reply =
      exchange("library.initialize", params, "library.initialize", spec_.startup_timeout.value_or(spec_.timeout));
  // An error reply (-32601 from plugins that predate initialize) is fine; only a transport failure is not.
  if (!reply) return reply.error();
  return std::nullopt;
}

void ProcessLibrary::shutdown() {
  std::lock_guard lock(mutex_);
  stop_process();
}

void ProcessLibrary::stop_process() {
  if (!process_) return;
  Deadline deadline = Clock::now() + spec_.shutdown_grace;
  if (process_->stdin_fd() >= 0 && !process_->has_exited()) {
    // Best effort: a plugin that cannot take it is killed below anyway.
    channel_->write_line(encode_request_line("library.shutdown", json::object(), next_id_++), deadline);
  }
  process_->close_stdin();
  while (!process_->has_exited() && Clock::now() < deadline) {
    // Keep its pipes flowing while it exits, so it never blocks on a full stdout or stderr.
    channel_->drain_until(std::min(deadline, Clock::now() + std::chrono::milliseconds(20)));
  }
  process_->kill_and_reap();
  channel_->drain_until(Clock::now() + std::chrono::milliseconds(50));  // the last stderr lines, for -v
  stderr_.flush();
  channel_.reset();
  process_.reset();
  restart_pending_ = false;
}

LibraryError ProcessLibrary::fail_process(std::string code, std::string cause, std::string_view what, bool crashed) {
  if (crashed) {
    // It is exiting (or already gone): give it a moment, so its exit status and last stderr lines are known.
    Deadline grace = Clock::now() + std::chrono::milliseconds(300);
    channel_->drain_until(grace);
    process_->wait_for_exit(grace);
  }
  bool exited_alone = process_->has_exited();
  process_->kill_and_reap();
  channel_->drain_until(Clock::now() + std::chrono::milliseconds(100));
  stderr_.flush();

  std::string message = fmt::format("plugin '{}' {} during {}", spec_.name, cause, what);
  if (exited_alone) {
    message += fmt::format(" (the process {})", process_->exit_description());
  } else {
    message += "; its process group was killed";
  }
  if (request_strays_ > 0) {
    message += fmt::format("; it wrote {} stdout line(s) that were not the response, the first: {}", request_strays_,
                           request_first_stray_);
  }
  message += stderr_excerpt();
  channel_.reset();
  process_.reset();
  restart_pending_ = true;
  last_failure_ = message;
  if (restarts_ >= spec_.max_restarts) {
    failure_ = LibraryError{
        "E523",
        fmt::format("plugin '{}' is disabled: it failed again after {} restart(s) in this run; last failure: {}",
                    spec_.name, restarts_, last_failure_)};
  }
  return LibraryError{std::move(code), std::move(message)};
}

std::string ProcessLibrary::stderr_excerpt() const {
  std::vector<std::string> lines = stderr_.tail(kStderrLinesInErrors);
  if (lines.empty()) return "";
  std::string out = fmt::format("\nstderr (last {} line(s)):", lines.size());
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

void ProcessLibrary::warn(std::string shown, std::string message) {
  if (request_strays_++ == 0) request_first_stray_ = std::move(shown);
  if (spec_.log) spec_.log(message);
  if (warnings_.size() < kMaxWarnings) {
    warnings_.push_back(std::move(message));
  } else {
    ++warnings_dropped_;
  }
}

// ---- requests ---------------------------------------------------------------------------------------------------

Result<ProcessLibrary::Reply> ProcessLibrary::exchange(std::string_view method, const json& params,
                                                       std::string_view what, std::chrono::milliseconds timeout) {
  std::uint64_t id = next_id_++;
  std::string line = encode_request_line(method, params, id);
  request_strays_ = 0;
  request_first_stray_.clear();
  if (line.size() > spec_.max_message_bytes) {
    // hie's own message is too large: not the plugin's fault, so it keeps running.
    return LibraryError{"E522", fmt::format("plugin '{}': the {} request is {} bytes, more than the {} limit",
                                            spec_.name, what, line.size(), format_bytes(spec_.max_message_bytes))};
  }
  Deadline deadline = Clock::now() + timeout;
  auto transport_failure = [&](LineChannel::Status status) {
    switch (status) {
      case LineChannel::Status::Timeout:
        return fail_process("E520", fmt::format("timed out after {} ms", timeout.count()), what, false);
      case LineChannel::Status::TooLarge:
        return fail_process(
            "E522", fmt::format("sent a message larger than {} (the limit)", format_bytes(spec_.max_message_bytes)),
            what, false);
      case LineChannel::Status::Failed: return fail_process("E521", channel_->error(), what, true);
      case LineChannel::Status::Closed:
      case LineChannel::Status::Ok: break;
    }
    return fail_process("E521", "exited or closed its pipes", what, true);
  };

  LineChannel::Status status = channel_->write_line(line, deadline);
  if (status != LineChannel::Status::Ok) return transport_failure(status);
  for (;;) {
    std::string text;
    status = channel_->read_line(text, deadline);
    if (status != LineChannel::Status::Ok) return transport_failure(status);
    ResponseLine response = parse_response_line(text);
    if (response.kind != ResponseLine::Kind::Response) {
      std::string shown = fmt::format("'{}' ({})", excerpt(text), response.problem);
      warn(shown,
           fmt::format("plugin '{}': ignored a stdout line that is not a JSON-RPC response while waiting for {}: {}",
                       spec_.name, what, shown));
      continue;
    }
    if (response.id != id) {
      std::string shown = fmt::format("'{}' (id {}, expected {})", excerpt(text), response.id, id);
      warn(shown, fmt::format("plugin '{}': ignored a response with the wrong id while waiting for {}: {}", spec_.name,
                              what, shown));
      continue;
    }
    Reply reply;
    reply.workspace_root = workspace_root_;
    if (response.error) {
      if (!response.problem.empty()) {
        reply.error =
            LibraryError{"E506", fmt::format("plugin '{}' answered {} with a {}", spec_.name, what, response.problem)};
      } else {
        reply.error = LibraryError{fmt::format("E{}", response.error->code), response.error->message};
      }
    } else {
      reply.has_result = response.has_result;
      reply.result = std::move(response.result);
    }
    return reply;
  }
}

Result<ProcessLibrary::Reply> ProcessLibrary::request(std::string_view method, std::string_view function,
                                                      std::span<const Value> args, CallContext& ctx) {
  std::lock_guard lock(mutex_);
  if (auto error = ensure_running(ctx)) return *error;
  json params = json::object();
  params["args"] = library::encode_args(args);
  params["function"] = std::string(function);
  params["workspace"] = workspace_param_;
  return exchange(method, params, fmt::format("{} '{}'", method, function), spec_.timeout);
}

Result<Value> ProcessLibrary::call(std::string_view function, std::span<const Value> args, CallContext& ctx) {
  Result<Reply> reply = request("library.call", function, args, ctx);
  if (!reply) return reply.error();
  if (reply.value().error) return *reply.value().error;
  if (!reply.value().has_result) {
    return LibraryError{"E507", fmt::format("External process returned empty result (plugin '{}', selector '{}')",
                                            spec_.name, function)};
  }
  return library::decode_value(reply.value().result, {reply.value().workspace_root});
}

Result<CheckOutcome> ProcessLibrary::check(std::string_view function, std::span<const Value> args, CallContext& ctx) {
  Result<Reply> reply = request("library.check", function, args, ctx);
  if (!reply) return reply.error();
  if (reply.value().error) return *reply.value().error;
  if (!reply.value().has_result || reply.value().result.is_null()) {
    return LibraryError{
        "E507", fmt::format("External process returned empty result (plugin '{}', check '{}')", spec_.name, function)};
  }
  return library::decode_check_outcome(reply.value().result, {reply.value().workspace_root});
}

Result<LibraryDoc> ProcessLibrary::describe(CallContext& ctx) {
  std::lock_guard lock(mutex_);
  if (doc_) return *doc_;
  if (auto error = ensure_running(ctx)) return *error;
  Result<Reply> reply = exchange("library.doc", json::object(), "library.doc", spec_.timeout);
  if (!reply) return reply.error();
  LibraryDoc doc;
  if (reply.value().error || !reply.value().has_result || reply.value().result.is_null()) {
    // Not an error: the plugin predates library.doc; names and arity are then checked at run time (I001).
    doc.name = spec_.name;
    doc.description = fmt::format("External library: {}", spec_.executable);
    doc.self_described = false;
  } else {
    Result<LibraryDoc> decoded = library::decode_library_doc(reply.value().result, spec_.name);
    if (!decoded) {
      return LibraryError{decoded.error().code, fmt::format("plugin '{}': {}", spec_.name, decoded.error().message)};
    }
    doc = std::move(decoded).value();
    doc.name = spec_.name;
  }
  doc_ = doc;
  return doc;
}

// ---- observation ------------------------------------------------------------------------------------------------

std::vector<std::string> ProcessLibrary::warnings() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out = warnings_;
  if (warnings_dropped_ > 0) {
    out.push_back(fmt::format("plugin '{}': {} more stdout line(s) that were not responses are not shown", spec_.name,
                              warnings_dropped_));
  }
  return out;
}

std::vector<std::string> ProcessLibrary::stderr_tail(std::size_t max_lines) const {
  std::lock_guard lock(mutex_);
  return stderr_.tail(max_lines);
}

pid_t ProcessLibrary::pid() const {
  std::lock_guard lock(mutex_);
  return process_ ? process_->pid() : -1;
}

int ProcessLibrary::restarts() const {
  std::lock_guard lock(mutex_);
  return restarts_;
}

std::optional<LibraryError> ProcessLibrary::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

}  // namespace hie::plugin::jsonrpc
