// `eutl fetch`: LOTL, then the pivots it names that the store lacks, then every XML
// national list it points to, in parallel.
#include <algorithm>
#include <cctype>
#include <set>

#include "cache/anchors.h"
#include "cache/decide.h"
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

// A conditional GET and the stored bytes a 304 to it stands for.
struct Conditional final {
  FetchRequest request;
  std::string basis_digest;  // empty: unconditional
};

// Validators for a conditional GET, when the bytes they name are still stored: those
// of the last attempt (so refused bytes are not downloaded again), else, after an
// attempt that obtained nothing, those of the bytes in use (so recovery is a 304).
Conditional conditional_request(const Store& store, std::string url, const ListRecord* previous) {
  Conditional c;
  c.request.url = std::move(url);
  if (previous == nullptr || previous->url != c.request.url) {
    return c;
  }
  const FetchRecord& f = previous->fetch;
  if ((!f.etag.empty() || !f.last_modified.empty()) && store.has_blob(f.digest)) {
    c.request.etag = f.etag;
    c.request.last_modified = f.last_modified;
    c.basis_digest = f.digest;
  } else if ((!previous->in_use_etag.empty() || !previous->in_use_last_modified.empty()) &&
             store.has_blob(previous->in_use_digest)) {
    c.request.etag = previous->in_use_etag;
    c.request.last_modified = previous->in_use_last_modified;
    c.basis_digest = previous->in_use_digest;
  }
  return c;
}

Candidate to_candidate(const Store& store, const FetchRequest& req, FetchResponse resp, const std::string& basis_digest,
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
  if (resp.status == FetchStatus::kOk) {
    c.bytes = std::move(resp.body);
  } else if (resp.status == FetchStatus::kNotModified) {
    // 304: the bytes are those the validators came from.
    if (auto b = store.read_blob(basis_digest)) {  // an empty digest is refused too
      c.bytes = std::move(*b);
    } else {
      c.fetch.status = FetchStatus::kNetworkError;
      c.fetch.error = "304 for bytes no longer in the store";
    }
  }
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

std::vector<Candidate> obtain_pivots(const Store& store, Fetcher& fetcher, const std::optional<Snapshot>& prev,
                                     const Candidate& lotl) {
  std::vector<Candidate> out;
  if (!lotl.bytes) {
    return out;
  }
  auto parsed = tsl::parse_trusted_list(*lotl.bytes, lotl.url);
  if (!parsed) {
    return out;
  }
  std::vector<FetchRequest> requests;
  std::set<std::string> seen;
  for (const tsl::LangString& uri : parsed->scheme.information_uris.values) {
    if (!ends_with_xml(uri.value) || uri.value == lotl.url || !seen.insert(uri.value).second) {
      continue;
    }
    const ListRecord* known = find_pivot(prev, uri.value);
    if (known != nullptr && store.has_blob(known->in_use_digest)) {
      Candidate c;  // pivots never change: the stored copy is used, not refetched
      c.url = uri.value;
      c.territory = "EU";
      c.fetch.digest = known->in_use_digest;
      c.bytes = store.read_blob(known->in_use_digest).value();
      out.push_back(std::move(c));
      continue;
    }
    requests.push_back(FetchRequest{uri.value, {}, {}});
  }
  std::vector<FetchResponse> responses = fetcher.fetch_all(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    out.push_back(to_candidate(store, requests[i], std::move(responses[i]), std::string(), "EU"));
  }
  return out;
}

}  // namespace

Result<RefreshReport> refresh_from_network(const Store& store, const StoreLock& /*held*/, Fetcher& fetcher,
                                           const Verifier& verifier, const RefreshRequest& request,
                                           const ProgressFn& progress) {
  auto current = store.current();
  if (!current) {
    return current.error();
  }
  const std::optional<Snapshot>& prev = *current;
  Snapshot snap;
  snap.created = tsl::format_time(request.created);
  snap.validation_time = tsl::format_time(request.at);
  snap.origin = "fetch";
  snap.lotl_url = request.lotl_url;
  auto anchors = detail::resolve_anchors(store, request.lotl_anchors, prev, snap.lotl_anchor_digests);
  if (!anchors) {
    return anchors.error();
  }

  const ListRecord* prev_lotl = prev ? &prev->lotl : nullptr;
  const Conditional lotl_req = conditional_request(store, request.lotl_url, prev_lotl);
  Candidate lotl = to_candidate(store, lotl_req.request, std::move(fetcher.fetch_all({lotl_req.request}).at(0)),
                                lotl_req.basis_digest, "EU");
  std::vector<Candidate> pivots = obtain_pivots(store, fetcher, prev, lotl);
  for (Candidate* c : {&lotl}) {
    if (auto r = detail::store_candidate(store, *c); !r) {
      return r.error();
    }
  }
  for (Candidate& c : pivots) {
    if (auto r = detail::store_candidate(store, c); !r) {
      return r.error();
    }
  }
  const detail::DecideContext ctx{store, verifier, prev, *anchors, request.at};
  detail::LotlDecision decision = detail::decide_lotl(ctx, std::move(lotl), std::move(pivots));

  std::vector<FetchRequest> requests;
  std::vector<std::string> bases;
  std::vector<std::string> territories;
  if (decision.model) {
    std::set<std::string> seen;
    for (const tsl::OtherTslPointer& p : decision.model->scheme.pointers) {
      if (p.tsl_type != tsl::TslType::kEuGeneric || p.mime_type != kTslXmlMimeType || p.territory.empty() ||
          !seen.insert(p.territory).second) {
        continue;
      }
      const ListRecord* before = prev ? prev->find_list(p.territory) : nullptr;
      Conditional c = conditional_request(store, p.location, before);
      requests.push_back(std::move(c.request));
      bases.push_back(std::move(c.basis_digest));
      territories.push_back(p.territory);
    }
  }
  std::vector<FetchResponse> responses = fetcher.fetch_all(requests, progress);
  RefreshReport report;
  std::vector<Candidate> lists;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    report.list_bytes_downloaded += responses[i].bytes_received;
    lists.push_back(to_candidate(store, requests[i], std::move(responses[i]), bases[i], territories[i]));
    if (auto r = detail::store_candidate(store, lists.back()); !r) {
      return r.error();
    }
  }
  snap.lists = detail::decide_lists(ctx, decision, std::move(lists));
  snap.lotl = std::move(decision.lotl);
  snap.pivots = std::move(decision.pivots);
  for (const ListRecord& l : snap.lists) {
    if (!is_success(l.fetch.status) || l.fetch.result != "valid") {
      ++report.list_failures;
    }
  }
  report.lotl_verified = !decision.fresh_failed && snap.lotl.result == "valid";
  auto committed = detail::commit_snapshot(store, std::move(snap));
  if (!committed) {
    return committed.error();
  }
  report.snapshot = std::move(*committed);
  return report;
}

}  // namespace eutl::cache
