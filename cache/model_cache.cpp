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

namespace {

// The lists read from the file, with the list signers read from their blobs (the file
// names only their digests) and freshness decided at `at`.
Result<SnapshotModel> from_file(const Store& store, SnapshotLists lists, const Snapshot& signers_of, tsl::TimePoint at,
                                const IssuerScope* scope) {
  auto signers = load_snapshot_tl_signers(store, signers_of);
  if (!signers) {
    return std::move(signers).error();
  }
  SnapshotModel out;
  out.lists = std::move(lists);
  out.lists.tl_signers = std::move(*signers);
  out.lists.verified_at = at;
  out.origin = ModelOrigin::kCache;
  out.scoped = scope != nullptr;
  verify::reassess_freshness(out.lists.lists, at);
  return out;
}

}  // namespace

Result<SnapshotModel> load_snapshot_model(const Store& store, const Snapshot& snapshot, tsl::TimePoint at,
                                          const IssuerScope* scope) {
  auto cached = detail::read_model_cache(store, snapshot, scope);
  if (cached) {
    return from_file(store, std::move(*cached), snapshot, at, scope);
  }
  SnapshotModel out;
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
  Snapshot signers_of;  // what from_file() reads of a snapshot, as the file's header gives it
  signers_of.id = file.id;
  signers_of.tl_signer_digests = std::move(bound->tl_signer_digests);
  auto model = from_file(store, std::move(bound->lists), signers_of, at, scope);
  if (!model) {
    return std::nullopt;
  }
  return std::move(*model);
}

}  // namespace eutl::cache
