// A progress bar on stderr for long runs: drawn only on a terminal, and only once the run has taken half a second.
#pragma once

#include <chrono>
#include <cstddef>

namespace hie::cli {

class ProgressBar {
 public:
  // `enabled` = stderr is a terminal and the user did not ask for quiet output.
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // `done` of `total` checks executed. Not thread-safe: the caller serializes calls (eval::RunOptions::progress).
  void update(std::size_t done, std::size_t total);
  // Erases the bar, if one was drawn, so that the results start on a clean line.
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace hie::cli
