// The model cache loader (include/eutl/cache/model_cache.h): the file when it matches
// the snapshot, else the blobs verified again and the file rewritten.
#include "eutl/cache/model_cache.h"

#include <utility>

#include "cache/model_cache_file.h"
#include "eutl/verify/list_freshness.h"

namespace eutl::cache {

std::string_view to_string(ModelOrigin o) {
  switch (o) {
    case ModelOrigin::kCache: return "cache";
    case ModelOrigin::kRebuilt: return "rebuilt";
    case ModelOrigin::kVerifiedNotSaved: return "verified-not-saved";
  }
  return "cache";
}

Result<SnapshotModel> load_snapshot_model(const Store& store, const Snapshot& snapshot, tsl::TimePoint at,
                                          const IssuerScope* scope) {
  SnapshotModel out;
  auto cached = detail::read_model_cache(store, snapshot, scope);
  if (cached) {
    // The caller's list signers are not in the file: the snapshot id (a digest of its
    // JSON) already pins their digests, so they are read from their blobs.
    auto signers = load_snapshot_tl_signers(store, snapshot);
    if (!signers) {
      return std::move(signers).error();
    }
    out.lists = std::move(*cached);
    out.lists.tl_signers = std::move(*signers);
    out.lists.verified_at = at;
    out.origin = ModelOrigin::kCache;
    out.scoped = scope != nullptr;
    verify::reassess_freshness(out.lists.lists, at);
    return out;
  }
  out.note = cached.error().message;
  auto verified = load_snapshot_lists(store, snapshot, at);
  if (!verified) {
    return std::move(verified).error();
  }
  out.lists = std::move(*verified);
  if (auto written = detail::write_model_cache(store, snapshot, out.lists); written) {
    out.origin = ModelOrigin::kRebuilt;
  } else {
    out.origin = ModelOrigin::kVerifiedNotSaved;
    out.note += "; not saved: " + written.error().message;
  }
  return out;
}

std::optional<SnapshotModel> load_bound_snapshot_model(const Store& store, const SnapshotFile& file, tsl::TimePoint at,
                                                       const IssuerScope* scope) {
  auto bound = detail::read_bound_model_cache(store, file.id, tsl::sha256(file.json), scope);
  if (!bound) {
    return std::nullopt;
  }
  SnapshotModel out;
  out.lists = std::move(bound->lists);
  for (const tsl::Sha256& digest : bound->tl_signer_digests) {
    auto der = store.read_blob(digest);
    if (!der) {
      return std::nullopt;
    }
    out.lists.tl_signers.push_back(std::move(*der));
  }
  out.lists.verified_at = at;
  out.origin = ModelOrigin::kCache;
  out.scoped = scope != nullptr;
  verify::reassess_freshness(out.lists.lists, at);
  return out;
}

}  // namespace eutl::cache
