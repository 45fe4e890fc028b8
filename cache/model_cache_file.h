// The model cache file (include/eutl/cache/model_cache.h): its name, its bytes, and
// reading and writing it. Used by the loader, `store verify` and the tests only.
//
// Layout: magic "EUTLMODL", format version (kModelCacheVersion), the snapshot id, the
// hex SHA-256 of every LOTL anchor and every list blob the snapshot uses (in the order
// load_snapshot_lists() reads them), the anchors (DER), every VerifiedList in full
// (model, status, reasons, warnings, signature facts), each after its length, and a
// 64-bit checksum of all that follows the id (model_cache_checksum). Magic, version and id are compared as
// they are, so handing the file to another snapshot rewrites the id alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cache::detail {

// 2: the checksum starts after the id; 3: the checksum is XXH3-64 and each list is
// length-prefixed.
inline constexpr std::uint32_t kModelCacheVersion = 3;

std::filesystem::path model_cache_path(const Store& store, std::string_view snapshot_id);
// The same, relative to the store directory ("models/<id>.bin").
std::filesystem::path model_cache_rel(std::string_view snapshot_id);

// The trailer: XXH3-64, a fast non-cryptographic checksum, of everything after the id.
std::uint64_t model_cache_checksum(tsl::ByteView body);

// The file's bytes for `lists` (as load_snapshot_lists() returned them for `snapshot`).
[[nodiscard]] tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists);
// kMalformed when the bytes are not a model of exactly this snapshot (see above).
// The lists come back as verified when the file was written: call
// verify::reassess_freshness() before use (load_snapshot_model() does).
[[nodiscard]] Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot);

[[nodiscard]] Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists);
// Hands the model cache of `from` over to `to` when both use exactly the same anchors
// and list blobs, so that the file differs only in the snapshot id it names (a refresh
// that changed nothing): the file is renamed and its id rewritten in place instead of
// writing it all again (nothing else is read or hashed). `from` has no model cache afterwards (it is rebuilt
// from the blobs if ever needed). kUnsupported when the snapshots differ or the ids
// differ in length, kMalformed when the file of `from` does not match it.
[[nodiscard]] Result<void> move_model_cache(const Store& store, const Snapshot& from, const Snapshot& to);
// kNotFound when there is no file, kMalformed when it does not match.
[[nodiscard]] Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot);

}  // namespace eutl::cache::detail
