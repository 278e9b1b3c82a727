// The tail of a plugin's stderr: drained continuously so the plugin never blocks on it, last lines kept for messages.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hie::plugin::jsonrpc {

class StderrDrain {
 public:
  // Keeps at most `max_lines` complete lines and `max_bytes` bytes of them; longer lines are cut at
  // `max_line_bytes`. `on_line`, when set, sees every complete line as it arrives (for `hie -v`).
  explicit StderrDrain(std::size_t max_lines = 50, std::size_t max_bytes = 16 * 1024, std::size_t max_line_bytes = 1000,
                       std::function<void(std::string_view)> on_line = {});

  // Appends bytes read from the plugin's stderr.
  void feed(std::string_view bytes);
  // Reads everything available from the non-blocking descriptor `fd`. Returns false at end of file or on a read
  // error (the descriptor is then of no further use).
  bool drain(int fd);
  // Ends the current partial line (at end of file).
  void flush();

  // The last `n` lines, oldest first, including a pending partial line.
  std::vector<std::string> tail(std::size_t n) const;
  std::size_t total_bytes() const { return total_bytes_; }  // everything ever fed, for messages

  // Starts afresh (a restarted plugin); keeps the limits and the callback.
  void clear();

 private:
  void finish_line();

  std::size_t max_lines_;
  std::size_t max_bytes_;
  std::size_t max_line_bytes_;
  std::function<void(std::string_view)> on_line_;
  std::deque<std::string> lines_;
  std::size_t kept_bytes_ = 0;
  std::string partial_;
  bool partial_cut_ = false;
  std::size_t total_bytes_ = 0;
};

}  // namespace hie::plugin::jsonrpc
