// The site's two passes share one way of spreading specs over threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "workspace/run.h"

namespace specgate::site {

// Calls fn(i) for every i < n on up to `jobs` threads (0: one per core), each taking the next
// index from a shared counter; fn must catch what it throws.
template <typename Fn>
void for_each_index(size_t n, unsigned jobs, Fn&& fn) {
  const size_t threads = std::min<size_t>(jobs ? jobs : default_jobs(), n);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace specgate::site
