// Runs work over [0, count) in contiguous slices on up to `jobs` threads (the calling thread is one of them), for
// decoding the fact cache: results land at fixed positions, so they never depend on the thread count.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace hie::graph {

// `work(first, last)` for each slice. Fewer than `min_per_thread` items per thread are not worth a thread.
template <typename Work>
void parallel_slices(std::size_t count, unsigned jobs, std::size_t min_per_thread, const Work& work) {
  const std::size_t threads = std::clamp<std::size_t>(count / std::max<std::size_t>(min_per_thread, 1), 1,
                                                      std::max(jobs, 1u));
  const std::size_t step = (count + threads - 1) / threads;
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back([&work, t, step, count] { work(t * step, std::min(count, (t + 1) * step)); });
  }
  work(0, std::min(count, step));
  for (auto& thread : pool) thread.join();
}

}  // namespace hie::graph
