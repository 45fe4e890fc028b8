// A snapshot: the immutable record of one refresh (fetch or import) of the trusted
// lists. It names, for the LOTL, each pivot and each territory, the exact bytes in
// use (by SHA-256), how they were obtained and what verification concluded.
//
// Snapshots are stored as JSON (`snapshots/<id>.json`). The id is
// "<created as YYYYMMDDTHHMMSSZ>-<first 16 hex digits of the SHA-256 of the JSON>",
// so ids sort by creation time and name their content; the id itself is not inside
// the JSON. Once written, a snapshot is never modified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/net/fetch_status.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache {

using net::FetchStatus;

// Where the list in use came from.
enum class InUse {
  kNone,     // no usable list for this territory
  kFetched,  // the bytes obtained by this refresh
  kKept,     // the fetch or verification failed: the previous list is kept
};
std::string_view to_string(InUse u);
InUse in_use_from_string(std::string_view s);

struct ReasonCode final {
  std::string code;
  std::string message;
};

// Reason codes of bytes that verified but were refused because the list in use has a
// higher TSLSequenceNumber (rollback) or the same one with other bytes (ETSI TS 119
// 612 V2.4.1 §5.3.2). Both messages name the two sequence numbers.
inline constexpr std::string_view kReasonRollback = "rollback";
inline constexpr std::string_view kReasonSequenceReused = "sequence-reused";

struct FetchRecord final {
  FetchStatus status = FetchStatus::kNotAttempted;
  std::string error;          // curl's or our explanation; empty on success
  long http_status = 0;       // last HTTP status seen, 0 when none
  std::string etag;           // ETag of the response (or of the reused one on 304)
  std::string last_modified;  // Last-Modified, verbatim
  std::uint64_t bytes = 0;    // body bytes downloaded by this attempt (0 on 304 and error answers)
  int attempts = 0;           // requests made, retries included
  std::optional<tsl::Sha256> digest;  // of the bytes obtained (fetched, reused or imported), none when
                                      // none were; only bytes in use are kept in the store
  std::optional<verify::ListStatus> result;  // verification result of those bytes; none if not verified
  std::vector<ReasonCode> reasons;  // why those bytes were not valid or were refused
};

// The snapshot's spelling of an attempt's result: verify::to_string of it, "" when
// the bytes were not verified.
std::string_view result_name(const FetchRecord& f);

// Ranking of list results when choosing the list in use (refresh.h): valid > expired >
// indeterminate > invalid; higher is better.
int result_rank(verify::ListStatus s);

// True when the bytes of the attempt were refused for their sequence number.
bool refused(const FetchRecord& f);
// True when the attempt did not give this refresh a new valid list: not obtained, not
// valid, or refused.
bool attempt_failed(const FetchRecord& f);

// One list: the LOTL, a pivot or a national list.
struct ListRecord final {
  std::string territory;  // SchemeTerritory ("EU" for the LOTL and pivots)
  std::string url;        // where it is fetched from (or the imported file)
  std::optional<tsl::Sha256> in_use_digest;  // of the blob in use, none when none
  InUse in_use = InUse::kNone;
  // Validators of the response that delivered the bytes in use (empty when imported):
  // after a failed attempt the next fetch asks for these, so recovery is a 304.
  std::string in_use_etag;
  std::string in_use_last_modified;
  // Facts of the list in use (absent when none).
  std::optional<std::uint64_t> sequence_number;
  std::optional<tsl::TimePoint> issue_date;
  std::optional<tsl::TimePoint> next_update;  // none for a closed list or when no list
  verify::ListStatus result = verify::ListStatus::kIndeterminate;  // of the list in use
  std::vector<ReasonCode> reasons;       // of the list in use
  std::uint64_t service_count = 0;
  std::uint64_t certificate_count = 0;
  std::optional<tsl::Sha256> signer_sha256;  // of the signer of the list in use
  std::optional<tsl::TimePoint> verified_at;  // the validation time used
  FetchRecord fetch;          // the attempt of this refresh
};

struct Snapshot final {
  std::string id;  // not serialised: derived from the content (see above)
  tsl::TimePoint created{};          // of the refresh (wall clock)
  tsl::TimePoint validation_time{};  // the time lists were verified at
  std::string origin;           // "fetch" or "import"
  std::string lotl_url;
  std::vector<tsl::Sha256> lotl_anchor_digests;  // blobs holding each anchor certificate (DER)
  // Blobs holding each national-list signer the caller trusted directly (DER; `eutl
  // import --tl-signers`): when not empty the national lists rest on these, not on the
  // LOTL (verify::ListSetRequest::tl_signers). Written to JSON only when not empty.
  std::vector<tsl::Sha256> tl_signer_digests;
  ListRecord lotl;
  std::vector<ListRecord> pivots;
  std::vector<ListRecord> lists;  // national lists, sorted by territory

  const ListRecord* find_list(std::string_view territory) const;
};

// Deterministic JSON (sorted keys, two-space indent). Digests are spelled as lower-case
// hex and times as xsd:dateTime "YYYY-MM-DDTHH:MM:SSZ"; an absent optional digest or
// time is "" (the keys are always present).
std::string snapshot_to_json(const Snapshot& snapshot);
// kMalformed, naming the snapshot and the key, for anything else than what
// snapshot_to_json writes in a digest or time field (hostile or damaged files).
[[nodiscard]] Result<Snapshot> snapshot_from_json(std::string_view json, std::string id);

}  // namespace eutl::cache
