// What `eutl anchors` and `eutl status` say about LOTL anchors: per certificate the
// SHA-256 fingerprint, subject, validity and the Official Journal notice announcing
// it, and which are not among the anchors bundled with this release.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "cli/anchors_in_use.h"
#include "eutl/tsl/time.h"

namespace eutl::cli {

// {"source", "from", "count", "anchors": [{"sha256", "subject", "not_before",
// "not_after", "oj_references", "bundled"}]}
nlohmann::json anchors_json(const AnchorsInUse& anchors);
// A heading, then one block per certificate; `now` marks the expired ones.
void print_anchors(std::ostream& out, const AnchorsInUse& anchors, tsl::TimePoint now);

// status: {"count", "bundled", "not_bundled": [{"sha256", "subject"}]}
nlohmann::json anchor_summary_json(const std::vector<tsl::Bytes>& anchors);
// status: "anchors: N recorded with the snapshot, …", flagging those not bundled.
void print_anchor_summary(std::ostream& out, const std::vector<tsl::Bytes>& anchors);

}  // namespace eutl::cli
