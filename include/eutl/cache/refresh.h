// A refresh: obtain the LOTL, its pivots and the national lists (from the network or
// from local files), verify them, decide per list which bytes are in use, and record
// it all as a new snapshot that becomes current.
//
// Never lose a good list: bytes that could not be obtained, are not XML, or verify
// worse than the list already in use never replace it. Ranking of verification
// results: valid > expired > indeterminate > invalid; on a tie the higher sequence
// number, then the newly obtained bytes, win. The kept list is re-verified at the
// new validation time, so its recorded result is current.
//
// Monotonic lists (ETSI TS 119 612 V2.4.1 §5.3.2): whatever its verification, a list
// with a lower TSLSequenceNumber than the authenticated list in use (valid or
// expired) never replaces it ("rollback"), nor does another document with the same
// number ("sequence-reused"); both reasons name the two numbers and count as a failed
// list. A fresh store accepts whatever verifies best. Among several candidates for
// one territory (import), the newest valid one wins.
//
// Only bytes in use are stored as blobs: refused bytes (not XML, not a list, not
// valid, refused, error answers) are recorded by digest and size only.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eutl/net/fetcher.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/missing_territories.h"

namespace eutl::cache {

// verify::verify_list_set in production; tests may inject another. Only with
// verify::verify_list_set itself (the function, not a wrapper) does a fetch reuse the
// previous snapshot's verification for unchanged bytes and write the new snapshot's
// model cache (cache/refresh_reuse.h): the model cache holds its results only.
using Verifier = std::function<verify::ListSetResult(std::vector<verify::ListSetInput>, const verify::ListSetRequest&)>;

inline constexpr std::string_view kDefaultLotlUrl = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";

struct RefreshRequest final {
  std::string lotl_url = std::string(kDefaultLotlUrl);
  // DER certificates from the Official Journal; empty: those of the current snapshot,
  // else `default_anchors` (a store without a snapshot, or whose snapshot records none).
  std::vector<tsl::Bytes> lotl_anchors;
  std::function<std::vector<tsl::Bytes>()> default_anchors;  // the CLI: those bundled with eutl
  // import only: national-list signers (DER) the caller trusts directly (`eutl import
  // --tl-signers`). When given, the national lists imported are verified against these
  // only (verify::ListSetRequest::tl_signers) and the snapshot holds exactly them: no
  // LOTL or pivot (files of those are skipped with a note), no list of another
  // territory carried over from the previous snapshot. It records the signers
  // (Snapshot::tl_signer_digests) so everything that re-verifies it uses them.
  std::vector<tsl::Bytes> tl_signers;
  tsl::TimePoint at{};       // validation time
  tsl::TimePoint created{};  // wall-clock time recorded in the snapshot
};

struct RefreshReport final {
  Snapshot snapshot;  // as written (id set)
  bool lotl_verified = false;   // the LOTL in use is valid and the new one (if any) did not fail
  std::size_t list_failures = 0;  // national lists whose new bytes were not obtained or not valid
  std::uint64_t list_bytes_downloaded = 0;  // list bodies received (LOTL, pivots and error answers excluded)
  std::vector<std::string> notes;  // files or lists not used, and why
  std::vector<verify::MissingTerritory> missing;  // pointed to by the LOTL in use, no list in use
  // Lists (LOTL and pivots included) whose signature and chain this refresh verified,
  // and those whose earlier verification of the same bytes it reused, re-deciding only
  // what depends on the time (fetch only; cache/refresh_reuse.h).
  std::size_t lists_verified = 0;
  std::size_t lists_reused = 0;
  // Why the previous verification could not be reused at all ("" when it was looked
  // at), and why the new snapshot's model cache was not written ("" when it was).
  std::string reuse_note;
  std::string model_note;
};

// Downloads and records a new snapshot. Needs the store lock.
[[nodiscard]] Result<RefreshReport> refresh_from_network(const Store& store, const StoreLock& lock, net::Fetcher& fetcher,
                                                         const Verifier& verifier, const RefreshRequest& request,
                                                         const net::ProgressFn& progress = {});

struct ImportFile final {
  std::string source;  // path, recorded as the URL
  tsl::Bytes bytes;
};

// Same as a refresh, from local files: the newest list of lists is the LOTL, older
// ones are pivots, the others national lists.
[[nodiscard]] Result<RefreshReport> import_lists(const Store& store, const StoreLock& lock, const Verifier& verifier,
                                                 std::vector<ImportFile> files, const RefreshRequest& request);

// Territories the LOTL in use of `snapshot` points to that have no list in use.
[[nodiscard]] Result<std::vector<verify::MissingTerritory>> missing_territories(const Store& store,
                                                                               const Snapshot& snapshot);

// Re-verifies the lists in use of `snapshot` at `at` (from the stored blobs and
// anchors) without writing anything: for `eutl status --at`.
[[nodiscard]] Result<Snapshot> reevaluate(const Store& store, const Snapshot& snapshot, const Verifier& verifier,
                                          tsl::TimePoint at);

}  // namespace eutl::cache
