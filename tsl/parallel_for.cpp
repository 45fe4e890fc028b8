// The work-sharing loop (tsl/detail/parallel_for.h).
#include "tsl/detail/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace eutl::tsl::detail {

void parallel_for(const std::vector<std::size_t>& order, unsigned threads, const std::function<void(std::size_t)>& fn,
                  const std::function<void(std::size_t)>& first) {
  const std::size_t n = order.size();
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    if (first && n > 0) {
      first(order.front());
    }
    for (std::size_t i : order) {
      fn(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      std::size_t i = next++;
      if (first && i < n) {
        first(order[i]);
      }
      for (; i < n; i = next++) {
        fn(order[i]);
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
}

}  // namespace eutl::tsl::detail
