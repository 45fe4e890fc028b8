// Which LOTL anchors are in use, and how `eutl anchors` and `eutl status` print them:
// the --lotl-signers file (each certificate must be a CA or shaped as a list signer),
// else those the store's current snapshot was made with, else the Official Journal
// certificates this release ships (oj/). GET /v1/anchors of `eutl serve` prints the
// same object through anchors_json().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/bundled_anchors.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl {

enum class AnchorOrigin : std::uint8_t { kGiven, kStore, kBundled };
std::string_view to_string(AnchorOrigin origin);  // "given" / "store" / "bundled"

struct AnchorsInUse final {
  AnchorOrigin origin = AnchorOrigin::kBundled;
  std::string from;  // the file, the store directory, or empty for the bundled ones
  std::vector<tsl::Bytes> certificates;
};

// The anchors the store's current snapshot recorded; empty when there is no snapshot
// or it recorded none.
[[nodiscard]] Result<std::vector<tsl::Bytes>> store_anchors(const cache::Store& store);

// `lotl_signers` when not empty (kUsage for a certificate of the wrong shape), else
// the anchors of `store` (when given and it has some), else the bundled ones.
[[nodiscard]] Result<AnchorsInUse> anchors_in_use(const std::string& lotl_signers, const cache::Store* store);

// The facts of each anchor; an unreadable one keeps its digest and says so.
[[nodiscard]] std::vector<AnchorFacts> anchor_facts_of(const std::vector<tsl::Bytes>& anchors);

// The eutl-anchors/1 object (two-space indent, no trailing newline): {"schema",
// "source", "from", "count", "anchors": [{"sha256", "subject", "not_before",
// "not_after", "oj_references", "bundled"}]}.
[[nodiscard]] std::string anchors_json(const AnchorsInUse& anchors);

}  // namespace eutl
