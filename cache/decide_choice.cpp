// The rules decide_lotl and decide_lists share: ranking, the record of a list with
// nothing in use, the judgement of an attempt (decide.h).
#include "cache/decide.h"

#include "cache/sequence_guard.h"

namespace eutl::cache::detail {


// The list in use of a previous record as a candidate (its blob, read only if it has to
// be verified again); nullopt when there is none.
std::optional<Candidate> in_use_candidate(const ListRecord& r) {
  if (r.in_use == InUse::kNone || !r.in_use_digest) {
    return std::nullopt;
  }
  Candidate c;
  c.url = r.url;
  c.territory = r.territory;
  c.fetch.digest = r.in_use_digest;
  c.stored = true;
  return c;
}

void add(VerifyCounts& total, const VerifyCounts& more) {
  total.verified += more.verified;
  total.reused += more.reused;
}

// Ranking of verification results (see refresh.h); on a tie the higher sequence number.
bool better(const verify::VerifiedList& a, const verify::VerifiedList& b) {
  const int ra = result_rank(a.status);
  const int rb = result_rank(b.status);
  if (ra != rb) {
    return ra > rb;
  }
  return a.list->scheme.sequence_number > b.list->scheme.sequence_number;
}

// Whether the newly obtained list should replace the one in use (see refresh.h).
bool fresh_wins(const verify::VerifiedList& fresh, const verify::VerifiedList* previous) {
  if (!fresh.list) {
    return false;  // not a list at all: never in use
  }
  if (previous == nullptr || !previous->list) {
    return true;
  }
  return !better(*previous, fresh);
}

void keep_validators(ListRecord& r, const std::string& etag, const std::string& last_modified) {
  r.in_use_etag = etag;
  r.in_use_last_modified = last_modified;
}

// The record of a list for which nothing is in use.
void record_none(ListRecord& r) {
  r.in_use = InUse::kNone;
  r.in_use_digest.reset();
  r.result = r.fetch.result.value_or(verify::ListStatus::kIndeterminate);
  r.reasons = r.fetch.reasons;
  if (r.reasons.empty()) {
    r.reasons.push_back({"no-list", "no usable list: " + std::string(to_string(r.fetch.status)) +
                                        (r.fetch.error.empty() ? "" : " (" + r.fetch.error + ")")});
  }
}

// Verification of the candidates, then the refusal for their sequence number.
void judge(Candidate& c, const verify::VerifiedList& v, const ListRecord* in_use) {
  record_attempt(c.fetch, v);
  if (auto refusal = sequence_refusal(in_use, v, c.fetch.digest)) {
    c.fetch.reasons.push_back(std::move(*refusal));
  }
}

}  // namespace eutl::cache::detail
