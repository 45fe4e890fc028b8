// The health of a store snapshot as `eutl status --json` prints it (schema
// eutl-status/1, docs/schemas/eutl-status-1.schema.json): every list with its result,
// fetch record and warnings, the territories the LOTL points to without a list, and
// the LOTL anchors the snapshot was made with. `eutl status` and GET /v1/status of
// `eutl serve` both print it through status_json().
//
// Caller is responsible for: bringing the snapshot to the instant asked
// (cache::apply_freshness, or cache::reevaluate to re-verify) before gathering.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eutl/bundled_anchors.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/missing_territories.h"

namespace eutl {

struct StoreStatus final {
  cache::Snapshot snapshot;
  tsl::TimePoint at{};
  std::vector<verify::MissingTerritory> missing;
  // The LOTL anchors recorded with the snapshot, one AnchorFacts each (an unreadable
  // certificate's facts say so); absent when they cannot be read.
  std::optional<std::vector<AnchorFacts>> anchors;
  // What could not be read (the LOTL in use, the anchors), one line each; the JSON
  // then leaves that part out (missing: empty, anchors: absent).
  std::vector<std::string> problems;
};

// The missing territories and recorded anchors of `snapshot` from `store`.
[[nodiscard]] StoreStatus gather_store_status(const cache::Store& store, cache::Snapshot snapshot, tsl::TimePoint at);

// The eutl-status/1 object: two-space indent, no trailing newline.
[[nodiscard]] std::string status_json(const StoreStatus& status);

}  // namespace eutl
