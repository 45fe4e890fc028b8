// The JSON of one service (api/detail/service_json.h): the rows of `eutl list` and
// the object of `eutl show-service`, and their GET /v1/services counterparts.
#include "api/detail/service_json.h"

#include "eutl/service_list.h"
#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/verify/certificate_headline.h"
#include "evidence/detail/json_shapes.h"

namespace eutl {
namespace detail {
namespace {

using nlohmann::json;

// The readable name of a service type (TS 119 612 5.5.1), null when it has none.
json type_name_json(std::string_view type_uri) {
  const std::string_view name = tsl::service_type_name(type_uri);
  return name.empty() ? json(nullptr) : json(std::string(name));
}

}  // namespace

std::string short_status(std::string_view uri) { return std::string(eutl::uri_tail(uri)); }

std::vector<std::string> asi_names(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& a : ext.additional_information) {
    out.emplace_back(eutl::uri_tail(a.uri));
  }
  return out;
}

std::vector<std::string> qualifier_names(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& q : ext.qualifications) {
    for (const auto& uri : q.qualifier_uris) {
      out.emplace_back(eutl::uri_tail(uri));
    }
  }
  return out;
}

json service_summary(const tsl::IndexedService& s) {
  const tsl::ServiceState& cur = s.service->current;
  return {{"schema", "eutl-list/1"},
          {"id", eutl::to_string(eutl::service_id(s.provenance))},
          {"territory", s.provenance.territory},
          {"tsp", s.provenance.tsp_name},
          {"service_name", s.provenance.service_name},
          {"type", cur.type_uri},
          {"type_short", std::string(tsl::service_type_short(cur.type_uri))},
          {"type_name", type_name_json(cur.type_uri)},
          {"status", cur.status_uri},
          {"status_short", short_status(cur.status_uri)},
          {"status_start", evidence::detail::time_json(cur.status_start)},
          {"additional_information", asi_names(cur.extensions)},
          {"certificates", s.certificates.size()},
          {"history_periods", s.periods.size()},
          {"list_sequence_number", s.provenance.list_sequence}};
}

json period_json(const tsl::ServicePeriod& p) {
  const tsl::ServiceState& st = *p.state;
  return {{"start", tsl::format_time(p.start)},
          {"end", evidence::detail::time_json(p.end)},
          {"history_index", p.history_index ? json(*p.history_index) : json(nullptr)},
          {"type", st.type_uri},
          {"type_name", type_name_json(st.type_uri)},
          {"status", st.status_uri},
          {"name", std::string(st.name.preferred())},
          {"additional_information", asi_names(st.extensions)},
          {"qualifiers", qualifier_names(st.extensions)},
          {"unknown_critical_extension", st.extensions.has_unknown_critical()},
          {"granted_ca_qc", eutl::is_granted_ca_qc(p)}};
}

json certificate_details_json(const tsl::IndexedService& s) {
  json certs = json::array();
  for (const auto* blob : s.certificates) {
    auto p = verify::readable_headline(blob->der());
    certs.push_back({{"sha256", tsl::to_hex(blob->sha256())},
                     {"subject", p ? json(p->subject) : json(nullptr)},
                     {"not_before", p ? json(tsl::format_time(p->not_before)) : json(nullptr)},
                     {"not_after", p ? json(tsl::format_time(p->not_after)) : json(nullptr)}});
  }
  return certs;
}

json show_service_object(const tsl::IndexedService& s) {
  json timeline = json::array();
  for (const auto& p : s.periods) {
    timeline.push_back(period_json(p));
  }
  json out = service_summary(s);
  out["schema"] = "eutl-show-service/1";
  out["list_source"] = s.provenance.list_source;
  out["list_digest"] = tsl::to_hex(s.provenance.list_digest);
  out["certificate_details"] = certificate_details_json(s);
  out["other_identifiers"] = s.service->current.identity.other;
  out["history"] = timeline;
  out["timeline"] = timeline;  // deprecated: history
  out["warnings"] = s.warnings;
  return out;
}

}  // namespace detail

std::string show_service_json(const tsl::IndexedService& service) {
  return detail::show_service_object(service).dump(2);
}

}  // namespace eutl
