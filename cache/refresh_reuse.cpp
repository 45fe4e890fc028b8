// The previous snapshot's verification reused for unchanged bytes (cache/refresh_reuse.h).
#include "cache/refresh_reuse.h"

#include <algorithm>
#include <utility>

#include "cache/model_cache_file.h"
#include "eutl/verify/list_freshness.h"

namespace eutl::cache::detail {
namespace {

VerifiedPtr find(const std::vector<VerifiedPtr>& lists, const tsl::Sha256& digest, verify::ListKind kind) {
  for (const VerifiedPtr& v : lists) {
    if (v->kind == kind && v->digest == digest && v->list) {
      return v;
    }
  }
  return nullptr;
}

}  // namespace

ReuseBasis::ReuseBasis(std::vector<verify::VerifiedList> lists, tsl::TimePoint at) {
  verify::reassess_freshness(lists, at);
  for (verify::VerifiedList& v : lists) {
    auto p = std::make_shared<const verify::VerifiedList>(std::move(v));
    if (p->kind == verify::ListKind::kLotl && p->list && !m_lotl) {
      m_lotl = p;
    }
    m_lists.push_back(std::move(p));
  }
}

std::optional<ReuseBasis> ReuseBasis::load(const Store& store, const std::optional<Snapshot>& previous,
                                           const std::vector<tsl::Sha256>& anchor_digests, tsl::TimePoint at,
                                           std::string& why) {
  if (!previous) {
    why = "no previous snapshot";
    return std::nullopt;
  }
  if (!previous->tl_signer_digests.empty()) {
    why = "the previous snapshot rests on list signers given by the caller";
    return std::nullopt;
  }
  if (previous->lotl_anchor_digests != anchor_digests) {
    why = "other LOTL anchors than the previous snapshot's";
    return std::nullopt;
  }
  const IssuerScope heads_only = IssuerScope::of({});
  std::vector<ListSize> sizes;
  auto cached = read_model_cache(store, *previous, &heads_only, &sizes, OtherPointers::kDropped);
  if (!cached) {
    why = cached.error().message;
    return std::nullopt;
  }
  ReuseBasis basis(std::move(cached->lists), at);
  basis.m_heads_of = *previous;
  basis.m_sizes = std::move(sizes);
  return basis;
}

std::optional<ListSize> ReuseBasis::size_of(const verify::VerifiedList& v) const {
  if (!m_heads_of) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < m_lists.size() && i < m_sizes.size(); ++i) {
    if (m_lists[i].get() == &v) {
      return m_sizes[i];
    }
  }
  return std::nullopt;
}

Result<void> ReuseBasis::make_whole(const Store& store, VerifiedByDigest& in_use) const {
  auto from_basis = [&](const auto& entry) {
    return entry.second->list && std::find(m_lists.begin(), m_lists.end(), entry.second) != m_lists.end();
  };
  if (!m_heads_of || std::none_of(in_use.begin(), in_use.end(), from_basis)) {
    return {};  // whole lists, or none of the basis in use: nothing to read
  }
  auto whole = read_model_cache(store, *m_heads_of);
  if (!whole) {
    return Error(whole.error().code, "model cache not written: " + whole.error().message);
  }
  if (whole->lists.size() != m_lists.size()) {
    return Error(Errc::kMalformed, "model cache not written: the previous model changed while in use");
  }
  for (auto& [digest, verified] : in_use) {
    auto it = std::find(m_lists.begin(), m_lists.end(), verified);
    if (it == m_lists.end() || !verified->list) {
      continue;  // verified by this refresh, or no model: whole already
    }
    verify::VerifiedList& from = whole->lists[static_cast<std::size_t>(it - m_lists.begin())];
    if (from.digest != verified->digest || !from.list) {
      return Error(Errc::kMalformed, "model cache not written: the previous model changed while in use");
    }
    auto out = std::make_shared<verify::VerifiedList>(*verified);
    out->list->scheme.pointers = std::move(from.list->scheme.pointers);  // dropped from the heads (load())
    out->list->providers = std::move(from.list->providers);
    verified = std::move(out);
  }
  return {};
}

std::vector<VerifiedPtr> ReuseBasis::lotl_set(std::span<const tsl::Sha256> digests) const {
  if (!m_lotl || digests.empty() || digests.front() != m_lotl->digest) {
    return {};
  }
  std::vector<tsl::Sha256> given(digests.begin() + 1, digests.end());
  std::vector<tsl::Sha256> before;
  for (const VerifiedPtr& v : m_lists) {
    if (v->kind == verify::ListKind::kPivot) {
      before.push_back(v->digest);
    }
  }
  std::sort(given.begin(), given.end());
  std::sort(before.begin(), before.end());
  if (given != before || std::adjacent_find(given.begin(), given.end()) != given.end()) {
    return {};  // other pivots (or one twice): the chain may come out otherwise
  }
  std::vector<VerifiedPtr> out{m_lotl};
  for (std::size_t i = 1; i < digests.size(); ++i) {
    auto it = std::find_if(m_lists.begin(), m_lists.end(), [&](const VerifiedPtr& v) {
      return v->kind == verify::ListKind::kPivot && v->digest == digests[i];
    });
    out.push_back(*it);
  }
  return out;
}

VerifiedPtr ReuseBasis::national(const tsl::Sha256& digest, const verify::VerifiedList* lotl) const {
  if (lotl == nullptr || !m_lotl || lotl->digest != m_lotl->digest || lotl->status != m_lotl->status) {
    return nullptr;
  }
  return find(m_lists, digest, verify::ListKind::kTl);
}

bool is_production_verifier(const Verifier& verifier) {
  using Fn = verify::ListSetResult (*)(std::vector<verify::ListSetInput>, const verify::ListSetRequest&);
  const Fn* f = verifier.target<Fn>();
  return f != nullptr && *f == &verify::verify_list_set;
}

void load_stored(const Store& store, Candidate& c) {
  if (!c.stored || c.bytes) {
    return;
  }
  c.stored = false;
  auto bytes = c.fetch.digest ? store.read_blob(*c.fetch.digest)
                              : Result<tsl::Bytes>(Error(Errc::kNotFound, "no digest"));
  if (bytes) {
    c.bytes = std::move(*bytes);
    return;
  }
  c.fetch.status = net::FetchStatus::kNetworkError;
  c.fetch.error = c.fetch.http_status == 304 ? "304 for bytes no longer in the store"
                                             : "the stored copy cannot be read: " + bytes.error().message;
  c.fetch.digest.reset();
}

namespace {

// Verifies the candidates that have bytes (stored ones read first) in one call.
void verify_rest(const DecideContext& ctx, const verify::ListSetRequest& request,
                 std::span<Candidate* const> candidates, Verification& out) {
  std::vector<verify::ListSetInput> in;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (out.lists[i]) {
      continue;
    }
    load_stored(ctx.store, *candidates[i]);
    if (candidates[i]->bytes) {
      at.push_back(i);
      in.push_back({candidates[i]->url, *candidates[i]->bytes});
    }
  }
  if (in.empty()) {
    return;
  }
  verify::ListSetResult r = ctx.verifier(std::move(in), request);
  for (std::size_t k = 0; k < at.size(); ++k) {
    out.lists[at[k]] = std::make_shared<const verify::VerifiedList>(std::move(r.lists.at(k)));
  }
  out.counts.verified += at.size();
}

// A candidate whose verification may be reused: its digest is known and, for a stored
// blob, the blob is still there (else it is read, fails, and the attempt fails).
bool reusable(const DecideContext& ctx, const Candidate& c) {
  return c.obtained() && c.fetch.digest && (c.bytes || ctx.store.has_blob(*c.fetch.digest));
}

}  // namespace

verify::ListSetRequest list_set_request(const DecideContext& ctx) {
  verify::ListSetRequest req;
  req.lotl_anchors = ctx.anchors;
  req.tl_signers.assign(ctx.tl_signers.begin(), ctx.tl_signers.end());
  req.at = ctx.at;
  return req;
}

Verification verify_lotl_set(const DecideContext& ctx, std::span<Candidate* const> candidates) {
  Verification out;
  out.lists.resize(candidates.size());
  if (ctx.reuse != nullptr) {
    std::vector<tsl::Sha256> digests;
    std::vector<std::size_t> at;
    bool known = true;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i]->obtained()) {
        known = known && reusable(ctx, *candidates[i]);
        digests.push_back(candidates[i]->fetch.digest.value_or(tsl::Sha256{}));
        at.push_back(i);
      }
    }
    std::vector<VerifiedPtr> reused = known ? ctx.reuse->lotl_set(digests) : std::vector<VerifiedPtr>{};
    if (!reused.empty() && !at.empty() && at.front() == 0) {
      for (std::size_t k = 0; k < at.size(); ++k) {
        out.lists[at[k]] = std::move(reused[k]);
      }
      out.counts.reused = at.size();
      return out;
    }
  }
  verify_rest(ctx, list_set_request(ctx), candidates, out);
  return out;
}

Verification verify_national(const DecideContext& ctx, const verify::ListSetRequest& request,
                             std::span<Candidate* const> candidates) {
  Verification out;
  out.lists.resize(candidates.size());
  for (std::size_t i = 0; ctx.reuse != nullptr && i < candidates.size(); ++i) {
    const Candidate& c = *candidates[i];
    if (reusable(ctx, c)) {
      out.lists[i] = ctx.reuse->national(*c.fetch.digest, request.verified_lotl.get());
      out.counts.reused += out.lists[i] ? 1 : 0;
    }
  }
  verify_rest(ctx, request, candidates, out);
  return out;
}

bool same_lists_in_use(const Snapshot& a, const Snapshot& b) {
  auto same = [](const ListRecord& x, const ListRecord& y) {
    const bool x_none = x.in_use == InUse::kNone || !x.in_use_digest;
    const bool y_none = y.in_use == InUse::kNone || !y.in_use_digest;
    return x_none == y_none && (x_none || (x.url == y.url && x.in_use_digest == y.in_use_digest));
  };
  auto same_all = [&](const std::vector<ListRecord>& x, const std::vector<ListRecord>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), same);
  };
  return a.lotl_anchor_digests == b.lotl_anchor_digests && a.tl_signer_digests == b.tl_signer_digests &&
         same(a.lotl, b.lotl) && same_all(a.pivots, b.pivots) && same_all(a.lists, b.lists);
}

Result<void> write_refreshed_model(const Store& store, const Snapshot& snapshot, const std::vector<tsl::Bytes>& anchors,
                                   const VerifiedByDigest& verified) {
  SnapshotLists lists;
  lists.lotl_anchors = anchors;
  lists.verified_at = snapshot.validation_time;
  auto add = [&](const ListRecord& r) -> Result<void> {
    if (r.in_use == InUse::kNone || !r.in_use_digest) {
      return {};
    }
    auto it = verified.find(*r.in_use_digest);
    if (it == verified.end()) {
      return Error(Errc::kNotFound, "model cache not written: " + r.url + " was not verified by this refresh");
    }
    lists.lists.push_back(*it->second);
    lists.lists.back().source = r.url;  // as load_snapshot_lists() names it
    return {};
  };
  if (auto ok = add(snapshot.lotl); !ok) {
    return ok;
  }
  for (const ListRecord& p : snapshot.pivots) {
    if (auto ok = add(p); !ok) {
      return ok;
    }
  }
  for (const ListRecord& l : snapshot.lists) {
    if (auto ok = add(l); !ok) {
      return ok;
    }
  }
  if (lists.lists.empty()) {
    return Error(Errc::kNotFound, "model cache not written: no list in use");
  }
  return write_model_cache(store, snapshot, lists);
}

}  // namespace eutl::cache::detail
