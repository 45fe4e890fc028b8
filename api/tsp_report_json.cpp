// The JSON form of a TSP status report ("schema": "eutl-report-tsp/1"); the one
// serialiser of TspReport (docs/json.md).
#include <nlohmann/json.hpp>

#include "eutl/service_query.h"
#include "eutl/tsl/uris.h"
#include "eutl/tsp_report.h"
#include "evidence/detail/json_shapes.h"

namespace eutl {
namespace {

using nlohmann::json;

json version_json(const TspListVersion& v) {
  return {{"snapshot", v.snapshot_id},
          {"validation_time", tsl::format_time(v.validation_time)},
          {"source", v.source},
          {"sequence", v.sequence},
          {"issue_date", tsl::format_time(v.issue_date)},
          {"next_update", evidence::detail::time_json(v.next_update)},
          {"digest", tsl::to_hex(v.digest)},
          {"result", std::string(verify::to_string(v.status))}};
}

json change_json(const TspStatusChange& c) {
  return {{"start", tsl::format_time(c.start)},
          {"end", evidence::detail::time_json(c.end)},
          {"current", c.current},
          {"status", c.status_uri},
          {"status_short", std::string(uri_tail(c.status_uri))},
          {"type", c.type_uri},
          {"type_short", std::string(tsl::service_type_short(c.type_uri))},
          {"additional_information", c.additional_information},
          {"qualifiers", c.qualifiers},
          {"first_seen_version", c.first_seen},
          {"published_in_first_seen_version", c.published_in_first_seen}};
}

json service_json(const TspService& s) {
  json certs = json::array();
  for (const TspCertificate& c : s.certificates) {
    certs.push_back({{"subject", c.subject},
                     {"not_before", tsl::format_time(c.not_before)},
                     {"not_after", tsl::format_time(c.not_after)},
                     {"digest", tsl::to_hex(c.sha256)}});
  }
  json history = json::array();
  for (const TspStatusChange& c : s.history) {
    history.push_back(change_json(c));
  }
  return {{"id", s.id},
          {"name", s.name},
          {"type", s.type_uri},
          {"type_short", std::string(tsl::service_type_short(s.type_uri))},
          {"status", s.status_uri},
          {"status_short", std::string(uri_tail(s.status_uri))},
          {"in_newest_version", s.in_newest_version},
          {"certificates", certs},
          {"history", history}};
}

}  // namespace

std::string tsp_report_json(const TspReport& r) {
  json versions = json::array();
  for (const TspListVersion& v : r.versions) {
    versions.push_back(version_json(v));
  }
  json services = json::array();
  for (const TspService& s : r.services) {
    services.push_back(service_json(s));
  }
  json out = {{"schema", "eutl-report-tsp/1"},
              {"tsp", {{"name", r.tsp_name}, {"territory", r.territory}}},
              {"period", {{"from", evidence::detail::time_json(r.from)}, {"to", evidence::detail::time_json(r.to)}}},
              {"store", r.store.string()},
              {"list_versions", versions},
              {"services", services}};
  return out.dump(2) + "\n";
}

}  // namespace eutl
