#include "cache/anchors.h"

#include "eutl/cache/snapshot_lists.h"

namespace eutl::cache::detail {

Result<std::vector<tsl::Bytes>> resolve_anchors(const Store& store, const std::vector<tsl::Bytes>& requested,
                                               const std::function<std::vector<tsl::Bytes>()>& defaults,
                                               const std::optional<Snapshot>& previous,
                                               std::vector<tsl::Sha256>& digests) {
  if (requested.empty() && previous && !previous->lotl_anchor_digests.empty()) {
    // Read back by digest (read_blob checks each), so already stored under these.
    auto loaded = load_snapshot_anchors(store, *previous);
    if (!loaded) {
      return loaded.error();
    }
    digests = previous->lotl_anchor_digests;
    return loaded;
  }
  std::vector<tsl::Bytes> anchors = requested.empty() && defaults ? defaults() : requested;
  if (auto stored = store_certificates(store, anchors, digests); !stored) {
    return stored.error();
  }
  return anchors;
}

Result<void> store_certificates(const Store& store, const std::vector<tsl::Bytes>& certificates,
                                std::vector<tsl::Sha256>& digests) {
  digests.clear();
  for (const tsl::Bytes& c : certificates) {
    auto d = store.put_blob(c);
    if (!d) {
      return d.error();
    }
    digests.push_back(*d);
  }
  return {};
}

Result<Snapshot> commit_snapshot(const Store& store, Snapshot snapshot) {
  auto id = store.write_snapshot(snapshot);
  if (!id) {
    return id.error();
  }
  if (auto r = store.set_current(*id); !r) {
    return r.error();
  }
  snapshot.id = *id;
  return snapshot;
}

}  // namespace eutl::cache::detail
