// The model cache: the verified lists of one store snapshot kept in a compact binary
// form, so that a warm `eutl check --store DIR` neither parses XML nor verifies a
// signature again.
//
//   DIR/models/<snapshot-id>.bin
//
// The file names its snapshot, the digests of the anchors and list blobs it was
// decoded from, and carries a checksum (layout: cache/model_cache_file.h). A file is
// used only when all of it matches the snapshot; anything else (missing, truncated,
// corrupt, older format, another snapshot, other blobs) makes the loader verify the
// blobs again and rewrite the file (atomically, best effort: a read-only store still
// works, only slower).
//
// What is kept is the time-independent verdict (signature, anchoring, pointers);
// freshness is re-decided at the caller's validation time from each list's
// ListIssueDateTime and NextUpdate (verify::reassess_freshness), so a file written at
// one time serves every later one.
//
// Caller is responsible for: trusting the store directory. The checksum detects
// accidents (a torn write, a flipped bit), not forgery: whoever can write the store
// can also rewrite its snapshots. `eutl check --snapshot` / evidence re-verification
// stay on the blobs and never read this file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "eutl/cache/issuer_scope.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/time.h"

namespace eutl::cache {

enum class ModelOrigin {
  kCache,    // read from models/<id>.bin
  kRebuilt,  // verified from the blobs; the file was (re)written
  kVerifiedNotSaved,  // verified from the blobs; the file could not be written
};
std::string_view to_string(ModelOrigin o);  // "cache" / "rebuilt" / "verified-not-saved"

struct SnapshotModel final {
  SnapshotLists lists;  // freshness decided at the requested time
  // True when a scope left some lists without their TrustServiceProviderList (read
  // from the file); false when every list is whole.
  bool scoped = false;
  ModelOrigin origin = ModelOrigin::kCache;
  std::string note;  // why the file was not used or not written; empty otherwise
};

// The lists of `snapshot` at validation time `at`: from the model cache when it is
// valid, else re-verified from the blobs (load_snapshot_lists) and cached. Fails
// only as load_snapshot_lists() does (a blob missing or corrupt).
//
// With a `scope` (a one-off check), a list of the file that cannot hold an issuer of
// the scope's certificates keeps its head (status, reasons, signature, scheme
// information) but not its TrustServiceProviderList, which is neither read nor
// decoded: an index over these lists finds every issuer candidate the whole set would.
[[nodiscard]] Result<SnapshotModel> load_snapshot_model(const Store& store, const Snapshot& snapshot,
                                                        tsl::TimePoint at, const IssuerScope* scope = nullptr);

// The same for the snapshot whose JSON file `file` holds (Store::current_file), without
// parsing that JSON: when the model cache was written from exactly these bytes (its
// SHA-256 is in the file, cache/model_cache_file.h), its header names the anchors,
// blobs and list signers the JSON does. nullopt when it was not, or the file or a
// signer's blob cannot be read: then parse the JSON (Store::parse_snapshot_file) and
// call load_snapshot_model(), which rebuilds the file and reports what is wrong.
[[nodiscard]] std::optional<SnapshotModel> load_bound_snapshot_model(const Store& store, const SnapshotFile& file,
                                                                     tsl::TimePoint at,
                                                                     const IssuerScope* scope = nullptr);

}  // namespace eutl::cache
