// The JSON shape of a certificate (evidence/json_shapes.h): one serialiser for
// `eutl check --json` and the evidence record.
#include "eutl/tsl/time.h"
#include "eutl/verify/policy_profile.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::evidence::detail {

using nlohmann::json;

json certificate_core_json(const verify::CertificateProfile& c) {
  return {{"sha256", tsl::to_hex(c.sha256)},
          {"subject", c.subject},
          {"issuer", c.issuer},
          {"serial", c.serial_hex},
          {"not_before", tsl::format_time(c.not_before)},
          {"not_after", tsl::format_time(c.not_after)},
          {"policies", c.policies},
          {"extended_key_usages", c.extended_key_usages}};
}

json policy_profiles_json(const verify::CertificateProfile& c) {
  json profiles = json::array();
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles.push_back({{"oid", m.oid},
                        {"profile", verify::to_string(m.profile)},
                        {"standard", verify::to_string(verify::family_of(m.profile))}});
  }
  return profiles;
}

json qc_core_json(const verify::QcStatements& qc) {
  json types = json::array();
  for (auto t : qc.types) {
    types.push_back(verify::to_string(t));
  }
  return {{"present", qc.extension_present},
          {"statements", qc.statement_oids},
          {"qc_compliance", qc.compliance},
          {"qc_sscd", qc.sscd},
          {"qc_type", types}};
}

json qc_full_json(const verify::QcStatements& qc) {
  json out = qc_core_json(qc);
  json pds = json::array();
  for (const auto& p : qc.pds) {
    pds.push_back({{"url", p.url}, {"language", p.language}});
  }
  out["qc_cc_legislation"] = qc.cc_legislation ? json(qc.cc_legislation_countries) : json(nullptr);
  out["qc_pds"] = pds;
  out["qc_retention_period"] = qc.retention_period_years ? json(*qc.retention_period_years) : json(nullptr);
  out["semantics_ids"] = qc.semantics_ids;
  out["unknown"] = qc.unknown;
  if (qc.limit_value) {
    out["qc_limit_value"] = {{"currency", qc.limit_value->currency},
                             {"amount", qc.limit_value->amount},
                             {"exponent", qc.limit_value->exponent}};
  }
  if (qc.psd2) {
    out["psd2"] = {{"roles", qc.psd2->role_names}, {"nca_name", qc.psd2->nca_name}, {"nca_id", qc.psd2->nca_id}};
  }
  return out;
}

}  // namespace eutl::evidence::detail
