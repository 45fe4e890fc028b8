// decide_lists: the list in use of each territory (decide.h).
#include "cache/decide.h"

#include <algorithm>
#include <map>

#include "cache/refresh_reuse.h"
#include "cache/sequence_guard.h"

namespace eutl::cache::detail {
namespace {

// National lists are verified against the LOTL decide_lotl verified: not again.
verify::ListSetRequest national_request(const DecideContext& ctx, const LotlDecision& lotl) {
  verify::ListSetRequest req = list_set_request(ctx);
  req.verified_lotl = lotl.verified;
  return req;
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

Result<ListsDecision> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                   std::vector<Candidate> lists) {
  std::map<std::string, std::vector<Candidate>> by_territory;
  for (Candidate& c : lists) {
    by_territory[c.territory].push_back(std::move(c));
  }
  const verify::ListSetRequest request = national_request(ctx, lotl);

  // Pass 1: every new candidate.
  std::vector<Candidate*> in;
  for (auto& [territory, group] : by_territory) {
    for (Candidate& c : group) {
      in.push_back(&c);
    }
  }
  const Verification fresh = verify_national(ctx, request, in);
  std::map<const Candidate*, const verify::VerifiedList*> fresh_index;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (fresh.lists[i]) {
      fresh_index[in[i]] = fresh.lists[i].get();
    }
  }
  auto verified = [&](const Candidate& c) -> const verify::VerifiedList* {
    auto it = fresh_index.find(&c);
    return it == fresh_index.end() ? nullptr : it->second;
  };
  auto shared = [&](const Candidate& c) -> VerifiedPtr {
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (in[i] == &c) {
        return fresh.lists[i];
      }
    }
    return nullptr;
  };

  // Per territory: the best candidate not refused (newest valid first).
  struct Choice final {
    const ListRecord* previous = nullptr;
    Candidate* best = nullptr;     // may be in use
    Candidate* report = nullptr;   // whose attempt the record shows
    std::optional<std::size_t> kept_index;
  };
  std::map<std::string, Choice> choices;
  std::vector<Candidate> in2;
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
    if (auto c = in_use_candidate(*p)) {
      ch.kept_index = in2.size();
      in2.push_back(std::move(*c));
    }
  }
  std::vector<Candidate*> in2_ptrs;
  for (Candidate& c : in2) {
    in2_ptrs.push_back(&c);
  }
  const Verification kept = verify_national(ctx, request, in2_ptrs);

  ListsDecision out;
  add(out.counts, fresh.counts);
  add(out.counts, kept.counts);
  for (auto& [territory, group] : by_territory) {
    Choice& ch = choices[territory];
    ListRecord r;
    r.territory = territory;
    r.url = ch.report->url;
    r.fetch = ch.report->fetch;
    const verify::VerifiedList* f = ch.best ? verified(*ch.best) : nullptr;
    const VerifiedPtr k_ptr = ch.kept_index ? kept.lists.at(*ch.kept_index) : nullptr;
    const verify::VerifiedList* k = k_ptr.get();
    if (f != nullptr && fresh_wins(*f, k)) {
      if (auto ok = store_in_use(ctx.store, *ch.best); !ok) {
        return ok.error();
      }
      r.in_use = InUse::kFetched;
      r.in_use_digest = ch.best->fetch.digest;
      keep_validators(r, ch.best->fetch.etag, ch.best->fetch.last_modified);
      record_verified(r, *f, ctx.at, list_size(*f, ctx.reuse));
      out.in_use[*r.in_use_digest] = shared(*ch.best);
    } else if (k != nullptr && k->list) {
      r.in_use = InUse::kKept;
      r.in_use_digest = ch.previous->in_use_digest;
      keep_validators(r, ch.previous->in_use_etag, ch.previous->in_use_last_modified);
      record_verified(r, *k, ctx.at, list_size(*k, ctx.reuse));
      out.in_use[*r.in_use_digest] = k_ptr;
    } else {
      record_none(r);
    }
    r.territory = territory;
    for (const Candidate& c : group) {
      if (&c != ch.report && c.obtained()) {
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
