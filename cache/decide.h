// The decision shared by fetch and import: given newly obtained bytes and the
// previous snapshot, verify and choose the bytes in use for the LOTL and each list.
// Only bytes that end up in use are written to the store; refused bytes are
// recorded by digest and size only.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eutl/cache/refresh.h"

namespace eutl::cache::detail {

// Bytes obtained for one list by this refresh (absent when the attempt failed).
struct Candidate final {
  std::string url;
  std::string territory;
  FetchRecord fetch;
  std::optional<tsl::Bytes> bytes;
};

struct LotlDecision final {
  ListRecord lotl;
  std::vector<ListRecord> pivots;
  // The LOTL in use as verified by decide_lotl (with its pivots); the national lists
  // are verified against it (ListSetRequest::verified_lotl), not by verifying it again.
  std::shared_ptr<const verify::VerifiedList> verified;
  bool fresh_failed = false;  // new LOTL bytes were not obtained, not valid or refused

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
};

// Records the digest and size of the bytes (fetch.digest, fetch.bytes when unset)
// without storing them.
void digest_candidate(Candidate& c);

// Writes the blob of bytes chosen to be in use (checking that the store names it
// by the digest recorded).
[[nodiscard]] Result<void> store_in_use(const Store& store, const tsl::Bytes& bytes,
                                        const std::optional<tsl::Sha256>& digest);

[[nodiscard]] Result<LotlDecision> decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots);

struct ListsDecision final {
  std::vector<ListRecord> records;  // one per territory, sorted by territory
  std::vector<std::string> notes;   // candidates not used, and why
};

// Several candidates may name one territory (import): the newest valid one wins,
// never one with a lower TSLSequenceNumber than the list in use (sequence_guard.h).
[[nodiscard]] Result<ListsDecision> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                                 std::vector<Candidate> lists);

// Territories with a list in use.
std::vector<std::string> present_territories(const std::vector<ListRecord>& lists);

// Fills the facts of `record` from a verified list.
void record_verified(ListRecord& record, const verify::VerifiedList& v, tsl::TimePoint at);

// The verification result of an attempt's bytes, in its fetch record.
void record_attempt(FetchRecord& f, const verify::VerifiedList& v);

}  // namespace eutl::cache::detail
