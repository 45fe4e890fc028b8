// The service part of an evidence record: the service entry used (TSP, name, type,
// status, period, ASI, captured qualifiers) and the service's whole history, so a
// reader sees which period applied at issuance and at T (TS 119 612 V2.4.1 §5.5, §5.6).
#include "evidence/service.h"

#include <algorithm>

#include "evidence/detail/json_shapes.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

json qualifications_json(const tsl::ServiceState& s, const std::vector<std::string>& captured) {
  json out = json::array();
  for (const auto& q : s.extensions.qualifications) {
    json names = json::array();
    bool all_captured = !q.qualifiers.empty();
    for (std::size_t k = 0; k < q.qualifiers.size(); ++k) {
      std::string name = q.qualifiers[k] == tsl::Qualifier::kUnknown
                             ? (k < q.qualifier_uris.size() ? q.qualifier_uris[k] : std::string("unknown"))
                             : std::string(tsl::to_string(q.qualifiers[k]));
      names.push_back(name);
      if (std::find(captured.begin(), captured.end(), name) == captured.end()) {
        all_captured = false;
      }
    }
    out.push_back({{"qualifiers", names}, {"criteria", criteria_json(q.criteria)}, {"captured", all_captured}});
  }
  return out;
}

json asi_json(const tsl::ServiceState& s) {
  json out = json::array();
  for (const auto& a : s.extensions.additional_information) {
    out.push_back(a.kind == tsl::AdditionalInfo::kUnknown ? a.uri : std::string(tsl::to_string(a.kind)));
  }
  return out;
}

}  // namespace

std::string period_key(const std::optional<std::size_t>& history_index) {
  return history_index ? "history " + std::to_string(*history_index) : std::string("current");
}

json criteria_json(const tsl::CriteriaList& c) {
  json key_usages = json::array();
  for (const auto& ku : c.key_usages) {
    json bits = json::array();
    for (const auto& b : ku) {
      bits.push_back({{"name", b.name}, {"value", b.value}});
    }
    key_usages.push_back(bits);
  }
  json nested = json::array();
  for (const auto& n : c.nested) {
    nested.push_back(criteria_json(n));
  }
  const char* assert_name = c.assert_kind == tsl::CriteriaAssert::kAll          ? "all"
                            : c.assert_kind == tsl::CriteriaAssert::kAtLeastOne ? "atLeastOne"
                                                                                : "none";
  return {{"assert", assert_name},
          {"key_usage", key_usages},
          {"policy_sets", c.policy_sets},
          {"extended_key_usages", c.extended_key_usages},
          {"subject_dn_attributes", c.subject_dn_attributes},
          {"qc_statement_sets", c.qc_statement_sets},
          {"unknown_criteria", c.unknown_criteria},
          {"description", c.description},
          {"nested", nested}};
}

json ServiceTable::result(const verify::QualificationAtTime& r, const std::string& label) {
  if (!r.service) {
    return at_time_core_json(r, nullptr);
  }
  const verify::ServiceUse& u = *r.service;
  auto pos = std::find(m_order.begin(), m_order.end(), u.service);
  if (pos == m_order.end()) {
    m_order.push_back(u.service);
    pos = m_order.end() - 1;
  }
  m_applied[u.service].insert({period_key(u.history_index), label});
  m_captured[{u.service, period_key(u.history_index)}] = u.captured_qualifiers;
  json service = service_use_core_json(u);
  service["ref"] = static_cast<std::size_t>(pos - m_order.begin());
  service["period"] = period_key(u.history_index);
  return at_time_core_json(r, std::move(service));
}

json ServiceTable::service_json(std::uint32_t id, const std::set<std::pair<std::string, std::string>>& applied) const {
  const tsl::IndexedService& s = m_index.service(id);
  const tsl::ServiceProvenance& p = s.provenance;
  json list_ref = nullptr;
  for (std::size_t i = 0; i < m_lists.size(); ++i) {
    if (m_lists[i].digest == p.list_digest) {
      list_ref = i;
      break;
    }
  }
  json certs = json::array();
  for (const auto* c : s.certificates) {
    certs.push_back(tsl::to_hex(tsl::sha256(c->der())));
  }
  json history = json::array();
  for (const auto& period : s.periods) {
    const std::string key = period_key(period.history_index);
    json labels = json::array();
    for (const auto& [k, label] : applied) {
      if (k == key) {
        labels.push_back(label);
      }
    }
    const tsl::ServiceState& st = *period.state;
    auto captured = m_captured.find({id, key});
    history.push_back({{"period", key},
                       {"status", st.status_uri},
                       {"status_short", uri_last_segment(st.status_uri)},
                       {"type", st.type_uri},
                       {"type_short", tsl::service_type_short(st.type_uri)},
                       {"name", std::string(st.name.preferred())},
                       {"start", tsl::format_time(period.start)},
                       {"end", time_json(period.end)},
                       {"additional_information", asi_json(st)},
                       {"qualifications", qualifications_json(st, captured == m_captured.end() ? std::vector<std::string>{} : captured->second)},
                       {"applied_at", labels}});
  }
  return {{"territory", p.territory},
          {"tsp", p.tsp_name},
          {"service_name", p.service_name},
          {"tsp_index", p.tsp_index},
          {"service_index", p.service_index},
          {"list", list_ref},
          {"list_sha256", tsl::to_hex(p.list_digest)},
          {"list_sequence_number", p.list_sequence},
          {"certificates_sha256", certs},
          {"history", history}};
}

json ServiceTable::to_json() const {
  json out = json::array();
  for (std::uint32_t id : m_order) {
    auto it = m_applied.find(id);
    out.push_back(service_json(id, it == m_applied.end() ? std::set<std::pair<std::string, std::string>>{}
                                                         : it->second));
  }
  return out;
}

}  // namespace eutl::evidence::detail
