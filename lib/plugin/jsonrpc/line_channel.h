// Newline-framed messages to a child's stdin and from its stdout: non-blocking I/O with poll(), a deadline per
// operation and a size cap per message. The child's stderr is drained in the same poll loop, so a plugin that
// writes a lot to stderr never blocks while hie waits for its answer.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "plugin/jsonrpc/stderr_drain.h"

namespace hie::plugin::jsonrpc {

using Deadline = std::chrono::steady_clock::time_point;

class LineChannel {
 public:
  enum class Status {
    Ok,
    Timeout,   // the deadline passed
    Closed,    // the child closed its stdout (or stdin, for writes): it exited or gave up the protocol
    TooLarge,  // a message longer than the cap
    Failed,    // an unexpected I/O error (see error())
  };

  // The descriptors stay owned by the caller; they are switched to non-blocking mode here. `stderr_fd` may be -1.
  LineChannel(int write_fd, int read_fd, int stderr_fd, StderrDrain& drain, std::size_t max_message_bytes);

  // Writes `line` and a '\n'.
  Status write_line(std::string_view line, Deadline deadline);
  // The next complete line (without its '\n'), into `line`.
  Status read_line(std::string& line, Deadline deadline);
  // Keeps reading stdout (discarded) and stderr until `deadline` or until both reach end of file; used while a
  // plugin shuts down. Returns true when both were closed.
  bool drain_until(Deadline deadline);

  const std::string& error() const { return error_; }
  std::size_t max_message_bytes() const { return max_message_bytes_; }

 private:
  // Reads what stdout has without blocking. False at end of file or on error.
  bool fill();
  // poll() on the descriptors of interest until one is ready or the deadline passes; false on timeout.
  bool wait(bool want_write, Deadline deadline);
  // Length of the pending (incomplete) message.
  std::size_t pending() const { return buffer_.size() - head_; }

  int write_fd_;
  int read_fd_;
  int stderr_fd_;
  StderrDrain& drain_;
  std::size_t max_message_bytes_;
  std::string buffer_;       // bytes read from stdout; consumed from head_
  std::size_t head_ = 0;     // start of the first unconsumed byte
  std::size_t scanned_ = 0;  // bytes after head_ already searched for '\n'
  bool stdout_eof_ = false;
  bool stderr_eof_ = false;
  std::string error_;
};

}  // namespace hie::plugin::jsonrpc
