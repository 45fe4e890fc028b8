// Re-deciding an already verified list set at another validation time, without the XML.
//
// Of everything verify_list_set() checks, only freshness depends on the validation
// time: TS 119 612 V2.4.1 §5.3.14 (ListIssueDateTime not after T) and §5.3.15
// (NextUpdate not before T), and through the LOTL's status the "lotl-not-valid"
// reason of every national list. Signatures, anchoring, pivots and pointers do not
// (the signer's validity is judged at the signing time). A set verified once can
// therefore be re-decided at any T: the reasons and warnings the time-dependent
// checks produced are removed and those checks re-run at T. The result equals
// verify_list_set() on the same bytes at T (tests/verify/list_freshness_test.cpp).
//
// Caller is responsible for: passing the whole set as verify_list_set() returned it
// (same order, the LOTL marked kLotl), and trusting where it was kept (the model
// cache in the store, cache/model_cache.cpp).
#pragma once

#include <optional>
#include <vector>

#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"

namespace eutl::verify {

void reassess_freshness(std::vector<VerifiedList>& lists, tsl::TimePoint at);

// TS 119 612 V2.4.1 §5.3.15: a list is expired at `at` once its NextUpdate has passed;
// a list without NextUpdate is closed, never expired by time. The one statement of
// the rule: verify_list_set() and the store's recorded results both use it.
bool past_next_update(const std::optional<tsl::TimePoint>& next_update, tsl::TimePoint at);

}  // namespace eutl::verify
