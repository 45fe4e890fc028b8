// Freshness of a snapshot's recorded results at a later time, without re-verifying:
// the cheap default of `eutl status` (`status --at` re-verifies instead, reevaluate()
// in refresh.h). The rule itself is verify::past_next_update (TS 119 612 V2.4.1
// §5.3.15); this applies it to the dates a snapshot records.
#pragma once

#include "eutl/cache/snapshot.h"
#include "eutl/tsl/time.h"

namespace eutl::cache {

// Whether the list in use of `record` is past its recorded NextUpdate at `at` (false
// when none is recorded or it cannot be read).
bool past_next_update(const ListRecord& record, tsl::TimePoint at);

// Every list recorded valid whose NextUpdate is before `at` becomes expired, with the
// reason "expired" ("NextUpdate <date> is before <at>"). Other results are kept: only
// the passing of time is judged here.
void apply_freshness(Snapshot& snapshot, tsl::TimePoint at);

}  // namespace eutl::cache
