// What `eutl anchors` and `eutl status` say about LOTL anchors: per certificate the
// SHA-256 fingerprint, subject, validity and the Official Journal notice announcing
// it, and which are not among the anchors bundled with this release.
#pragma once

#include <ostream>
#include <vector>

#include "cli/anchors_in_use.h"
#include "eutl/bundled_anchors.h"
#include "eutl/tsl/time.h"

namespace eutl::cli {

// The JSON of both lives in the library: eutl::anchors_json (include/eutl/anchors_in_use.h)
// and eutl::status_json (include/eutl/status_json.h).

// A heading, then one block per certificate; `now` marks the expired ones.
void print_anchors(std::ostream& out, const AnchorsInUse& anchors, tsl::TimePoint now);

// status: "anchors: N recorded with the snapshot, …", flagging those not bundled.
void print_anchor_summary(std::ostream& out, const std::vector<AnchorFacts>& anchors);

}  // namespace eutl::cli
