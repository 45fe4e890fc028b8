// The model cache file (include/eutl/cache/model_cache.h): its name, its bytes, and
// reading and writing it. Used by the loader, `store verify` and the tests only.
//
// Layout (format 5): magic "EUTLMODL", format version (kModelCacheVersion), the
// snapshot id, the SHA-256 of the snapshot's JSON file the file was written from (all
// zeros when none), then the header after its length:
//   - the hex SHA-256 of every LOTL anchor, every list blob the snapshot uses (in the
//     order load_snapshot_lists() reads them) and every list signer the caller trusted
//     directly (Snapshot::tl_signer_digests), and the anchors (DER);
//   - per list: its head (the VerifiedList but its TSP list, model_cache_codec.h) after
//     its length, its anchor keys (include/eutl/cache/issuer_scope.h), its size
//     (ListSize), the length of its body and the checksum of the body;
// then the header's checksum (model_cache_checksum), then the bodies (each list's
// TrustServiceProviderList) in list order. A reader checks the header and decodes every
// head, and checks and decodes only the bodies it needs. Magic, version, id and JSON
// digest are compared as they are, so handing the file to another snapshot rewrites
// those two alone.
//
// The JSON digest binds the file to the snapshot's bytes: the writer records it only
// after parsing those bytes again and finding the anchors, blobs and signers the
// header lists, so a reader whose SHA-256 of the same file equals it may take them
// from the header instead of parsing the JSON (load_bound_snapshot_model()).
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
// each with its own checksum; 5: the snapshot JSON's digest after the id, the list
// signers in the header.
inline constexpr std::uint32_t kModelCacheVersion = 5;

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

// The file's bytes for `lists` (as load_snapshot_lists() returned them for `snapshot`),
// bound to the snapshot JSON of digest `json` (all zeros: to none).
[[nodiscard]] tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists,
                                            const tsl::Sha256& json = {});
// What a read keeps of the pointers to other lists (TS 119 612 V2.4.1 §5.3.13) of the
// lists other than the LOTL. A refresh decides with the LOTL's pointers alone, so it
// drops the others (about 1.5 MB of certificates in the heads of the 2026 EU set, the
// pivots' most of it) as each head is decoded; ReuseBasis::make_whole() takes them back
// from the whole file when a model must be written.
enum class OtherPointers { kKept, kDropped };

// kMalformed when the bytes are not a model of exactly this snapshot (see above).
// The lists come back as verified when the file was written: call
// verify::reassess_freshness() before use (load_snapshot_model() does). With a
// `scope`, a list that cannot hold an issuer of its certificates comes without its
// TrustServiceProviderList (its body is neither checked nor decoded). `sizes`, when
// given, receives the size of every list, in order.
[[nodiscard]] Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot,
                                                       const IssuerScope* scope = nullptr,
                                                       std::vector<ListSize>* sizes = nullptr,
                                                       OtherPointers pointers = OtherPointers::kKept);

// What a file bound to a snapshot JSON gives without that JSON: the lists, and the
// digests of the list signers the snapshot trusted directly.
struct BoundModel final {
  SnapshotLists lists;
  std::vector<tsl::Sha256> tl_signer_digests;
};
// kMalformed unless the bytes are a model of snapshot `snapshot_id` written from the
// snapshot JSON of digest `json` (and as decode_model_cache() otherwise).
[[nodiscard]] Result<BoundModel> decode_bound_model_cache(tsl::ByteView bytes, std::string_view snapshot_id,
                                                          const tsl::Sha256& json,
                                                          const IssuerScope* scope = nullptr);

// The digest a file for `snapshot` is bound to: the SHA-256 of snapshots/<id>.json in
// `store` when that JSON names exactly the anchors, blobs and list signers of
// `snapshot`; all zeros when it does not or cannot be read.
tsl::Sha256 snapshot_json_binding(const Store& store, const Snapshot& snapshot);

// Bound to the snapshot JSON as snapshot_json_binding() gives it.
[[nodiscard]] Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists);
// Hands the model cache of `from` over to `to` when both use exactly the same anchors
// and list blobs, so that the file differs only in the snapshot id it names (a refresh
// that changed nothing): the file is renamed and its id rewritten in place instead of
// writing it all again (nothing else of it is read or hashed; the JSON digest is
// snapshot_json_binding(store, to)). `from` has no model cache afterwards (it is rebuilt
// from the blobs if ever needed). kUnsupported when the snapshots differ or the ids
// differ in length, kMalformed when the file of `from` does not match it.
[[nodiscard]] Result<void> move_model_cache(const Store& store, const Snapshot& from, const Snapshot& to);
// kNotFound when there is no file, kMalformed when it does not match.
[[nodiscard]] Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot,
                                                     const IssuerScope* scope = nullptr,
                                                     std::vector<ListSize>* sizes = nullptr,
                                                     OtherPointers pointers = OtherPointers::kKept);
// The file of snapshot `snapshot_id` when it is bound to the JSON of digest `json`
// (decode_bound_model_cache); kNotFound when there is no file.
[[nodiscard]] Result<BoundModel> read_bound_model_cache(const Store& store, std::string_view snapshot_id,
                                                        const tsl::Sha256& json, const IssuerScope* scope);

}  // namespace eutl::cache::detail
