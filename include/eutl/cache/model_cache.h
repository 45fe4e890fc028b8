// The model cache: the verified lists of one store snapshot kept in a compact binary
// form, so that a warm `eutl check --store DIR` neither parses XML nor verifies a
// signature again.
//
//   DIR/models/<snapshot-id>.bin
//
// Layout: magic "EUTLMODL", format version (kModelCacheVersion), the snapshot id, the
// hex SHA-256 of every LOTL anchor and every list blob the snapshot uses (in the order
// load_snapshot_lists() reads them), the anchors (DER), every VerifiedList in full
// (model, status, reasons, warnings, signature facts), and a 64-bit checksum of all
// of the above (model_cache_checksum). A file is used only when all of it matches the snapshot; anything else
// (missing, truncated, corrupt, older format, another snapshot, other blobs) makes the
// loader verify the blobs again and rewrite the file (atomically, best effort: a
// read-only store still works, only slower).
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

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::cache {

inline constexpr std::uint32_t kModelCacheVersion = 1;

std::filesystem::path model_cache_path(const Store& store, std::string_view snapshot_id);
// The same, relative to the store directory ("models/<id>.bin").
std::filesystem::path model_cache_rel(std::string_view snapshot_id);

// The trailer: a fast non-cryptographic 64-bit checksum of everything before it.
std::uint64_t model_cache_checksum(tsl::ByteView body);

// The file's bytes for `lists` (as load_snapshot_lists() returned them for `snapshot`).
[[nodiscard]] tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists);
// kMalformed when the bytes are not a model of exactly this snapshot (see above).
// The lists come back as verified when the file was written: call
// verify::reassess_freshness() before use (load_snapshot_model() does).
[[nodiscard]] Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot);

[[nodiscard]] Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists);
// kNotFound when there is no file, kMalformed when it does not match.
[[nodiscard]] Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot);

enum class ModelOrigin {
  kCache,    // read from models/<id>.bin
  kRebuilt,  // verified from the blobs; the file was (re)written
  kVerifiedNotSaved,  // verified from the blobs; the file could not be written
};
std::string_view to_string(ModelOrigin o);  // "cache" / "rebuilt" / "verified-not-saved"

struct SnapshotModel final {
  SnapshotLists lists;  // freshness decided at the requested time
  ModelOrigin origin = ModelOrigin::kCache;
  std::string note;  // why the file was not used or not written; empty otherwise
};

// The lists of `snapshot` at validation time `at`: from the model cache when it is
// valid, else re-verified from the blobs (load_snapshot_lists) and cached. Fails
// only as load_snapshot_lists() does (a blob missing or corrupt).
[[nodiscard]] Result<SnapshotModel> load_snapshot_model(const Store& store, const Snapshot& snapshot,
                                                        tsl::TimePoint at);

}  // namespace eutl::cache
