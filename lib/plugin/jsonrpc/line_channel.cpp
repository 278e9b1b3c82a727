#include "plugin/jsonrpc/line_channel.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hie::plugin::jsonrpc {
namespace {

void set_nonblocking(int fd) {
  if (fd < 0) return;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

int remaining_ms(Deadline deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return 0;
  // Round up so a wait never ends a hair before the deadline and spins once more.
  return static_cast<int>(std::min<long long>(left.count() + 1, 60'000));
}

constexpr std::size_t kReadChunk = 256 * 1024;

}  // namespace

LineChannel::LineChannel(int write_fd, int read_fd, int stderr_fd, StderrDrain& drain, std::size_t max_message_bytes)
    : write_fd_(write_fd),
      read_fd_(read_fd),
      stderr_fd_(stderr_fd),
      drain_(drain),
      max_message_bytes_(max_message_bytes),
      stderr_eof_(stderr_fd < 0) {
  set_nonblocking(write_fd_);
  set_nonblocking(read_fd_);
  set_nonblocking(stderr_fd_);
}

bool LineChannel::wait(bool want_write, Deadline deadline) {
  for (;;) {
    pollfd fds[3];
    nfds_t n = 0;
    int write_slot = -1, read_slot = -1, err_slot = -1;
    if (want_write) {
      write_slot = static_cast<int>(n);
      fds[n++] = {write_fd_, POLLOUT, 0};
    }
    // stdout is watched only while the pending message may still grow: past the cap it is not read further.
    if (!stdout_eof_ && pending() <= max_message_bytes_) {
      read_slot = static_cast<int>(n);
      fds[n++] = {read_fd_, POLLIN, 0};
    }
    if (!stderr_eof_) {
      err_slot = static_cast<int>(n);
      fds[n++] = {stderr_fd_, POLLIN, 0};
    }
    int timeout = remaining_ms(deadline);
    if (n == 0) return false;
    int rc = ::poll(fds, n, timeout);
    if (rc < 0) {
      if (errno == EINTR) continue;
      error_ = fmt::format("poll failed: {}", std::strerror(errno));
      return false;
    }
    if (rc == 0) return false;
    if (err_slot >= 0 && fds[err_slot].revents != 0) {
      if (!drain_.drain(stderr_fd_)) stderr_eof_ = true;
    }
    bool ready = false;
    if (read_slot >= 0 && fds[read_slot].revents != 0) {
      if (!fill()) stdout_eof_ = true;
      ready = true;
    }
    if (write_slot >= 0 && fds[write_slot].revents != 0) ready = true;
    if (ready) return true;
    // Only stderr was active: keep waiting for stdout or the write side.
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
}

bool LineChannel::fill() {
  // Bounded per call so that a stream of output cannot starve the deadline check.
  std::size_t budget = 4 * kReadChunk;
  while (budget > 0 && pending() <= max_message_bytes_) {
    std::size_t old = buffer_.size();
    buffer_.resize(old + kReadChunk);
    ssize_t n = ::read(read_fd_, buffer_.data() + old, kReadChunk);
    buffer_.resize(old + (n > 0 ? static_cast<std::size_t>(n) : 0));
    if (n > 0) {
      budget -= std::min(budget, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    error_ = fmt::format("reading the plugin's stdout failed: {}", std::strerror(errno));
    return false;
  }
  return true;
}

LineChannel::Status LineChannel::write_line(std::string_view line, Deadline deadline) {
  if (line.size() > max_message_bytes_) return Status::TooLarge;
  if (write_fd_ < 0) return Status::Closed;
  std::string data;
  data.reserve(line.size() + 1);
  data.append(line);
  data.push_back('\n');
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(write_fd_, data.data() + written, data.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) return Status::Closed;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      error_ = fmt::format("writing to the plugin failed: {}", std::strerror(errno));
      return Status::Failed;
    }
    // The pipe is full: wait for room, draining the plugin's output meanwhile so it is never stuck writing.
    if (!wait(true, deadline)) return error_.empty() ? Status::Timeout : Status::Failed;
  }
  return Status::Ok;
}

LineChannel::Status LineChannel::read_line(std::string& line, Deadline deadline) {
  for (;;) {
    const char* start = buffer_.data() + head_;
    const void* nl = std::memchr(start + scanned_, '\n', pending() - scanned_);
    if (nl != nullptr) {
      std::size_t length = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      if (length > max_message_bytes_) return Status::TooLarge;
      line.assign(start, length);
      head_ += length + 1;
      scanned_ = 0;
      // Compact once the consumed prefix dominates, keeping consumption amortized O(1) per byte.
      if (head_ == buffer_.size()) {
        buffer_.clear();
        head_ = 0;
      } else if (head_ > buffer_.size() / 2) {
        buffer_.erase(0, head_);
        head_ = 0;
      }
      return Status::Ok;
    }
    scanned_ = pending();
    if (pending() > max_message_bytes_) return Status::TooLarge;
    if (stdout_eof_) return error_.empty() ? Status::Closed : Status::Failed;
    if (!wait(false, deadline)) {
      if (!error_.empty()) return Status::Failed;
      // One last non-blocking look: a line may have arrived exactly at the deadline.
      if (!stdout_eof_ && !fill()) stdout_eof_ = true;
      if (std::memchr(buffer_.data() + head_ + scanned_, '\n', pending() - scanned_) != nullptr) continue;
      return Status::Timeout;
    }
  }
}

bool LineChannel::drain_until(Deadline deadline) {
  while (!(stdout_eof_ && stderr_eof_)) {
    buffer_.clear();
    head_ = scanned_ = 0;
    if (!wait(false, deadline)) break;
  }
  buffer_.clear();
  head_ = scanned_ = 0;
  return stdout_eof_ && stderr_eof_;
}

}  // namespace hie::plugin::jsonrpc
