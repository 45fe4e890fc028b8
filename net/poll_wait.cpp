// The multi loop's wait (net/poll_wait.h).
#include "net/poll_wait.h"

#include <algorithm>

namespace eutl::net::detail {

std::chrono::milliseconds poll_wait(const QueuedStarts& queued, PollClock::time_point now, bool slot_free,
                                    std::chrono::milliseconds most) {
  if (queued.any_ready && slot_free) {
    return std::chrono::milliseconds(0);
  }
  if (queued.next_retry == PollClock::time_point::max()) {
    return most;
  }
  // Rounded up: waking a little late costs nothing, waking early means one more pass.
  const auto until = std::chrono::ceil<std::chrono::milliseconds>(queued.next_retry - now);
  return std::clamp(until, std::chrono::milliseconds(0), most);
}

}  // namespace eutl::net::detail
