// The work-sharing loop (tsl/detail/parallel_for.h): every index once, in any number
// of workers, and first() once per worker that took an index.
#include "tsl/detail/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>
#include <vector>

namespace eutl::tsl::detail {
namespace {

std::vector<std::size_t> indices(std::size_t n) {
  std::vector<std::size_t> v(n);
  std::iota(v.begin(), v.end(), std::size_t{0});
  return v;
}

TEST(ParallelFor, EveryIndexRunsOnceWhateverTheWorkers) {
  for (unsigned threads : {0u, 1u, 2u, 3u, 16u}) {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{200}}) {
      std::vector<std::atomic<int>> runs(n);
      std::atomic<int> firsts{0};
      parallel_for(
          indices(n), threads, [&](std::size_t i) { ++runs[i]; }, [&](std::size_t) { ++firsts; });
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(runs[i].load(), 1) << "index " << i << ", " << threads << " workers";
      }
      const unsigned workers = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
      EXPECT_LE(firsts.load(), static_cast<int>(std::min<std::size_t>(workers, n)));
      EXPECT_EQ(firsts.load() > 0, n > 0);
    }
  }
}

TEST(ParallelFor, OneWorkerIsTheCallingThreadInTheGivenOrder) {
  const std::vector<std::size_t> order = {3, 0, 2, 1};
  std::vector<std::size_t> seen;
  std::set<std::thread::id> threads;
  parallel_for(order, 1, [&](std::size_t i) {
    seen.push_back(i);
    threads.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(seen, order);
  EXPECT_EQ(threads, std::set<std::thread::id>{std::this_thread::get_id()});
}

// Each item waits (up to 30 s) until two workers have taken one: with one worker the
// wait would time out and the test fail.
TEST(ParallelFor, ManyWorkersShareTheWork) {
  std::mutex m;
  std::condition_variable cv;
  std::set<std::thread::id> threads;
  parallel_for(indices(8), 4, [&](std::size_t) {
    std::unique_lock lock(m);
    threads.insert(std::this_thread::get_id());
    cv.notify_all();
    cv.wait_for(lock, std::chrono::seconds(30), [&] { return threads.size() >= 2; });
  });
  EXPECT_GE(threads.size(), 2u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);  // the caller waits
}

}  // namespace
}  // namespace eutl::tsl::detail
