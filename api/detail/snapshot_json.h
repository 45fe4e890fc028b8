// Internal: the JSON of a store snapshot as `eutl status`, `fetch` and `import` print
// it (each list with its result, fetch record and warnings), the territories the LOTL
// points to without a list, and the LOTL anchors recorded with the snapshot. The
// public entry is eutl::status_json (include/eutl/status_json.h); the CLI's fetch and
// import add their own keys to snapshot_json().
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eutl/bundled_anchors.h"
#include "eutl/cache/snapshot.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/missing_territories.h"

namespace eutl::detail {

// Per list: no-list, expired, not-refreshed, zero-services, http-url.
std::vector<std::string> snapshot_list_warnings(const cache::ListRecord& record, tsl::TimePoint at);

// The snapshot; `tl_signers` (the SHA-256 of each) only when the national lists rest
// on signers the caller gave to `import --tl-signers`.
nlohmann::json snapshot_json(const cache::Snapshot& snapshot, tsl::TimePoint at);

// [{"territory": "DE", "url": "https://…"}, …]
nlohmann::json missing_json(const std::vector<verify::MissingTerritory>& missing);

// {"count", "bundled", "not_bundled": [{"sha256", "subject"}]}
nlohmann::json anchor_summary_json(const std::vector<AnchorFacts>& anchors);

}  // namespace eutl::detail
