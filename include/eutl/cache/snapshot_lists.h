// The lists of one snapshot, read back from the store's blobs and re-verified, so a
// decision rests on exactly the bytes the snapshot names.
#pragma once

#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache {

// The lists of a snapshot, re-verified from the store's blobs (for `check --snapshot`).
struct SnapshotLists final {
  std::vector<tsl::Bytes> lotl_anchors;
  std::vector<tsl::Bytes> tl_signers;  // the caller's national-list signers (import --tl-signers)
  std::vector<verify::VerifiedList> lists;  // LOTL, pivots, national lists (by territory)
  tsl::TimePoint verified_at{};
};
// The LOTL anchors (DER) the snapshot was made with, from the store's blobs.
[[nodiscard]] Result<std::vector<tsl::Bytes>> load_snapshot_anchors(const Store& store, const Snapshot& snapshot);

// The national-list signers (DER) the caller trusted for the snapshot (`import
// --tl-signers`), from the store's blobs; empty for a snapshot anchored in the LOTL.
[[nodiscard]] Result<std::vector<tsl::Bytes>> load_snapshot_tl_signers(const Store& store, const Snapshot& snapshot);

[[nodiscard]] Result<SnapshotLists> load_snapshot_lists(const Store& store, const Snapshot& snapshot,
                                                        tsl::TimePoint at);

}  // namespace eutl::cache
