// A refresh: obtain the LOTL, its pivots and the national lists (from the network or
// from local files), verify them, decide per list which bytes are in use, and record
// it all as a new snapshot that becomes current.
//
// Never lose a good list: bytes that could not be obtained, are not XML, or verify
// worse than the list already in use never replace it. Ranking of verification
// results: valid > expired > indeterminate > invalid; on a tie the higher sequence
// number, then the newly obtained bytes, win. The kept list is re-verified at the
// new validation time, so its recorded result is current.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eutl/cache/fetcher.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache {

// verify::verify_list_set in production; tests may inject another.
using Verifier = std::function<verify::ListSetResult(std::vector<verify::ListSetInput>, const verify::ListSetRequest&)>;

inline constexpr std::string_view kDefaultLotlUrl = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";

struct RefreshRequest final {
  std::string lotl_url = std::string(kDefaultLotlUrl);
  // DER certificates from the Official Journal; empty: those of the current snapshot.
  std::vector<tsl::Bytes> lotl_anchors;
  tsl::TimePoint at{};       // validation time
  tsl::TimePoint created{};  // wall-clock time recorded in the snapshot
};

struct RefreshReport final {
  Snapshot snapshot;  // as written (id set)
  bool lotl_verified = false;   // the LOTL in use is valid and the new one (if any) did not fail
  std::size_t list_failures = 0;  // national lists whose new bytes were not obtained or not valid
  std::uint64_t list_bytes_downloaded = 0;  // body bytes of national lists (LOTL and pivots excluded)
  std::vector<std::string> notes;  // import: files skipped and why
};

// Downloads and records a new snapshot. Needs the store lock.
[[nodiscard]] Result<RefreshReport> refresh_from_network(const Store& store, const StoreLock& lock, Fetcher& fetcher,
                                                         const Verifier& verifier, const RefreshRequest& request,
                                                         const ProgressFn& progress = {});

struct ImportFile final {
  std::string source;  // path, recorded as the URL
  tsl::Bytes bytes;
};

// Same as a refresh, from local files: the newest list of lists is the LOTL, older
// ones are pivots, the others national lists.
[[nodiscard]] Result<RefreshReport> import_lists(const Store& store, const StoreLock& lock, const Verifier& verifier,
                                                 std::vector<ImportFile> files, const RefreshRequest& request);

// Re-verifies the lists in use of `snapshot` at `at` (from the stored blobs and
// anchors) without writing anything: for `eutl status --at`.
[[nodiscard]] Result<Snapshot> reevaluate(const Store& store, const Snapshot& snapshot, const Verifier& verifier,
                                          tsl::TimePoint at);

}  // namespace eutl::cache
