// Reusing the previous snapshot's verification for bytes that did not change, so that a
// refresh in which nothing changed verifies no signature again.
//
// A list's verification depends on its bytes, the LOTL anchors, the caller's list
// signers (import only), what it is checked against (a national list: the LOTL's
// pointers and status; the LOTL: the pivots given with it) and the validation time.
// Of these only the time changes between two refreshes of the same bytes, and of
// everything verify_list_set() checks only freshness depends on it (ETSI TS 119 612
// V2.4.1 §5.3.14 ListIssueDateTime, §5.3.15 NextUpdate, and through the LOTL's status
// "lotl-not-valid"; the signer certificate is judged at the signing time, not at T):
// verify::reassess_freshness() re-runs exactly those checks
// (include/eutl/verify/list_freshness.h). The basis is the previous snapshot's model
// cache, re-decided at the new time, and it is used only when all else is identical:
//   - the LOTL: the same LOTL bytes given with exactly the same pivot bytes;
//   - a national list: the same bytes, checked against the same LOTL bytes whose
//     status at the new time is the same;
//   - always: the same anchors (digests, in order), no caller list signers, and the
//     verifier is verify::verify_list_set itself (whose results the model cache holds).
// Anything else is verified again. The choice of the list in use and the
// sequence-number guard (TS 119 612 §5.3.2) run on the results either way
// (decide.cpp), so they are made again at every refresh.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cache/decide.h"
#include "eutl/cache/refresh.h"

namespace eutl::cache::detail {

class ReuseBasis final {
 public:
  // The lists as verify_list_set() returned them for one set (the LOTL marked kLotl),
  // re-decided at `at`.
  ReuseBasis(std::vector<verify::VerifiedList> lists, tsl::TimePoint at);

  // The previous snapshot's model cache re-decided at `at`; nullopt (with the reason in
  // `why`) when there is none or it cannot serve this refresh (see above). Only the
  // heads of its lists are decoded (status, reasons, signature, scheme information: all
  // a refresh reads), not their TSP lists, and of the pointers to other lists only the
  // LOTL's (OtherPointers::kDropped); make_whole() adds the rest when a new model cache
  // must be written.
  static std::optional<ReuseBasis> load(const Store& store, const std::optional<Snapshot>& previous,
                                        const std::vector<tsl::Sha256>& anchor_digests, tsl::TimePoint at,
                                        std::string& why);

  // Every list of `in_use` that came from this basis, with its TSP list and its pointers
  // read from the previous model cache (the rest as they are), so that the model of the
  // new snapshot can be written whole. Fails when that file can no longer be read.
  [[nodiscard]] Result<void> make_whole(const Store& store, VerifiedByDigest& in_use) const;

  // The LOTL and its pivots (in the order of `digests`, the LOTL first) when exactly
  // these bytes were verified together before; empty otherwise.
  [[nodiscard]] std::vector<VerifiedPtr> lotl_set(std::span<const tsl::Sha256> digests) const;
  // A national list checked against `lotl` before; null otherwise.
  [[nodiscard]] VerifiedPtr national(const tsl::Sha256& digest, const verify::VerifiedList* lotl) const;
  // The size of `v` as the model cache recorded it, when `v` is one of this basis's
  // lists read without its TSP list; nullopt otherwise.
  [[nodiscard]] std::optional<ListSize> size_of(const verify::VerifiedList& v) const;
  // The LOTL of the basis; null when it has none.
  [[nodiscard]] const VerifiedPtr& lotl() const { return m_lotl; }

 private:
  std::vector<VerifiedPtr> m_lists;
  VerifiedPtr m_lotl;
  std::optional<Snapshot> m_heads_of;  // the snapshot whose model gave only the heads
  std::vector<ListSize> m_sizes;       // with m_heads_of: the size of each of m_lists
};

// Whether `verifier` is verify::verify_list_set itself: only its results may be
// reused or written to the model cache.
bool is_production_verifier(const Verifier& verifier);

// Reads the blob of a stored candidate into `bytes`. When it cannot be read, the
// candidate becomes a failed attempt (as a 304 for bytes the store no longer holds).
void load_stored(const Store& store, Candidate& c);

// The request verify_list_set() gets for a refresh: anchors, caller signers, time.
verify::ListSetRequest list_set_request(const DecideContext& ctx);

// One result per candidate (null for one with no bytes), and what it cost.
struct Verification final {
  std::vector<VerifiedPtr> lists;
  VerifyCounts counts;
};

// The LOTL (first) and its pivots verified together: reused as a whole or verified.
[[nodiscard]] Verification verify_lotl_set(const DecideContext& ctx, std::span<Candidate* const> candidates);

// National lists, each against `request.verified_lotl`: reused one by one, the rest
// verified in one call.
[[nodiscard]] Verification verify_national(const DecideContext& ctx, const verify::ListSetRequest& request,
                                           std::span<Candidate* const> candidates);

// Whether two snapshots use the same lists (URL and blob of the LOTL, each pivot and
// each national list, in order) with the same anchors: then the model cache of the one
// serves the other unchanged (move_model_cache, cache/model_cache_file.h).
bool same_lists_in_use(const Snapshot& a, const Snapshot& b);

// Writes the model cache of a new snapshot from what its refresh verified or reused (every
// list in use must be there), so the next refresh and the next check start from it.
[[nodiscard]] Result<void> write_refreshed_model(const Store& store, const Snapshot& snapshot,
                                                 const std::vector<tsl::Bytes>& anchors,
                                                 const VerifiedByDigest& verified);

}  // namespace eutl::cache::detail
