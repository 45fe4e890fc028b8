// The decision shared by fetch and import: given newly obtained bytes and the
// previous snapshot, verify and choose the bytes in use for the LOTL and each list.
// Only bytes that end up in use are written to the store; refused bytes are
// recorded by digest and size only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cache/model_cache_file.h"
#include "eutl/cache/refresh.h"

namespace eutl::cache::detail {

// Bytes obtained for one list by this refresh (absent when the attempt failed).
struct Candidate final {
  std::string url;
  std::string territory;
  FetchRecord fetch;
  std::optional<tsl::Bytes> bytes;
  // Instead of `bytes`: the bytes are the store's blob `fetch.digest` (a 304 for bytes
  // the store holds, a pivot already stored, a list in use kept), read only when they
  // have to be verified again (load_stored).
  bool stored = false;

  bool obtained() const { return bytes.has_value() || stored; }
};

class ReuseBasis;
using VerifiedPtr = std::shared_ptr<const verify::VerifiedList>;
// What this refresh verified or reused, by the digest of the bytes: the model cache of
// the new snapshot is written from it (refresh_reuse.h).
using VerifiedByDigest = std::map<tsl::Sha256, VerifiedPtr>;

// How many lists this refresh verified and how many verifications it reused.
struct VerifyCounts final {
  std::size_t verified = 0;
  std::size_t reused = 0;
};

struct LotlDecision final {
  ListRecord lotl;
  std::vector<ListRecord> pivots;
  // The LOTL in use as verified by decide_lotl (with its pivots); the national lists
  // are verified against it (ListSetRequest::verified_lotl), not by verifying it again.
  VerifiedPtr verified;
  bool fresh_failed = false;  // new LOTL bytes were not obtained, not valid or refused
  VerifiedByDigest in_use;    // the verification of the LOTL and pivots in use
  VerifyCounts counts;

  // The LOTL in use, parsed; null when there is none.
  const tsl::TrustedList* model() const { return verified && verified->list ? &*verified->list : nullptr; }
};

struct DecideContext final {
  const Store& store;
  const Verifier& verifier;
  const std::optional<Snapshot>& previous;
  const std::vector<tsl::Bytes>& anchors;
  tsl::TimePoint at;
  std::span<const tsl::Bytes> tl_signers{};  // RefreshRequest::tl_signers (import only)
  // The previous snapshot's verification, for bytes that did not change (fetch only;
  // null: everything is verified).
  const ReuseBasis* reuse = nullptr;
};

// Records the digest and size of the bytes (fetch.digest, fetch.bytes when unset)
// without storing them.
void digest_candidate(Candidate& c);

// Writes the blob of bytes chosen to be in use (checking that the store names it
// by the digest recorded).
[[nodiscard]] Result<void> store_in_use(const Store& store, const tsl::Bytes& bytes,
                                        const std::optional<tsl::Sha256>& digest);
// The same for a candidate: nothing to write when its bytes are a stored blob.
[[nodiscard]] Result<void> store_in_use(const Store& store, const Candidate& c);

[[nodiscard]] Result<LotlDecision> decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots);

struct ListsDecision final {
  std::vector<ListRecord> records;  // one per territory, sorted by territory
  std::vector<std::string> notes;   // candidates not used, and why
  VerifiedByDigest in_use;          // the verification of the lists in use
  VerifyCounts counts;
};

// Several candidates may name one territory (import): the newest valid one wins,
// never one with a lower TSLSequenceNumber than the list in use (sequence_guard.h).
[[nodiscard]] Result<ListsDecision> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                                 std::vector<Candidate> lists);

// Shared by decide_lotl and decide_lists (decide_choice.cpp).
// The list in use of a previous record as a candidate (its blob, read only if it has to
// be verified again); nullopt when there is none.
std::optional<Candidate> in_use_candidate(const ListRecord& r);
void add(VerifyCounts& total, const VerifyCounts& more);
// Ranking of verification results (see refresh.h); on a tie the higher sequence number.
bool better(const verify::VerifiedList& a, const verify::VerifiedList& b);
// Whether the newly obtained list should replace the one in use (see refresh.h).
bool fresh_wins(const verify::VerifiedList& fresh, const verify::VerifiedList* previous);
void keep_validators(ListRecord& r, const std::string& etag, const std::string& last_modified);
// The record of a list for which nothing is in use.
void record_none(ListRecord& r);
// The verification of a candidate in its attempt, then the refusal for its sequence number.
void judge(Candidate& c, const verify::VerifiedList& v, const ListRecord* in_use);

// Territories with a list in use.
std::vector<std::string> present_territories(const std::vector<ListRecord>& lists);

// Fills the facts of `record` from a verified list of `size` (list_size).
void record_verified(ListRecord& record, const verify::VerifiedList& v, tsl::TimePoint at, ListSize size);
// The size of `v`: as `reuse` read it from a model cache when `v` is one of its lists
// (whose TSP lists it does not decode), else counted.
ListSize list_size(const verify::VerifiedList& v, const ReuseBasis* reuse);

// The verification result of an attempt's bytes, in its fetch record.
void record_attempt(FetchRecord& f, const verify::VerifiedList& v);

}  // namespace eutl::cache::detail
