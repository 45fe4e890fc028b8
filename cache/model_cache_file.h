// The model cache file (include/eutl/cache/model_cache.h): its name, its bytes, and
// reading and writing it. Used by the loader, `store verify` and the tests only.
//
// Layout (format 4): magic "EUTLMODL", format version (kModelCacheVersion), the
// snapshot id, then the header after its length:
//   - the hex SHA-256 of every LOTL anchor and every list blob the snapshot uses (in the
//     order load_snapshot_lists() reads them), and the anchors (DER);
//   - per list: its head (the VerifiedList but its TSP list, model_cache_codec.h) after
//     its length, its anchor keys (include/eutl/cache/issuer_scope.h), its size
//     (ListSize), the length of its body and the checksum of the body;
// then the header's checksum (model_cache_checksum), then the bodies (each list's
// TrustServiceProviderList) in list order. A reader checks the header and decodes every
// head, and checks and decodes only the bodies it needs. Magic, version and id are
// compared as they are, so handing the file to another snapshot rewrites the id alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/cache/issuer_scope.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cache::detail {

// 2: the checksum starts after the id; 3: the checksum is XXH3-64 and each list is
// length-prefixed; 4: a header with each list's head and anchor keys, then the bodies,
// each with its own checksum.
inline constexpr std::uint32_t kModelCacheVersion = 4;

std::filesystem::path model_cache_path(const Store& store, std::string_view snapshot_id);
// The same, relative to the store directory ("models/<id>.bin").
std::filesystem::path model_cache_rel(std::string_view snapshot_id);

// The number of current services of a list and of their certificates
// (tsl::TrustedList::service_count, certificate_count), kept in the header so that a
// reader that decodes no body still knows them (a refresh records them per list).
struct ListSize final {
  std::uint64_t services = 0;
  std::uint64_t certificates = 0;
};

// XXH3-64, a fast non-cryptographic checksum: of the header, and of each body.
std::uint64_t model_cache_checksum(tsl::ByteView bytes);

// The blobs `snapshot` uses, in the order load_snapshot_lists() verifies them, as hex
// (the file's spelling of a digest).
std::vector<std::string> model_list_digests(const Snapshot& snapshot);

// The file's bytes for `lists` (as load_snapshot_lists() returned them for `snapshot`).
[[nodiscard]] tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists);
// kMalformed when the bytes are not a model of exactly this snapshot (see above).
// The lists come back as verified when the file was written: call
// verify::reassess_freshness() before use (load_snapshot_model() does). With a
// `scope`, a list that cannot hold an issuer of its certificates comes without its
// TrustServiceProviderList (its body is neither checked nor decoded). `sizes`, when
// given, receives the size of every list, in order.
[[nodiscard]] Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot,
                                                       const IssuerScope* scope = nullptr,
                                                       std::vector<ListSize>* sizes = nullptr);

[[nodiscard]] Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists);
// Hands the model cache of `from` over to `to` when both use exactly the same anchors
// and list blobs, so that the file differs only in the snapshot id it names (a refresh
// that changed nothing): the file is renamed and its id rewritten in place instead of
// writing it all again (nothing else is read or hashed). `from` has no model cache afterwards (it is rebuilt
// from the blobs if ever needed). kUnsupported when the snapshots differ or the ids
// differ in length, kMalformed when the file of `from` does not match it.
[[nodiscard]] Result<void> move_model_cache(const Store& store, const Snapshot& from, const Snapshot& to);
// kNotFound when there is no file, kMalformed when it does not match.
[[nodiscard]] Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot,
                                                     const IssuerScope* scope = nullptr,
                                                     std::vector<ListSize>* sizes = nullptr);

}  // namespace eutl::cache::detail
