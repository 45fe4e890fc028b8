// Snapshot <-> JSON. nlohmann::json stays inside this file (style C2).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <utility>

#include "eutl/cache/snapshot.h"

namespace eutl::cache {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<InUse, std::string_view>, 3> kInUseNames{{
    {InUse::kNone, "none"},
    {InUse::kFetched, "fetched"},
    {InUse::kKept, "kept"},
}};

constexpr std::array kListStatuses{verify::ListStatus::kValid, verify::ListStatus::kExpired,
                                   verify::ListStatus::kInvalid, verify::ListStatus::kIndeterminate};

// The names are those of verify::to_string; a name not among them is malformed.
Result<verify::ListStatus> list_status_from(std::string_view name) {
  for (verify::ListStatus s : kListStatuses) {
    if (verify::to_string(s) == name) {
      return s;
    }
  }
  return Error(Errc::kMalformed, "unknown list result \"" + std::string(name) + "\"");
}

Json reasons_to_json(const std::vector<ReasonCode>& reasons) {
  Json out = Json::array();
  for (const ReasonCode& r : reasons) {
    out.push_back({{"code", r.code}, {"message", r.message}});
  }
  return out;
}

std::vector<ReasonCode> reasons_from_json(const Json& j) {
  std::vector<ReasonCode> out;
  if (!j.is_array()) {
    return out;
  }
  for (const Json& r : j) {
    out.push_back({r.value("code", ""), r.value("message", "")});
  }
  return out;
}

Json fetch_to_json(const FetchRecord& f) {
  return {{"status", to_string(f.status)}, {"error", f.error},   {"http_status", f.http_status},
          {"etag", f.etag},                {"last_modified", f.last_modified},
          {"bytes", f.bytes},              {"attempts", f.attempts}, {"digest", f.digest},
          {"result", std::string(result_name(f))}, {"reasons", reasons_to_json(f.reasons)}};
}

Result<FetchRecord> fetch_from_json(const Json& j) {
  FetchRecord f;
  f.status = net::fetch_status_from_string(j.value("status", ""));
  f.error = j.value("error", "");
  f.http_status = j.value("http_status", 0L);
  f.etag = j.value("etag", "");
  f.last_modified = j.value("last_modified", "");
  f.bytes = j.value("bytes", std::uint64_t{0});
  f.attempts = j.value("attempts", 0);
  f.digest = j.value("digest", "");
  if (const std::string result = j.value("result", ""); !result.empty()) {
    auto status = list_status_from(result);
    if (!status) {
      return status.error();
    }
    f.result = *status;
  }
  f.reasons = reasons_from_json(j.value("reasons", Json::array()));
  return f;
}

Json list_to_json(const ListRecord& l) {
  Json j = {{"territory", l.territory},
            {"url", l.url},
            {"in_use_digest", l.in_use_digest},
            {"in_use", to_string(l.in_use)},
            {"in_use_etag", l.in_use_etag},
            {"in_use_last_modified", l.in_use_last_modified},
            {"sequence_number", nullptr},
            {"issue_date", l.issue_date},
            {"next_update", l.next_update},
            {"result", std::string(verify::to_string(l.result))},
            {"reasons", reasons_to_json(l.reasons)},
            {"service_count", l.service_count},
            {"certificate_count", l.certificate_count},
            {"signer_sha256", l.signer_sha256},
            {"verified_at", l.verified_at},
            {"fetch", fetch_to_json(l.fetch)}};
  if (l.sequence_number) {
    j["sequence_number"] = *l.sequence_number;
  }
  return j;
}

Result<ListRecord> list_from_json(const Json& j) {
  ListRecord l;
  l.territory = j.value("territory", "");
  l.url = j.value("url", "");
  l.in_use_digest = j.value("in_use_digest", "");
  l.in_use = in_use_from_string(j.value("in_use", ""));
  l.in_use_etag = j.value("in_use_etag", "");
  l.in_use_last_modified = j.value("in_use_last_modified", "");
  if (j.contains("sequence_number") && j["sequence_number"].is_number_unsigned()) {
    l.sequence_number = j["sequence_number"].get<std::uint64_t>();
  }
  l.issue_date = j.value("issue_date", "");
  l.next_update = j.value("next_update", "");
  auto result = list_status_from(j.value("result", "indeterminate"));
  if (!result) {
    return result.error();
  }
  l.result = *result;
  l.reasons = reasons_from_json(j.value("reasons", Json::array()));
  l.service_count = j.value("service_count", std::uint64_t{0});
  l.certificate_count = j.value("certificate_count", std::uint64_t{0});
  l.signer_sha256 = j.value("signer_sha256", "");
  l.verified_at = j.value("verified_at", "");
  if (j.contains("fetch")) {
    auto fetch = fetch_from_json(j["fetch"]);
    if (!fetch) {
      return fetch.error();
    }
    l.fetch = std::move(*fetch);
  }
  return l;
}

}  // namespace

bool refused(const FetchRecord& f) {
  return std::any_of(f.reasons.begin(), f.reasons.end(), [](const ReasonCode& r) {
    return r.code == kReasonRollback || r.code == kReasonSequenceReused;
  });
}

bool attempt_failed(const FetchRecord& f) {
  return !net::is_success(f.status) || f.result != verify::ListStatus::kValid || refused(f);
}

std::string_view result_name(const FetchRecord& f) { return f.result ? verify::to_string(*f.result) : ""; }

int result_rank(verify::ListStatus s) {
  switch (s) {
    case verify::ListStatus::kValid:
      return 3;
    case verify::ListStatus::kExpired:
      return 2;
    case verify::ListStatus::kIndeterminate:
      return 1;
    case verify::ListStatus::kInvalid:
      break;
  }
  return 0;
}

std::string_view to_string(InUse u) {
  for (const auto& [value, name] : kInUseNames) {
    if (value == u) {
      return name;
    }
  }
  return "none";
}

InUse in_use_from_string(std::string_view s) {
  for (const auto& [value, name] : kInUseNames) {
    if (name == s) {
      return value;
    }
  }
  return InUse::kNone;
}

const ListRecord* Snapshot::find_list(std::string_view territory) const {
  auto it = std::find_if(lists.begin(), lists.end(), [&](const ListRecord& l) { return l.territory == territory; });
  return it == lists.end() ? nullptr : &*it;
}

std::string snapshot_to_json(const Snapshot& s) {
  Json j;
  j["format"] = "eutl-snapshot/1";
  j["created"] = s.created;
  j["validation_time"] = s.validation_time;
  j["origin"] = s.origin;
  j["lotl_url"] = s.lotl_url;
  j["lotl_anchor_digests"] = s.lotl_anchor_digests;
  if (!s.tl_signer_digests.empty()) {  // absent otherwise: older snapshots keep their bytes and ids
    j["tl_signer_digests"] = s.tl_signer_digests;
  }
  j["lotl"] = list_to_json(s.lotl);
  j["pivots"] = Json::array();
  for (const ListRecord& p : s.pivots) {
    j["pivots"].push_back(list_to_json(p));
  }
  j["lists"] = Json::array();
  for (const ListRecord& l : s.lists) {
    j["lists"].push_back(list_to_json(l));
  }
  return j.dump(2) + "\n";
}

Result<Snapshot> snapshot_from_json(std::string_view text, std::string id) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != "eutl-snapshot/1") {
    return Error(Errc::kMalformed, "snapshot " + id + " is not an eutl snapshot");
  }
  Snapshot s;
  s.id = std::move(id);
  s.created = j.value("created", "");
  s.validation_time = j.value("validation_time", "");
  s.origin = j.value("origin", "");
  s.lotl_url = j.value("lotl_url", "");
  if (j.contains("lotl_anchor_digests") && j["lotl_anchor_digests"].is_array()) {
    for (const Json& d : j["lotl_anchor_digests"]) {
      if (d.is_string()) {
        s.lotl_anchor_digests.push_back(d.get<std::string>());
      }
    }
  }
  if (j.contains("tl_signer_digests") && j["tl_signer_digests"].is_array()) {
    for (const Json& d : j["tl_signer_digests"]) {
      if (d.is_string()) {
        s.tl_signer_digests.push_back(d.get<std::string>());
      }
    }
  }
  auto read_list = [&](const Json& l) -> Result<ListRecord> {
    auto record = list_from_json(l);
    if (!record) {
      return Error(Errc::kMalformed, "snapshot " + s.id + ": " + record.error().message);
    }
    return record;
  };
  if (j.contains("lotl")) {
    auto lotl = read_list(j["lotl"]);
    if (!lotl) {
      return lotl.error();
    }
    s.lotl = std::move(*lotl);
  }
  for (const auto& [key, into] : {std::pair{"pivots", &s.pivots}, std::pair{"lists", &s.lists}}) {
    for (const Json& l : j.value(key, Json::array())) {
      auto record = read_list(l);
      if (!record) {
        return record.error();
      }
      into->push_back(std::move(*record));
    }
  }
  return s;
}

}  // namespace eutl::cache
