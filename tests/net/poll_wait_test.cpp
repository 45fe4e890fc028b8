// The multi loop's wait (net/poll_wait.h): a transfer that is ready but has no free
// connection slot never makes the loop poll without waiting; a free slot does; a
// retry due soon shortens the wait, rounded up, never below zero.
#include "net/poll_wait.h"

#include <gtest/gtest.h>

namespace eutl::net::detail {
namespace {

using std::chrono::milliseconds;

struct Case final {
  const char* what;
  bool any_ready;
  long retry_in_us;  // -1: no retry queued
  bool slot_free;
  long expect_ms;
};

TEST(PollWait, WaitsOnlyWhenNothingCanStart) {
  const auto now = PollClock::now();
  const Case cases[] = {
      {"nothing queued", false, -1, true, 100},
      {"nothing queued, slots full", false, -1, false, 100},
      {"ready, slot free: run now", true, -1, true, 0},
      {"ready, slots full: wait for one to end", true, -1, false, 100},
      {"retry in 30 ms", false, 30000, false, 30},
      {"retry in 30.2 ms: rounded up", false, 30200, true, 31},
      {"retry in 5 s: capped", false, 5000000, true, 100},
      {"retry already due, slot free", true, -1, true, 0},
      {"ready and a retry in 20 ms, slots full", true, 20000, false, 20},
      {"retry due in the past, not yet seen as ready", false, -5000, false, 0},
  };
  for (const Case& c : cases) {
    QueuedStarts q;
    q.any_ready = c.any_ready;
    if (c.retry_in_us != -1) {
      q.next_retry = now + std::chrono::microseconds(c.retry_in_us);
    }
    EXPECT_EQ(poll_wait(q, now, c.slot_free, milliseconds(100)), milliseconds(c.expect_ms)) << c.what;
  }
}

}  // namespace
}  // namespace eutl::net::detail
