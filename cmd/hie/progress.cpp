#include "progress.h"

#include <fmt/core.h>

#include <string>

#include "cli_common.h"

namespace hie::cli {
namespace {

constexpr auto kDelay = std::chrono::milliseconds(500);     // short runs never show a bar
constexpr auto kInterval = std::chrono::milliseconds(100);  // redraw at most ten times a second
constexpr std::size_t kWidth = 30;

}  // namespace

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < kDelay) return;
  if (drawn_ && now - last_draw_ < kInterval && done < total) return;
  last_draw_ = now;
  std::size_t filled = done * kWidth / total;
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>' + std::string(kWidth - filled - 1, ' ');
  write_stderr(fmt::format("\r[{}] {}/{} checks", bar, done, total));
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  write_stderr("\r\x1b[K");
  drawn_ = false;
}

}  // namespace hie::cli
