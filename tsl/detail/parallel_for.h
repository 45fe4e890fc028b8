// Internal: a small work-sharing loop over independent items (style C2: one place
// for it), used where a set of lists is parsed, verified or decoded at once.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace eutl::tsl::detail {

// Runs fn(order[0]), fn(order[1]), … on `threads` workers (0: one per hardware
// thread; never more than there are items), each taking the next index when free:
// with the largest items first, no worker is left with a big one at the end. Each
// worker calls first(i) before fn(i) for the first index it takes. A single worker is
// the calling thread itself. Caller is responsible for: fn(i) for distinct i touching
// distinct data.
void parallel_for(const std::vector<std::size_t>& order, unsigned threads, const std::function<void(std::size_t)>& fn,
                  const std::function<void(std::size_t)>& first = nullptr);

}  // namespace eutl::tsl::detail
