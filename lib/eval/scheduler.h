// A fixed pool of worker threads running independent tasks; results are collected by index, so their order never
// depends on the number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace hie::eval {

// Calls `task(i)` for every i in [0, count) on `jobs` threads (0 = one per hardware thread; 1 = the calling
// thread only). Returns when every task has finished. Tasks must not throw.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task);

// The number of threads `jobs` stands for.
unsigned effective_jobs(unsigned jobs);

}  // namespace hie::eval
