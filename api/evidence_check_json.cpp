// The `eutl check --json` object as a library call (include/eutl/evidence_from_lists.h),
// so an embedder prints a decision exactly as the command does.
#include "api/detail/check_json.h"

#include "eutl/evidence_from_lists.h"
#include "eutl/service_query.h"
#include "evidence/detail/json_shapes.h"

namespace eutl {
namespace detail {

using nlohmann::json;

json service_json(const std::optional<verify::ServiceUse>& s) {
  if (!s) {
    return nullptr;
  }
  json out = evidence::detail::service_use_core_json(*s);
  out["id"] = eutl::to_string(eutl::service_id(s->provenance));
  out["territory"] = s->provenance.territory;
  out["tsp"] = s->provenance.tsp_name;
  out["service_name"] = s->provenance.service_name;
  out["history_index"] = s->history_index ? json(*s->history_index) : json(nullptr);
  out["list_sequence_number"] = s->provenance.list_sequence;
  out["list_digest"] = tsl::to_hex(s->provenance.list_digest);
  out["list_source"] = s->provenance.list_source;
  out["tsp_index"] = s->provenance.tsp_index;
  out["service_index"] = s->provenance.service_index;
  return out;
}

json at_json(const verify::QualificationAtTime& r) {
  json out = evidence::detail::at_time_core_json(r, service_json(r.service));
  out["certificate_valid"] = r.validity == verify::CertValidity::kValid;
  out["validity"] = verify::to_string(r.validity);
  return out;
}

json certificate_json(const verify::CertificateProfile& c) {
  json out = evidence::detail::certificate_core_json(c);
  out["subject_alt_names"] = c.subject_alt_names;
  out["qc_statements"] = evidence::detail::qc_full_json(c.qc);
  out["profile"] = evidence::detail::policy_profiles_json(c);
  out["anomalies"] = c.anomalies;
  return out;
}

json list_use_json(const verify::VerifiedList& v) {
  const std::string role(verify::to_string(v.kind));
  const std::string result(verify::to_string(v.status));
  const std::string digest = tsl::to_hex(v.digest);
  return {{"source", v.source},
          {"role", role},
          {"result", result},
          {"territory", v.list ? json(v.list->scheme.territory) : json(nullptr)},
          {"sequence_number", v.list ? json(v.list->scheme.sequence_number) : json(nullptr)},
          {"digest", digest},
          {"trust", verify::to_string(verify::trust_of(v))},
          {"used", v.status == verify::ListStatus::kValid},
          // Deprecated spellings, kept for one release (docs/json.md).
          {"kind", role},
          {"status", result},
          {"sha256", digest}};
}

void add_claim_json(json& out, const verify::QualificationResult& r) {
  if (!r.claim) {
    return;
  }
  out.update(evidence::detail::claim_core_json(*r.claim));
  out["claim_explanation"] = r.claim->explanation;
}

json check_json_object(const verify::CertificateProfile& cert, const verify::QualificationResult& r,
                       const std::vector<verify::VerifiedList>& lists, tsl::TimePoint lists_at) {
  json used = json::array();
  for (const auto& v : lists) {
    used.push_back(list_use_json(v));
  }
  json out = {{"schema", kCheckSchema},
              {"certificate", certificate_json(cert)},
              {"at_issuance", at_json(r.at_issuance)},
              {"at_time", at_json(r.at_time)},
              {"overall", at_json(r.overall)},
              {"lists", used},
              {"lists_at", tsl::format_time(lists_at)},
              {"warnings", r.warnings},
              {"unprocessed_critical_extensions", r.unprocessed_critical_extensions},
              {"trace", evidence::detail::trace_json(r.trace)}};
  add_claim_json(out, r);
  return out;
}

}  // namespace detail

std::string check_json(const std::vector<verify::VerifiedList>& lists, tsl::TimePoint lists_at,
                       const verify::CertificateProfile& certificate, const verify::QualificationResult& result) {
  return detail::check_json_object(certificate, result, lists, lists_at)
             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string check_json(const TrustedLists& lists, const verify::CertificateProfile& certificate,
                       const verify::QualificationResult& result) {
  return check_json(lists.lists(), lists.lists_at(), certificate, result);
}

}  // namespace eutl
