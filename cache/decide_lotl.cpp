// decide_lotl: the LOTL in use and its pivots (decide.h).
#include "cache/decide.h"

#include "cache/refresh_reuse.h"

namespace eutl::cache::detail {

Result<LotlDecision> decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots) {
  LotlDecision d;
  const ListRecord* previous = ctx.previous ? &ctx.previous->lotl : nullptr;
  std::optional<Verification> fresh;
  if (lotl.obtained()) {
    std::vector<Candidate*> in{&lotl};
    for (Candidate& p : pivots) {
      in.push_back(&p);
    }
    fresh = verify_lotl_set(ctx, in);
    add(d.counts, fresh->counts);
    if (fresh->lists.at(0)) {
      judge(lotl, *fresh->lists.at(0), previous);
    } else {
      fresh.reset();  // its stored bytes could not be read
    }
  }
  d.lotl.territory = "EU";
  d.lotl.url = lotl.url;
  d.lotl.fetch = lotl.fetch;
  const bool fresh_refused = refused(d.lotl.fetch);
  const bool fresh_valid = fresh && !fresh_refused && fresh->lists.at(0)->status == verify::ListStatus::kValid;
  d.fresh_failed = !fresh_valid;

  // The LOTL in use so far, re-verified now, when the new one is not clearly good.
  std::optional<Verification> kept;
  std::vector<Candidate> kept_in;  // the LOTL, then its pivots, in the order verified
  std::vector<const ListRecord*> kept_pivots;  // the records of kept_in[1…]
  if (!fresh_valid && previous != nullptr && previous->in_use_digest != d.lotl.fetch.digest) {
    if (auto c = in_use_candidate(*previous)) {
      kept_in.push_back(std::move(*c));
      for (const ListRecord& p : ctx.previous->pivots) {
        if (auto pc = in_use_candidate(p)) {
          kept_in.push_back(std::move(*pc));
          kept_pivots.push_back(&p);
        }
      }
      std::vector<Candidate*> in;
      for (Candidate& c2 : kept_in) {
        in.push_back(&c2);
      }
      kept = verify_lotl_set(ctx, in);
      add(d.counts, kept->counts);
      if (!kept->lists.at(0)) {
        kept.reset();  // pruned or corrupt: as if there were no previous list
      }
    }
  }

  const bool use_fresh = fresh && !fresh_refused && fresh_wins(*fresh->lists.at(0), kept ? &*kept->lists.at(0) : nullptr);
  if (use_fresh) {
    if (auto ok = store_in_use(ctx.store, lotl); !ok) {
      return ok.error();
    }
    d.lotl.in_use = InUse::kFetched;
    d.lotl.in_use_digest = d.lotl.fetch.digest;
    keep_validators(d.lotl, d.lotl.fetch.etag, d.lotl.fetch.last_modified);
    record_verified(d.lotl, *fresh->lists.at(0), ctx.at, list_size(*fresh->lists.at(0), ctx.reuse));
    d.in_use[*d.lotl.in_use_digest] = fresh->lists.at(0);
    for (std::size_t k = 1; k < fresh->lists.size(); ++k) {
      const Candidate& p = pivots[k - 1];
      if (!fresh->lists[k]) {
        continue;
      }
      if (auto ok = store_in_use(ctx.store, p); !ok) {
        return ok.error();
      }
      ListRecord r;
      r.territory = "EU";
      r.url = p.url;
      r.fetch = p.fetch;
      r.in_use = p.fetch.status == net::FetchStatus::kOk ? InUse::kFetched : InUse::kKept;
      r.in_use_digest = p.fetch.digest;
      record_attempt(r.fetch, *fresh->lists[k]);
      record_verified(r, *fresh->lists[k], ctx.at, list_size(*fresh->lists[k], ctx.reuse));
      d.in_use[*r.in_use_digest] = fresh->lists[k];
      d.pivots.push_back(std::move(r));
    }
    d.verified = fresh->lists.at(0);
  } else if (kept && kept->lists.at(0)->list) {
    d.lotl.in_use = InUse::kKept;
    d.lotl.in_use_digest = previous->in_use_digest;
    keep_validators(d.lotl, previous->in_use_etag, previous->in_use_last_modified);
    record_verified(d.lotl, *kept->lists.at(0), ctx.at, list_size(*kept->lists.at(0), ctx.reuse));
    d.in_use[*d.lotl.in_use_digest] = kept->lists.at(0);
    for (std::size_t k = 1; k < kept->lists.size(); ++k) {
      if (!kept->lists[k]) {
        continue;
      }
      ListRecord r = *kept_pivots[k - 1];
      r.in_use = InUse::kKept;
      r.fetch = FetchRecord{};
      record_verified(r, *kept->lists[k], ctx.at, list_size(*kept->lists[k], ctx.reuse));
      d.in_use[*kept_in[k].fetch.digest] = kept->lists[k];
      d.pivots.push_back(std::move(r));
    }
    d.verified = kept->lists.at(0);
  } else {
    record_none(d.lotl);
  }
  return d;
}

}  // namespace eutl::cache::detail
