#include "cache/decide.h"

#include <algorithm>
#include <map>

namespace eutl::cache::detail {
namespace {

verify::ListSetRequest make_request(const DecideContext& ctx) {
  verify::ListSetRequest req;
  req.lotl_anchors = ctx.anchors;
  req.at = ctx.at;
  return req;
}

std::optional<tsl::Bytes> read_in_use(const Store& store, const ListRecord& r) {
  if (r.in_use == InUse::kNone || r.in_use_digest.empty()) {
    return std::nullopt;
  }
  auto bytes = store.read_blob(r.in_use_digest);
  if (!bytes) {
    return std::nullopt;  // pruned or corrupt: as if there were no previous list
  }
  return std::move(*bytes);
}

// Whether the newly obtained list should replace the one in use (see refresh.h).
bool fresh_wins(const verify::VerifiedList& fresh, const verify::VerifiedList* previous) {
  if (!fresh.list) {
    return false;  // not a list at all: never in use
  }
  if (previous == nullptr || !previous->list) {
    return true;
  }
  const int a = result_rank(result_name(fresh.status));
  const int b = result_rank(result_name(previous->status));
  if (a != b) {
    return a > b;
  }
  return fresh.list->scheme.sequence_number >= previous->list->scheme.sequence_number;
}

void record_attempt(FetchRecord& f, const verify::VerifiedList& v) {
  f.result = result_name(v.status);
  f.reasons.clear();
  for (const verify::Reason& r : v.reasons) {
    f.reasons.push_back({r.code, r.message});
  }
}

void keep_validators(ListRecord& r, const std::string& etag, const std::string& last_modified) {
  r.in_use_etag = etag;
  r.in_use_last_modified = last_modified;
}

// The record of a list for which nothing is in use.
void record_none(ListRecord& r) {
  r.in_use = InUse::kNone;
  r.in_use_digest.clear();
  r.result = r.fetch.result.empty() ? "indeterminate" : r.fetch.result;
  r.reasons = r.fetch.reasons;
  if (r.reasons.empty()) {
    r.reasons.push_back({"no-list", "no usable list: " + std::string(to_string(r.fetch.status)) +
                                        (r.fetch.error.empty() ? "" : " (" + r.fetch.error + ")")});
  }
}

std::vector<verify::ListSetInput> base_inputs(const LotlDecision& lotl) {
  std::vector<verify::ListSetInput> in;
  if (lotl.lotl_bytes) {
    in.push_back({lotl.lotl.url, *lotl.lotl_bytes});
  }
  for (std::size_t i = 0; i < lotl.pivot_bytes.size(); ++i) {
    in.push_back({lotl.pivots[i].url, lotl.pivot_bytes[i]});
  }
  return in;
}

}  // namespace

LotlDecision decide_lotl(const DecideContext& ctx, Candidate lotl, std::vector<Candidate> pivots) {
  LotlDecision d;
  d.lotl.territory = "EU";
  d.lotl.url = lotl.url;
  d.lotl.fetch = lotl.fetch;

  std::optional<verify::ListSetResult> fresh;
  if (lotl.bytes) {
    std::vector<verify::ListSetInput> in{{lotl.url, *lotl.bytes}};
    for (const Candidate& p : pivots) {
      if (p.bytes) {
        in.push_back({p.url, *p.bytes});
      }
    }
    fresh = ctx.verifier(std::move(in), make_request(ctx));
    record_attempt(d.lotl.fetch, fresh->lists.at(0));
  }
  const bool fresh_valid = fresh && fresh->lists.at(0).status == verify::ListStatus::kValid;
  d.fresh_failed = !fresh_valid;

  // The LOTL in use so far, re-verified now, when the new one is not clearly good.
  std::optional<verify::ListSetResult> kept;
  std::optional<tsl::Bytes> kept_bytes;
  std::vector<tsl::Bytes> kept_pivots;
  if (!fresh_valid && ctx.previous && ctx.previous->lotl.in_use_digest != d.lotl.fetch.digest) {
    kept_bytes = read_in_use(ctx.store, ctx.previous->lotl);
    if (kept_bytes) {
      std::vector<verify::ListSetInput> in{{ctx.previous->lotl.url, *kept_bytes}};
      for (const ListRecord& p : ctx.previous->pivots) {
        if (auto b = read_in_use(ctx.store, p)) {
          in.push_back({p.url, *b});
          kept_pivots.push_back(std::move(*b));
        }
      }
      kept = ctx.verifier(std::move(in), make_request(ctx));
    }
  }

  const bool use_fresh = fresh && fresh_wins(fresh->lists.at(0), kept ? &kept->lists.at(0) : nullptr);
  if (use_fresh) {
    d.lotl.in_use = InUse::kFetched;
    d.lotl.in_use_digest = d.lotl.fetch.digest;
    keep_validators(d.lotl, d.lotl.fetch.etag, d.lotl.fetch.last_modified);
    record_verified(d.lotl, fresh->lists.at(0), ctx.at);
    d.lotl_bytes = std::move(lotl.bytes);
    d.model = fresh->lists.at(0).list;
    std::size_t k = 1;
    for (Candidate& p : pivots) {
      if (!p.bytes) {
        continue;
      }
      ListRecord r;
      r.territory = "EU";
      r.url = p.url;
      r.fetch = p.fetch;
      r.in_use = p.fetch.status == FetchStatus::kOk ? InUse::kFetched : InUse::kKept;
      r.in_use_digest = p.fetch.digest;
      record_attempt(r.fetch, fresh->lists.at(k));
      record_verified(r, fresh->lists.at(k), ctx.at);
      ++k;
      d.pivots.push_back(std::move(r));
      d.pivot_bytes.push_back(std::move(*p.bytes));
    }
  } else if (kept && kept->lists.at(0).list) {
    d.lotl.in_use = InUse::kKept;
    d.lotl.in_use_digest = ctx.previous->lotl.in_use_digest;
    keep_validators(d.lotl, ctx.previous->lotl.in_use_etag, ctx.previous->lotl.in_use_last_modified);
    record_verified(d.lotl, kept->lists.at(0), ctx.at);
    d.lotl_bytes = std::move(kept_bytes);
    d.model = kept->lists.at(0).list;
    std::size_t k = 1;
    for (const ListRecord& p : ctx.previous->pivots) {
      if (k - 1 >= kept_pivots.size()) {
        break;
      }
      ListRecord r = p;
      r.in_use = InUse::kKept;
      r.fetch = FetchRecord{};
      record_verified(r, kept->lists.at(k), ctx.at);
      ++k;
      d.pivots.push_back(std::move(r));
    }
    d.pivot_bytes = std::move(kept_pivots);
  } else {
    record_none(d.lotl);
  }
  return d;
}

std::vector<ListRecord> decide_lists(const DecideContext& ctx, const LotlDecision& lotl,
                                     std::vector<Candidate> lists) {
  std::sort(lists.begin(), lists.end(),
            [](const Candidate& a, const Candidate& b) { return a.territory < b.territory; });
  const std::vector<verify::ListSetInput> base = base_inputs(lotl);

  // Pass 1: the new bytes.
  std::vector<verify::ListSetInput> in = base;
  std::vector<std::optional<std::size_t>> fresh_index(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    if (lists[i].bytes) {
      fresh_index[i] = in.size();
      in.push_back({lists[i].url, *lists[i].bytes});
    }
  }
  verify::ListSetResult fresh = ctx.verifier(std::move(in), make_request(ctx));

  // Pass 2: the lists in use so far, where the new bytes are not valid.
  std::vector<verify::ListSetInput> in2 = base;
  std::vector<std::optional<std::size_t>> kept_index(lists.size());
  std::vector<const ListRecord*> previous(lists.size(), nullptr);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const ListRecord* p = ctx.previous ? ctx.previous->find_list(lists[i].territory) : nullptr;
    const bool fresh_valid = fresh_index[i] && fresh.lists.at(*fresh_index[i]).status == verify::ListStatus::kValid;
    if (p == nullptr || fresh_valid || p->in_use_digest.empty() || p->in_use_digest == lists[i].fetch.digest) {
      continue;
    }
    if (auto b = read_in_use(ctx.store, *p)) {
      previous[i] = p;
      kept_index[i] = in2.size();
      in2.push_back({p->url, std::move(*b)});
    }
  }
  std::optional<verify::ListSetResult> kept;
  if (in2.size() > base.size()) {
    kept = ctx.verifier(std::move(in2), make_request(ctx));
  }

  std::vector<ListRecord> out;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    Candidate& c = lists[i];
    ListRecord r;
    r.territory = c.territory;
    r.url = c.url;
    r.fetch = c.fetch;
    const verify::VerifiedList* f = fresh_index[i] ? &fresh.lists.at(*fresh_index[i]) : nullptr;
    const verify::VerifiedList* k = kept_index[i] ? &kept->lists.at(*kept_index[i]) : nullptr;
    if (f != nullptr) {
      record_attempt(r.fetch, *f);
    }
    if (f != nullptr && fresh_wins(*f, k)) {
      r.in_use = InUse::kFetched;
      r.in_use_digest = c.fetch.digest;
      keep_validators(r, c.fetch.etag, c.fetch.last_modified);
      record_verified(r, *f, ctx.at);
    } else if (k != nullptr && k->list) {
      r.in_use = InUse::kKept;
      r.in_use_digest = previous[i]->in_use_digest;
      keep_validators(r, previous[i]->in_use_etag, previous[i]->in_use_last_modified);
      record_verified(r, *k, ctx.at);
    } else {
      record_none(r);
    }
    r.territory = c.territory;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace eutl::cache::detail
