#include "plugin/jsonrpc/stderr_drain.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace hie::plugin::jsonrpc {

StderrDrain::StderrDrain(std::size_t max_lines, std::size_t max_bytes, std::size_t max_line_bytes,
                         std::function<void(std::string_view)> on_line)
    : max_lines_(std::max<std::size_t>(max_lines, 1)),
      max_bytes_(max_bytes),
      max_line_bytes_(std::max<std::size_t>(max_line_bytes, 1)),
      on_line_(std::move(on_line)) {}

void StderrDrain::feed(std::string_view bytes) {
  total_bytes_ += bytes.size();
  while (!bytes.empty()) {
    std::size_t nl = bytes.find('\n');
    std::string_view piece = bytes.substr(0, nl);
    // Only the first max_line_bytes of a line are kept: a plugin writing megabytes without a newline must not
    // grow hie's memory.
    if (partial_.size() < max_line_bytes_) {
      std::size_t room = max_line_bytes_ - partial_.size();
      partial_.append(piece.substr(0, room));
      if (piece.size() > room) partial_cut_ = true;
    } else if (!piece.empty()) {
      partial_cut_ = true;
    }
    if (nl == std::string_view::npos) break;
    finish_line();
    bytes.remove_prefix(nl + 1);
  }
}

void StderrDrain::finish_line() {
  std::string line = std::move(partial_);
  partial_.clear();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (partial_cut_) line += " […]";
  partial_cut_ = false;
  if (on_line_) on_line_(line);
  kept_bytes_ += line.size();
  lines_.push_back(std::move(line));
  while (lines_.size() > max_lines_ || (kept_bytes_ > max_bytes_ && lines_.size() > 1)) {
    kept_bytes_ -= lines_.front().size();
    lines_.pop_front();
  }
}

void StderrDrain::flush() {
  if (!partial_.empty() || partial_cut_) finish_line();
}

bool StderrDrain::drain(int fd) {
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      continue;
    }
    if (n == 0) {
      flush();
      return false;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    flush();
    return false;
  }
}

std::vector<std::string> StderrDrain::tail(std::size_t n) const {
  std::vector<std::string> out;
  bool has_partial = !partial_.empty() || partial_cut_;
  std::size_t from_lines = std::min(lines_.size(), has_partial ? (n == 0 ? 0 : n - 1) : n);
  for (std::size_t i = lines_.size() - from_lines; i < lines_.size(); ++i) out.push_back(lines_[i]);
  if (has_partial && n > 0) out.push_back(partial_ + (partial_cut_ ? " […]" : ""));
  return out;
}

void StderrDrain::clear() {
  lines_.clear();
  kept_bytes_ = 0;
  partial_.clear();
  partial_cut_ = false;
  total_bytes_ = 0;
}

}  // namespace hie::plugin::jsonrpc
