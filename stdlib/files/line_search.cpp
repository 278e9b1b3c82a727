#include "stdlib/files/line_search.h"

#include <pthread.h>

#include <exception>

// GCC 12 reports -Wmaybe-uninitialized inside libstdc++'s regex compiler when optimizing with sanitizers (a false
// positive in std::function moves); the warning is silenced for the header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop

namespace hie::stdlib::files {
namespace {

// Lines up to this length are searched on the calling thread: measured, libstdc++ needs 500-800 bytes of stack per
// character for patterns like `(a|b)*x` (more under sanitizers), and threads have at least 8 MiB by default. Longer
// lines get a thread with kStackBytesPerLineByte per byte of the longest line: virtual memory, committed as used.
constexpr std::size_t kInlineLineBytes = 1024;
constexpr std::size_t kStackBytesPerLineByte = 4096;
constexpr std::size_t kBaseStackBytes = 8 * 1024 * 1024;

struct StackTask {
  const std::function<void()>* work;
  std::exception_ptr error;
};

void* run_task(void* arg) {
  auto* task = static_cast<StackTask*>(arg);
  try {
    (*task->work)();
  } catch (...) {
    task->error = std::current_exception();
  }
  return nullptr;
}

// Runs `work` on a new thread with a stack of `stack_bytes` and waits for it. False when no such thread could be
// created.
bool run_with_stack(std::size_t stack_bytes, const std::function<void()>& work, std::exception_ptr* error) {
  pthread_attr_t attributes;
  if (pthread_attr_init(&attributes) != 0) return false;
  StackTask task{&work, nullptr};
  pthread_t thread;
  const bool started = pthread_attr_setstacksize(&attributes, stack_bytes) == 0 &&
                       pthread_create(&thread, &attributes, &run_task, &task) == 0;
  pthread_attr_destroy(&attributes);
  if (!started) return false;
  pthread_join(thread, nullptr);
  *error = task.error;
  return true;
}

}  // namespace

struct LineRegex::Compiled {
  std::regex regex;
};

std::optional<LineRegex> LineRegex::compile(const std::string& pattern, std::string* error) {
  try {
    LineRegex compiled;
    compiled.compiled_ = std::make_shared<const Compiled>(Compiled{std::regex(pattern, std::regex::ECMAScript)});
    return compiled;
  } catch (const std::regex_error& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
}

void for_each_line(std::string_view text, const std::function<void(std::uint32_t, std::string_view)>& visit) {
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(++number, line);
    start = next;
  }
}

std::uint32_t count_lines(std::string_view text) {
  std::uint32_t lines = 0;
  for (char c : text) {
    if (c == '\n') ++lines;
  }
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

LineSearchResult LineRegex::search(std::string_view text, bool first_only) const {
  const std::regex& regex = compiled_->regex;
  LineSearchResult result;
  std::size_t longest = 0;
  for_each_line(text, [&](std::uint32_t, std::string_view line) { longest = std::max(longest, line.size()); });

  auto search = [&] {
    for_each_line(text, [&](std::uint32_t number, std::string_view line) {
      if (first_only && !result.matching_lines.empty()) return;
      if (line.size() > kMaxSearchedLineBytes) {
        result.too_long_lines.push_back(number);
        return;
      }
      if (std::regex_search(line.begin(), line.end(), regex)) result.matching_lines.push_back({number, line});
    });
  };

  try {
    if (longest <= kInlineLineBytes) {
      search();
      return result;
    }
    const std::size_t searched = std::min(longest, kMaxSearchedLineBytes);
    std::exception_ptr error;
    const std::function<void()> work = search;
    if (!run_with_stack(kBaseStackBytes + searched * kStackBytesPerLineByte, work, &error)) {
      result.failure = "could not start a thread to search its long lines";
      return result;
    }
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& error) {
    result.failure = error.what();
  }
  return result;
}

}  // namespace hie::stdlib::files
