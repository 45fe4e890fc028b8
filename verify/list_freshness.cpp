// reassess_freshness: the time-dependent part of verify_list_set, re-run at a new time
// on results kept from an earlier run (include/eutl/verify/list_freshness.h).
#include "eutl/verify/list_freshness.h"

#include <algorithm>
#include <string>

#include "verify/detail/list_set_internal.h"
#include "verify/reasons.h"

namespace eutl::verify {
namespace {

// The codes check_freshness() and the LOTL-status check of verify_tl() append. They
// are always the last entries (list_set.cpp appends them after every other check), so
// removing them and re-appending keeps the order verify_list_set() produces.
bool is_time_dependent(const Reason& r) {
  return r.code == reasons::kExpired.code || r.code == reasons::kIssuedInFuture.code ||
         r.code == reasons::kVersionUnsupported.code || r.code == reasons::kLotlNotValid.code ||
         r.code == reasons::kClosedList.code;
}

void strip(std::vector<Reason>& v) { std::erase_if(v, is_time_dependent); }

void reassess(VerifiedList& v, tsl::TimePoint at, const VerifiedList* lotl) {
  strip(v.reasons);
  strip(v.warnings);
  // As verify_tl(): a national list that was checked against a LOTL depends on its status.
  if (v.kind == ListKind::kTl && lotl != nullptr && lotl->status != ListStatus::kValid) {
    v.reasons.push_back(reasons::make(reasons::kLotlNotValid, "LOTL " + std::to_string(lotl->list->scheme.sequence_number) +
                                                                  " is " + std::string(to_string(lotl->status))));
  }
  trust::check_freshness(*v.list, v.kind, at, v.reasons, v.warnings);
  v.status = trust::status_from(v.reasons);
}

}  // namespace

bool past_next_update(const std::optional<tsl::TimePoint>& next_update, tsl::TimePoint at) {
  return next_update && *next_update < at;
}

void reassess_freshness(std::vector<VerifiedList>& lists, tsl::TimePoint at) {
  // Lists that could not be read have no time-dependent reason: left as they are.
  auto lotl = std::find_if(lists.begin(), lists.end(),
                           [](const VerifiedList& v) { return v.kind == ListKind::kLotl && v.list; });
  const VerifiedList* lotl_ptr = nullptr;
  if (lotl != lists.end()) {
    reassess(*lotl, at, nullptr);
    lotl_ptr = &*lotl;
  }
  for (auto& v : lists) {
    if (v.list && v.kind != ListKind::kLotl) {
      reassess(v, at, lotl_ptr);
    }
  }
}

}  // namespace eutl::verify
