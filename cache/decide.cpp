#include "cache/decide.h"

#include <algorithm>
#include <map>

#include "cache/sequence_guard.h"

namespace eutl::cache::detail {
namespace {

verify::ListSetRequest make_request(const DecideContext& ctx) {
  verify::ListSetRequest req;
  req.lotl_anchors = ctx.anchors;
  req.tl_signers.assign(ctx.tl_signers.begin(), ctx.tl_signers.end());
  req.at = ctx.at;
  return req;
}

std::optional<tsl::Bytes> read_in_use(const Store& store, const ListRecord& r) {
  if (r.in_use == InUse::kNone || !r.in_use_digest) {
    return std::nullopt;
  }
  auto bytes = store.read_blob(*r.in_use_digest);
  if (!bytes) {
    return std::nullopt;  // pruned or corrupt: as if there were no previous list
  }
  return std::move(*bytes);
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

// National lists are verified against the LOTL decide_lotl verified: not again.
verify::ListSetRequest national_request(const DecideContext& ctx, const LotlDecision& lotl) {
  verify::ListSetRequest req = make_request(ctx);
  req.verified_lotl = lotl.verified;
  return req;
}

// Verification of the candidates, then the refusal for their sequence number.
void judge(Candidate& c, const verify::VerifiedList& v, const ListRecord* in_use) {
  record_attempt(c.fetch, v);
  if (auto refusal = sequence_refusal(in_use, v, c.fetch.digest)) {
    c.fetch.reasons.push_back(std::move(*refusal));
  }
}

std::string describe(const Candidate& c, const verify::VerifiedList* v) {
  std::string s = c.url;
  if (v != nullptr && v->list) {
    s += " (" + c.territory + " seq " + std::to_string(v->list->scheme.sequence_number) + ", " + std::string(result_name(c.fetch));
    if (!c.fetch.reasons.empty()) {
      s += ": " + c.fetch.reasons.back().code;
    }
    s += ")";
  }
  return s;
}

}  // namespace

Result<LotlDecision> decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots) {
  LotlDecision d;
  const ListRecord* previous = ctx.previous ? &ctx.previous->lotl : nullptr;
  std::optional<verify::ListSetResult> fresh;
  if (lotl.bytes) {
    std::vector<verify::ListSetInput> in{{lotl.url, *lotl.bytes}};
    for (const Candidate& p : pivots) {
      if (p.bytes) {
        in.push_back({p.url, *p.bytes});
      }
    }
    fresh = ctx.verifier(std::move(in), make_request(ctx));
    judge(lotl, fresh->lists.at(0), previous);
  }
  d.lotl.territory = "EU";
  d.lotl.url = lotl.url;
  d.lotl.fetch = lotl.fetch;
  const bool fresh_refused = refused(d.lotl.fetch);
  const bool fresh_valid = fresh && !fresh_refused && fresh->lists.at(0).status == verify::ListStatus::kValid;
  d.fresh_failed = !fresh_valid;

  // The LOTL in use so far, re-verified now, when the new one is not clearly good.
  std::optional<verify::ListSetResult> kept;
  std::vector<const ListRecord*> kept_pivots;  // in the order given to the verifier
  if (!fresh_valid && previous != nullptr && previous->in_use_digest != d.lotl.fetch.digest) {
    if (auto kept_bytes = read_in_use(ctx.store, *previous)) {
      std::vector<verify::ListSetInput> in{{previous->url, std::move(*kept_bytes)}};
      for (const ListRecord& p : ctx.previous->pivots) {
        if (auto b = read_in_use(ctx.store, p)) {
          in.push_back({p.url, std::move(*b)});
          kept_pivots.push_back(&p);
        }
      }
      kept = ctx.verifier(std::move(in), make_request(ctx));
    }
  }

  const bool use_fresh =
      fresh && !fresh_refused && fresh_wins(fresh->lists.at(0), kept ? &kept->lists.at(0) : nullptr);
  if (use_fresh) {
    if (auto ok = store_in_use(ctx.store, *lotl.bytes, d.lotl.fetch.digest); !ok) {
      return ok.error();
    }
    d.lotl.in_use = InUse::kFetched;
    d.lotl.in_use_digest = d.lotl.fetch.digest;
    keep_validators(d.lotl, d.lotl.fetch.etag, d.lotl.fetch.last_modified);
    record_verified(d.lotl, fresh->lists.at(0), ctx.at);
    std::size_t k = 1;
    for (Candidate& p : pivots) {
      if (!p.bytes) {
        continue;
      }
      if (auto ok = store_in_use(ctx.store, *p.bytes, p.fetch.digest); !ok) {
        return ok.error();
      }
      ListRecord r;
      r.territory = "EU";
      r.url = p.url;
      r.fetch = p.fetch;
      r.in_use = p.fetch.status == net::FetchStatus::kOk ? InUse::kFetched : InUse::kKept;
      r.in_use_digest = p.fetch.digest;
      record_attempt(r.fetch, fresh->lists.at(k));
      record_verified(r, fresh->lists.at(k), ctx.at);
      ++k;
      d.pivots.push_back(std::move(r));
    }
    d.verified = std::make_shared<const verify::VerifiedList>(std::move(fresh->lists.at(0)));
  } else if (kept && kept->lists.at(0).list) {
    d.lotl.in_use = InUse::kKept;
    d.lotl.in_use_digest = previous->in_use_digest;
    keep_validators(d.lotl, previous->in_use_etag, previous->in_use_last_modified);
    record_verified(d.lotl, kept->lists.at(0), ctx.at);
    for (std::size_t k = 0; k < kept_pivots.size(); ++k) {
      ListRecord r = *kept_pivots[k];
      r.in_use = InUse::kKept;
      r.fetch = FetchRecord{};
      record_verified(r, kept->lists.at(k + 1), ctx.at);
      d.pivots.push_back(std::move(r));
    }
    d.verified = std::make_shared<const verify::VerifiedList>(std::move(kept->lists.at(0)));
  } else {
    record_none(d.lotl);
  }
  return d;
}

Result<ListsDecision> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                   std::vector<Candidate> lists) {
  std::map<std::string, std::vector<Candidate>> by_territory;
  for (Candidate& c : lists) {
    by_territory[c.territory].push_back(std::move(c));
  }
  const verify::ListSetRequest request = national_request(ctx, lotl);

  // Pass 1: every new candidate.
  std::vector<verify::ListSetInput> in;
  std::map<const Candidate*, std::size_t> fresh_index;
  for (auto& [territory, group] : by_territory) {
    for (Candidate& c : group) {
      if (c.bytes) {
        fresh_index[&c] = in.size();
        in.push_back({c.url, *c.bytes});
      }
    }
  }
  const verify::ListSetResult fresh = ctx.verifier(std::move(in), request);
  auto verified = [&](const Candidate& c) -> const verify::VerifiedList* {
    auto it = fresh_index.find(&c);
    return it == fresh_index.end() ? nullptr : &fresh.lists.at(it->second);
  };

  // Per territory: the best candidate not refused (newest valid first).
  struct Choice final {
    const ListRecord* previous = nullptr;
    Candidate* best = nullptr;     // may be in use
    Candidate* report = nullptr;   // whose attempt the record shows
    std::optional<std::size_t> kept_index;
  };
  std::map<std::string, Choice> choices;
  std::vector<verify::ListSetInput> in2;
  for (auto& [territory, group] : by_territory) {
    Choice& ch = choices[territory];
    ch.previous = ctx.previous ? ctx.previous->find_list(territory) : nullptr;
    const verify::VerifiedList* best_v = nullptr;
    for (Candidate& c : group) {
      const verify::VerifiedList* v = verified(c);
      if (v == nullptr) {
        continue;
      }
      judge(c, *v, ch.previous);
      if (!v->list || refused(c.fetch)) {
        continue;
      }
      if (best_v == nullptr || better(*v, *best_v)) {
        best_v = v;
        ch.best = &c;
      }
    }
    ch.report = ch.best;
    if (ch.report == nullptr) {  // else the newest list obtained, else the first attempt
      std::uint64_t top = 0;
      for (Candidate& c : group) {
        const verify::VerifiedList* v = verified(c);
        if (v != nullptr && v->list && (ch.report == nullptr || v->list->scheme.sequence_number > top)) {
          ch.report = &c;
          top = v->list->scheme.sequence_number;
        }
      }
      if (ch.report == nullptr) {
        ch.report = &group.front();
      }
    }
    // Pass 2 input: the list in use so far, unless the best candidate is valid or is it.
    const bool best_valid = best_v != nullptr && best_v->status == verify::ListStatus::kValid;
    const ListRecord* p = ch.previous;
    if (p == nullptr || best_valid || !p->in_use_digest ||
        (ch.best != nullptr && p->in_use_digest == ch.best->fetch.digest)) {
      continue;
    }
    if (auto b = read_in_use(ctx.store, *p)) {
      ch.kept_index = in2.size();
      in2.push_back({p->url, std::move(*b)});
    }
  }
  std::optional<verify::ListSetResult> kept;
  if (!in2.empty()) {
    kept = ctx.verifier(std::move(in2), request);
  }

  ListsDecision out;
  for (auto& [territory, group] : by_territory) {
    Choice& ch = choices[territory];
    ListRecord r;
    r.territory = territory;
    r.url = ch.report->url;
    r.fetch = ch.report->fetch;
    const verify::VerifiedList* f = ch.best ? verified(*ch.best) : nullptr;
    const verify::VerifiedList* k = ch.kept_index ? &kept->lists.at(*ch.kept_index) : nullptr;
    if (f != nullptr && fresh_wins(*f, k)) {
      if (auto ok = store_in_use(ctx.store, *ch.best->bytes, ch.best->fetch.digest); !ok) {
        return ok.error();
      }
      r.in_use = InUse::kFetched;
      r.in_use_digest = ch.best->fetch.digest;
      keep_validators(r, ch.best->fetch.etag, ch.best->fetch.last_modified);
      record_verified(r, *f, ctx.at);
    } else if (k != nullptr && k->list) {
      r.in_use = InUse::kKept;
      r.in_use_digest = ch.previous->in_use_digest;
      keep_validators(r, ch.previous->in_use_etag, ch.previous->in_use_last_modified);
      record_verified(r, *k, ctx.at);
    } else {
      record_none(r);
    }
    r.territory = territory;
    for (const Candidate& c : group) {
      if (&c != ch.report && c.bytes) {
        out.notes.push_back("not used: " + describe(c, verified(c)) + "; " + territory + " uses " +
                            (r.in_use == InUse::kNone ? std::string("no list")
                                                      : "seq " + std::to_string(r.sequence_number.value_or(0))));
      }
    }
    out.records.push_back(std::move(r));
  }
  return out;
}

}  // namespace eutl::cache::detail
