// The lists of one snapshot, read back from the store's blobs and re-verified, so a
// decision (`eutl check --snapshot ID`) rests on exactly the bytes the snapshot names.
#include "eutl/cache/snapshot_lists.h"

namespace eutl::cache {

namespace {

Result<std::vector<tsl::Bytes>> read_certificates(const Store& store, const Snapshot& snapshot,
                                                 const std::vector<tsl::Sha256>& digests, const char* what) {
  std::vector<tsl::Bytes> out;
  for (const tsl::Sha256& digest : digests) {
    auto der = store.read_blob(digest);
    if (!der) {
      return Error(der.error().code, "snapshot " + snapshot.id + ": " + what + " " + tsl::to_hex(digest) + ": " +
                                         der.error().message);
    }
    out.push_back(std::move(*der));
  }
  return out;
}

}  // namespace

Result<std::vector<tsl::Bytes>> load_snapshot_anchors(const Store& store, const Snapshot& snapshot) {
  return read_certificates(store, snapshot, snapshot.lotl_anchor_digests, "LOTL anchor");
}

Result<std::vector<tsl::Bytes>> load_snapshot_tl_signers(const Store& store, const Snapshot& snapshot) {
  return read_certificates(store, snapshot, snapshot.tl_signer_digests, "list signer");
}

Result<SnapshotLists> load_snapshot_lists(const Store& store, const Snapshot& snapshot, tsl::TimePoint at) {
  SnapshotLists out;
  out.verified_at = at;
  auto anchors = load_snapshot_anchors(store, snapshot);
  if (!anchors) {
    return anchors.error();
  }
  out.lotl_anchors = std::move(*anchors);
  auto signers = load_snapshot_tl_signers(store, snapshot);
  if (!signers) {
    return signers.error();
  }
  out.tl_signers = std::move(*signers);
  std::vector<verify::ListSetInput> inputs;
  auto add = [&](const ListRecord& r) -> Result<void> {
    if (r.in_use == InUse::kNone || !r.in_use_digest) {
      return {};
    }
    auto bytes = store.read_blob(*r.in_use_digest);
    if (!bytes) {
      return Error(bytes.error().code, "snapshot " + snapshot.id + ": list " + r.territory + " (" + r.url +
                                           ") blob " + tsl::to_hex(*r.in_use_digest) + ": " + bytes.error().message);
    }
    inputs.push_back({r.url, std::move(*bytes)});
    return {};
  };
  if (auto r = add(snapshot.lotl); !r) {
    return std::move(r).error();
  }
  for (const auto& p : snapshot.pivots) {
    if (auto r = add(p); !r) {
      return std::move(r).error();
    }
  }
  for (const auto& l : snapshot.lists) {
    if (auto r = add(l); !r) {
      return std::move(r).error();
    }
  }
  if (inputs.empty()) {
    return Error(Errc::kNotFound, "snapshot " + snapshot.id + " has no list in use");
  }
  verify::ListSetRequest req;
  req.lotl_anchors = out.lotl_anchors;
  req.tl_signers = out.tl_signers;
  req.at = at;
  out.lists = verify::verify_list_set(std::move(inputs), req).lists;
  return out;
}

}  // namespace eutl::cache
