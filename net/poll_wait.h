// How long the multi loop (net/fetcher.cpp) may sleep in curl_multi_poll before it
// must run again. Internal to net/.
#pragma once

#include <chrono>

namespace eutl::net::detail {

using PollClock = std::chrono::steady_clock;

// The queued transfers, as the wait sees them.
struct QueuedStarts final {
  bool any_ready = false;  // one whose start (or retry) time has come
  PollClock::time_point next_retry = PollClock::time_point::max();  // the earliest one still to come
};

// Zero when a ready transfer can start now (a connection slot is free); otherwise until
// the next retry is due, at most `most`. A ready transfer waiting for a slot does not
// shorten the wait: a slot frees only when a running transfer ends, which the poll
// itself reports. (Counting it spun the loop: 8,600 polls and about 100 ms of CPU for
// one fetch of the 2026 EU set whose 31 lists all answered 304.)
std::chrono::milliseconds poll_wait(const QueuedStarts& queued, PollClock::time_point now, bool slot_free,
                                    std::chrono::milliseconds most);

}  // namespace eutl::net::detail
