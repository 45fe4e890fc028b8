#include "eutl/cache/snapshot_freshness.h"

#include <optional>

#include "eutl/verify/list_freshness.h"

namespace eutl::cache {
namespace {

void adjust(ListRecord& r, tsl::TimePoint at) {
  if (r.result == verify::ListStatus::kValid && past_next_update(r, at)) {
    r.result = verify::ListStatus::kExpired;
    r.reasons.push_back(
        {"expired", "NextUpdate " + tsl::format_time(r.next_update, "") + " is before " + tsl::format_time(at)});
  }
}

}  // namespace

bool past_next_update(const ListRecord& record, tsl::TimePoint at) {
  return verify::past_next_update(record.next_update, at);
}

void apply_freshness(Snapshot& snapshot, tsl::TimePoint at) {
  adjust(snapshot.lotl, at);
  for (ListRecord& p : snapshot.pivots) {
    adjust(p, at);
  }
  for (ListRecord& l : snapshot.lists) {
    adjust(l, at);
  }
}

}  // namespace eutl::cache
