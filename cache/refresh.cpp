// `eutl fetch`: LOTL, then the pivots it names that the store lacks, then every XML
// national list it points to, in parallel.
#include <algorithm>
#include <cctype>
#include <set>

#include "cache/anchors.h"
#include "cache/decide.h"
#include "cache/model_cache_file.h"
#include "cache/refresh_reuse.h"
#include "eutl/tsl/parser.h"

namespace eutl::cache {
namespace {

using detail::Candidate;

// ETSI TS 119 612 V2.4.1 §5.3.17: the pointers of the LOTL; a national list is a
// pointer with TSLType EUgeneric and the XML MimeType (the PDF form is skipped).
constexpr std::string_view kTslXmlMimeType = "application/vnd.etsi.tsl+xml";

bool ends_with_xml(std::string_view uri) {
  if (uri.size() < 4) {
    return false;
  }
  std::string tail(uri.substr(uri.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
  return tail == ".xml";
}

// A conditional GET and the bytes a 304 to it stands for.
struct Conditional final {
  net::FetchRequest request;
  std::optional<tsl::Sha256> basis_digest;  // none: unconditional
  // Set when the validators are those of refused bytes (never stored): a 304 then
  // means the same refused bytes, and this attempt's verdict is repeated.
  std::optional<FetchRecord> refused_basis;
};

// Validators for a conditional GET: those of the last attempt (so refused bytes are
// not downloaded again), else, after an attempt that obtained nothing, those of the
// bytes in use, when still stored (so recovery is a 304).
Conditional conditional_request(const Store& store, std::string url, const ListRecord* previous) {
  Conditional c;
  c.request.url = std::move(url);
  if (previous == nullptr || previous->url != c.request.url) {
    return c;
  }
  const FetchRecord& f = previous->fetch;
  const bool has_validators = !f.etag.empty() || !f.last_modified.empty();
  if (has_validators && f.digest && store.has_blob(*f.digest)) {
    c.request.etag = f.etag;
    c.request.last_modified = f.last_modified;
    c.basis_digest = f.digest;
  } else if (has_validators && f.digest && f.digest != previous->in_use_digest &&
             (net::is_success(f.status) || f.status == net::FetchStatus::kNotXml)) {
    c.request.etag = f.etag;
    c.request.last_modified = f.last_modified;
    c.basis_digest = f.digest;
    c.refused_basis = f;
  } else if ((!previous->in_use_etag.empty() || !previous->in_use_last_modified.empty()) &&
             previous->in_use_digest && store.has_blob(*previous->in_use_digest)) {
    c.request.etag = previous->in_use_etag;
    c.request.last_modified = previous->in_use_last_modified;
    c.basis_digest = previous->in_use_digest;
  }
  return c;
}

Candidate to_candidate(const Store& store, const net::FetchRequest& req, net::FetchResponse resp, const Conditional& basis,
                       std::string territory) {
  Candidate c;
  c.url = req.url;
  c.territory = std::move(territory);
  c.fetch.status = resp.status;
  c.fetch.error = resp.error;
  c.fetch.http_status = resp.http_status;
  c.fetch.etag = resp.etag;
  c.fetch.last_modified = resp.last_modified;
  c.fetch.bytes = resp.bytes_received;
  c.fetch.attempts = resp.attempts;
  if (resp.status == net::FetchStatus::kOk) {
    c.bytes = std::move(resp.body);
  } else if (resp.status == net::FetchStatus::kNotXml) {
    // Refused before verification: recorded by digest and size only.
    c.fetch.digest = tsl::sha256(resp.body);
  } else if (resp.status == net::FetchStatus::kNotModified && basis.refused_basis) {
    // 304 for bytes refused last time: the same bytes, the same verdict.
    const FetchRecord& before = *basis.refused_basis;
    c.fetch.digest = before.digest;
    c.fetch.result = before.result;
    c.fetch.reasons = before.reasons;
    c.fetch.error = before.error;
  } else if (resp.status == net::FetchStatus::kNotModified) {
    // 304: the bytes are those the validators came from, a blob of the store, read only
    // if they have to be verified again (detail::load_stored).
    if (basis.basis_digest && store.has_blob(*basis.basis_digest)) {
      c.stored = true;
      c.fetch.digest = basis.basis_digest;
    } else {
      c.fetch.status = net::FetchStatus::kNetworkError;
      c.fetch.error = "304 for bytes no longer in the store";
    }
  }
  detail::digest_candidate(c);
  return c;
}

const ListRecord* find_pivot(const std::optional<Snapshot>& prev, const std::string& url) {
  if (!prev) {
    return nullptr;
  }
  for (const ListRecord& p : prev->pivots) {
    if (p.url == url) {
      return &p;
    }
  }
  return nullptr;
}

// The SchemeInformationURIs of the LOTL obtained (they name its pivots): from the
// previous verification of the same bytes when there is one, else parsed.
std::optional<std::vector<tsl::LangString>> information_uris(const Store& store, const detail::ReuseBasis* basis,
                                                             Candidate& lotl) {
  if (lotl.stored && !lotl.bytes && basis != nullptr && basis->lotl() && lotl.fetch.digest == basis->lotl()->digest) {
    return basis->lotl()->list->scheme.information_uris.values;
  }
  detail::load_stored(store, lotl);
  if (!lotl.bytes) {
    return std::nullopt;
  }
  auto parsed = tsl::parse_trusted_list(*lotl.bytes, lotl.url);
  if (!parsed) {
    return std::nullopt;
  }
  return std::move(parsed->scheme.information_uris.values);
}

std::vector<Candidate> obtain_pivots(const Store& store, net::Fetcher& fetcher, const std::optional<Snapshot>& prev,
                                     Candidate& lotl, const detail::ReuseBasis* basis) {
  std::vector<Candidate> out;
  const auto uris = information_uris(store, basis, lotl);
  if (!uris) {
    return out;
  }
  std::vector<net::FetchRequest> requests;
  std::set<std::string> seen;
  for (const tsl::LangString& uri : *uris) {
    if (!ends_with_xml(uri.value) || uri.value == lotl.url || !seen.insert(uri.value).second) {
      continue;
    }
    const ListRecord* known = find_pivot(prev, uri.value);
    if (known != nullptr && known->in_use_digest && store.has_blob(*known->in_use_digest)) {
      Candidate c;  // pivots never change: the stored copy is used, not refetched
      c.url = uri.value;
      c.territory = "EU";
      c.fetch.digest = known->in_use_digest;
      c.stored = true;
      out.push_back(std::move(c));
      continue;
    }
    requests.push_back(net::FetchRequest{uri.value, {}, {}});
  }
  std::vector<net::FetchResponse> responses = fetcher.fetch_all(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    out.push_back(to_candidate(store, requests[i], std::move(responses[i]), Conditional{}, "EU"));
  }
  return out;
}

}  // namespace

Result<RefreshReport> refresh_from_network(const Store& store, const StoreLock& /*held*/, net::Fetcher& fetcher,
                                           const Verifier& verifier, const RefreshRequest& request,
                                           const net::ProgressFn& progress) {
  auto current = store.current();
  if (!current) {
    return current.error();
  }
  const std::optional<Snapshot>& prev = *current;
  Snapshot snap;
  snap.created = request.created;
  snap.validation_time = request.at;
  snap.origin = "fetch";
  snap.lotl_url = request.lotl_url;
  auto anchors = detail::resolve_anchors(store, request.lotl_anchors, request.default_anchors, prev, snap.lotl_anchor_digests);
  if (!anchors) {
    return anchors.error();
  }
  RefreshReport report;
  const bool production = detail::is_production_verifier(verifier);
  std::optional<detail::ReuseBasis> basis;
  if (production) {
    basis = detail::ReuseBasis::load(store, prev, snap.lotl_anchor_digests, request.at, report.reuse_note);
  } else {
    report.reuse_note = "the verifier is not verify_list_set";
  }
  const detail::ReuseBasis* reuse = basis ? &*basis : nullptr;

  const ListRecord* prev_lotl = prev ? &prev->lotl : nullptr;
  const Conditional lotl_req = conditional_request(store, request.lotl_url, prev_lotl);
  Candidate lotl = to_candidate(store, lotl_req.request, std::move(fetcher.fetch_all({lotl_req.request}).at(0)),
                                lotl_req, "EU");
  std::vector<Candidate> pivots = obtain_pivots(store, fetcher, prev, lotl, reuse);
  const detail::DecideContext ctx{store, verifier, prev, *anchors, request.at, {}, reuse};
  auto decided = detail::decide_lotl(ctx, std::move(lotl), std::move(pivots));
  if (!decided) {
    return decided.error();
  }
  detail::LotlDecision& decision = *decided;

  std::vector<net::FetchRequest> requests;
  std::vector<Conditional> bases;
  std::vector<std::string> territories;
  if (const tsl::TrustedList* model = decision.model()) {
    std::set<std::string> seen;
    for (const tsl::OtherTslPointer& p : model->scheme.pointers) {
      if (p.tsl_type != tsl::TslType::kEuGeneric || p.mime_type != kTslXmlMimeType || p.territory.empty() ||
          !seen.insert(p.territory).second) {
        continue;
      }
      const ListRecord* before = prev ? prev->find_list(p.territory) : nullptr;
      Conditional c = conditional_request(store, p.location, before);
      requests.push_back(c.request);
      bases.push_back(std::move(c));
      territories.push_back(p.territory);
    }
  }
  std::vector<net::FetchResponse> responses = fetcher.fetch_all(requests, progress);
  std::vector<Candidate> lists;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    report.list_bytes_downloaded += responses[i].bytes_received;  // error answers count 0 (transfer.cpp)
    lists.push_back(to_candidate(store, requests[i], std::move(responses[i]), bases[i], territories[i]));
  }
  auto decided_lists = detail::decide_lists(ctx, decision, std::move(lists));
  if (!decided_lists) {
    return decided_lists.error();
  }
  snap.lists = std::move(decided_lists->records);
  report.notes = std::move(decided_lists->notes);
  detail::VerifiedByDigest in_use = std::move(decision.in_use);
  in_use.merge(decided_lists->in_use);
  report.lists_verified = decision.counts.verified + decided_lists->counts.verified;
  report.lists_reused = decision.counts.reused + decided_lists->counts.reused;
  if (const tsl::TrustedList* model = decision.model()) {
    report.missing = verify::missing_territories(*model, detail::present_territories(snap.lists));
  }
  snap.lotl = std::move(decision.lotl);
  snap.pivots = std::move(decision.pivots);
  for (const ListRecord& l : snap.lists) {
    if (attempt_failed(l.fetch)) {
      ++report.list_failures;
    }
  }
  report.lotl_verified = !decision.fresh_failed && snap.lotl.result == verify::ListStatus::kValid;
  auto committed = detail::commit_snapshot(store, std::move(snap));
  if (!committed) {
    return committed.error();
  }
  report.snapshot = std::move(*committed);
  // The model cache of the new snapshot, for the next refresh and the next check: the
  // previous one handed over when nothing changed, else written from what was verified.
  // Best effort: `check` rebuilds it from the blobs.
  if (!production) {
    report.model_note = "the verifier is not verify_list_set";
  } else if (basis && report.lists_verified == 0 && detail::same_lists_in_use(*prev, report.snapshot) &&
             detail::move_model_cache(store, *prev, report.snapshot)) {
    // handed over: the file now names the new snapshot
  } else if (auto whole = basis ? basis->make_whole(store, in_use) : Result<void>(); !whole) {
    report.model_note = whole.error().message;
  } else if (auto written = detail::write_refreshed_model(store, report.snapshot, *anchors, in_use); !written) {
    report.model_note = written.error().message;
  }
  return report;
}

}  // namespace eutl::cache
