#include "eval/scheduler.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace hie::eval {

unsigned effective_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : hardware;
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task) {
  unsigned threads = static_cast<unsigned>(std::min<std::size_t>(effective_jobs(jobs), count));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      task(i);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
}

}  // namespace hie::eval
