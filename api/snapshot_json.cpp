// The snapshot, missing-territory and anchor-summary JSON of `eutl status`, `fetch`
// and `import` (api/detail/snapshot_json.h), and eutl::status_json.
#include "api/detail/snapshot_json.h"

#include <chrono>

#include "eutl/anchors_in_use.h"
#include "eutl/cache/refresh.h"
#include "eutl/cache/snapshot_freshness.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/status_json.h"
#include "eutl/verify/list_set.h"
#include "evidence/detail/json_shapes.h"

namespace eutl {
namespace detail {
namespace {

using nlohmann::json;

json hex_or_null(const std::optional<tsl::Sha256>& d) { return d ? json(tsl::to_hex(*d)) : json(nullptr); }

json reasons_json(const std::vector<cache::ReasonCode>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) {
    out.push_back({{"code", r.code}, {"message", r.message}});
  }
  return out;
}

json list_json(const cache::ListRecord& r, tsl::TimePoint at) {
  json j = {{"territory", r.territory},
            {"url", r.url},
            {"sequence_number", nullptr},
            {"issue_date", evidence::detail::time_json(r.issue_date)},
            {"next_update", evidence::detail::time_json(r.next_update)},
            {"result", std::string(verify::to_string(r.result))},
            {"reasons", reasons_json(r.reasons)},
            {"service_count", r.service_count},
            {"certificate_count", r.certificate_count},
            {"digest", hex_or_null(r.in_use_digest)},
            {"in_use_digest", hex_or_null(r.in_use_digest)},  // deprecated: digest
            {"in_use", std::string(cache::to_string(r.in_use))},
            {"warnings", snapshot_list_warnings(r, at)},
            {"fetch",
             {{"status", std::string(net::to_string(r.fetch.status))},
              {"error", r.fetch.error},
              {"http_status", r.fetch.http_status},
              {"etag", r.fetch.etag},
              {"last_modified", r.fetch.last_modified},
              {"bytes", r.fetch.bytes},
              {"attempts", r.fetch.attempts},
              {"digest", r.fetch.digest ? tsl::to_hex(*r.fetch.digest) : std::string()},
              {"result", std::string(cache::result_name(r.fetch))},
              {"reasons", reasons_json(r.fetch.reasons)}}}};
  if (r.sequence_number) {
    j["sequence_number"] = *r.sequence_number;
  }
  if (r.issue_date) {
    j["age_days"] = std::chrono::duration_cast<std::chrono::hours>(at - *r.issue_date).count() / 24;
  }
  return j;
}

}  // namespace

std::vector<std::string> snapshot_list_warnings(const cache::ListRecord& r, tsl::TimePoint at) {
  std::vector<std::string> w;
  if (r.in_use == cache::InUse::kNone) {
    w.push_back("no-list");
  }
  if (cache::past_next_update(r, at)) {
    w.push_back("expired");
  }
  if (r.in_use == cache::InUse::kKept ||
      (!net::is_success(r.fetch.status) && r.fetch.status != net::FetchStatus::kNotAttempted)) {
    w.push_back("not-refreshed");
  }
  if (r.in_use != cache::InUse::kNone && r.service_count == 0 && r.territory != "EU") {
    w.push_back("zero-services");
  }
  if (r.url.rfind("http://", 0) == 0) {
    w.push_back("http-url");  // fetched without TLS: only the list's signature protects it
  }
  return w;
}

json snapshot_json(const cache::Snapshot& s, tsl::TimePoint at) {
  json lotl = list_json(s.lotl, at);
  json j = {{"snapshot", s.id},
            {"created", tsl::format_time(s.created)},
            {"validation_time", tsl::format_time(s.validation_time)},
            {"evaluated_at", tsl::format_time(at)},
            {"origin", s.origin},
            {"lotl_url", s.lotl_url},
            {"lotl", lotl},
            {"pivots", json::array()},
            {"lists", json::array()}};
  for (const auto& p : s.pivots) {
    j["pivots"].push_back(list_json(p, at));
  }
  for (const auto& l : s.lists) {
    j["lists"].push_back(list_json(l, at));
  }
  if (!s.tl_signer_digests.empty()) {
    j["tl_signers"] = json::array();
    for (const tsl::Sha256& d : s.tl_signer_digests) {
      j["tl_signers"].push_back(tsl::to_hex(d));
    }
  }
  return j;
}

json missing_json(const std::vector<verify::MissingTerritory>& missing) {
  json out = json::array();
  for (const auto& m : missing) {
    out.push_back({{"territory", m.territory}, {"url", m.url}});
  }
  return out;
}

}  // namespace detail

StoreStatus gather_store_status(const cache::Store& store, cache::Snapshot snapshot, tsl::TimePoint at) {
  StoreStatus status;
  status.at = at;
  if (auto m = cache::missing_territories(store, snapshot)) {
    status.missing = std::move(*m);
  } else {
    status.problems.push_back("cannot read the LOTL in use to list missing territories: " + m.error().message);
  }
  if (auto anchors = cache::load_snapshot_anchors(store, snapshot)) {
    status.anchors = anchor_facts_of(*anchors);
  } else {
    status.problems.push_back("cannot read the LOTL anchors recorded with the snapshot: " + anchors.error().message);
  }
  status.snapshot = std::move(snapshot);
  return status;
}

std::string status_json(const StoreStatus& status) {
  nlohmann::json j = detail::snapshot_json(status.snapshot, status.at);
  j["schema"] = "eutl-status/1";
  j["missing"] = detail::missing_json(status.missing);
  if (status.anchors) {
    j["anchors"] = detail::anchor_summary_json(*status.anchors);
  }
  return j.dump(2);
}

}  // namespace eutl
