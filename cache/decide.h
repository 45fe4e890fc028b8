// The decision shared by fetch and import: given newly obtained bytes and the
// previous snapshot, verify and choose the bytes in use for the LOTL and each list.
#pragma once

#include <optional>
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
  std::optional<tsl::Bytes> lotl_bytes;  // the LOTL in use
  std::vector<tsl::Bytes> pivot_bytes;   // its pivots
  std::optional<tsl::TrustedList> model;  // the LOTL in use, parsed
  bool fresh_failed = false;             // new LOTL bytes were not obtained or not valid
};

struct DecideContext final {
  const Store& store;
  const Verifier& verifier;
  const std::optional<Snapshot>& previous;
  const std::vector<tsl::Bytes>& anchors;
  tsl::TimePoint at;
};

// Stores the bytes as a blob and records their digest; false (with fetch.error set)
// when the store cannot be written.
[[nodiscard]] Result<void> store_candidate(const Store& store, Candidate& c);

LotlDecision decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots);

// One record per candidate, sorted by territory.
std::vector<ListRecord> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                     std::vector<Candidate> lists);

// verify::ListStatus as the snapshot spells it, and its rank (higher is better).
std::string result_name(verify::ListStatus s);
int result_rank(std::string_view result);

// Fills the facts of `record` from a verified list.
void record_verified(ListRecord& record, const verify::VerifiedList& v, tsl::TimePoint at);

}  // namespace eutl::cache::detail
