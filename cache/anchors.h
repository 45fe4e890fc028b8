// The LOTL anchors travel with each snapshot (as blobs) so a snapshot can be
// re-verified later without the PEM file.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"

namespace eutl::cache::detail {

// The request's anchors, else those recorded in `previous` (read back from their blobs),
// else `defaults`; returns their digests through `digests`, having stored as blobs those
// not read from the store.
[[nodiscard]] Result<std::vector<tsl::Bytes>> resolve_anchors(const Store& store,
                                                             const std::vector<tsl::Bytes>& requested,
                                                             const std::function<std::vector<tsl::Bytes>()>& defaults,
                                                             const std::optional<Snapshot>& previous,
                                                             std::vector<tsl::Sha256>& digests);

// Stores each certificate (DER) as a blob and returns their digests through `digests`
// (the caller's national-list signers, Snapshot::tl_signer_digests).
[[nodiscard]] Result<void> store_certificates(const Store& store, const std::vector<tsl::Bytes>& certificates,
                                              std::vector<tsl::Sha256>& digests);

// Writes the snapshot and moves `current` to it (the last step of every refresh).
[[nodiscard]] Result<Snapshot> commit_snapshot(const Store& store, Snapshot snapshot);

}  // namespace eutl::cache::detail
