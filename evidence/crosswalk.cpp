// EN 319 411-1 / -2 crosswalk: which policy profile the certificate
// carries, whether a qualified claim it makes is backed by trusted-list evidence, and
// if not, which piece is missing. A policy is what the CA says; only the trusted list
// makes a certificate qualified (TS 119 615), so this never changes the verdict.
#include <algorithm>

#include "evidence/json.h"
#include "eutl/verify/policy_profile.h"

namespace eutl::evidence::detail {
namespace {

// EN 319 411-2 V2.5.1 §5.3: QCP-n* are for natural persons (e-signatures), QCP-l* for
// legal persons (e-seals), QEVCP-w / QNCP-w* for website authentication. TS 101 456
// QCP / QCP+ predate eIDAS and were for e-signatures.
verify::CertType expected_type(verify::PolicyProfile p) {
  using P = verify::PolicyProfile;
  if (verify::is_web_profile(p)) {
    return verify::CertType::kWsa;
  }
  if (p == P::kQcpL || p == P::kQcpLQscd) {
    return verify::CertType::kESeal;
  }
  return verify::CertType::kESig;
}

std::string_view asi_for(verify::CertType t) {
  switch (t) {
    case verify::CertType::kESig: return "ForeSignatures";
    case verify::CertType::kESeal: return "ForeSeals";
    case verify::CertType::kWsa: return "ForWebSiteAuthentication";
    case verify::CertType::kUnknown: break;
  }
  return "";
}

const verify::QualificationAtTime& decisive(const verify::QualificationResult& r) {
  if (r.overall.service) {
    return r.overall;
  }
  return r.at_time.service ? r.at_time : r.at_issuance.service ? r.at_issuance : r.overall;
}

// The piece of trusted-list evidence that is missing for a qualified profile, or "".
std::string missing_piece(std::string_view name, verify::PolicyProfile p, const verify::QualificationResult& r) {
  const verify::QualificationAtTime& o = r.overall;
  const verify::QualificationAtTime& d = decisive(r);
  const verify::CertType want = expected_type(p);
  // EN 319 411-2 is Part 2; TS 101 456 is the pre-eIDAS standard it replaced.
  const std::string head = std::string(verify::family_of(p) == verify::PolicyFamily::kTs101456
                                            ? "TS 101 456 qualified policy "
                                            : "Part 2 policy ") +
                           std::string(name) + " present, but ";
  if (!d.service) {
    return head + "no trusted-list service of the issuing CA was found (" + o.reason + ")";
  }
  const auto& asi = d.service->additional_information;
  if (!asi.empty() && std::find(asi.begin(), asi.end(), asi_for(want)) == asi.end()) {
    return head + "the issuing CA's service has no " + std::string(asi_for(want)) + " entry";
  }
  if (o.status != verify::QualStatus::kQualified) {
    return head + "the trusted list does not confirm a qualified certificate: " + o.reason;
  }
  if (o.type != want) {
    return head + "the trusted list gives the type " + std::string(verify::to_string(o.type)) + ", the policy is for " +
           std::string(verify::to_string(want));
  }
  if (verify::requires_qscd(p) && o.qscd != verify::Tri::kTrue) {
    return head + "the policy requires a QSCD and the trusted list and certificate do not confirm one (qscd " +
           std::string(verify::to_string(o.qscd)) + ")";
  }
  return "";
}

}  // namespace

json crosswalk_json(const verify::CertificateProfile& cert, const verify::QualificationResult& r) {
  json out = json::array();
  for (const auto& m : verify::policy_profiles(cert.policies)) {
    const verify::PolicyFamily family = verify::family_of(m.profile);
    const std::string name(verify::to_string(m.profile));
    json e = {{"oid", m.oid},
              {"profile", name},
              {"standard", verify::to_string(family)},
              {"qualified_profile", false},
              {"expected_type", nullptr},
              {"requires_qscd", false},
              {"backed_by_tl", nullptr},
              {"missing", nullptr}};
    if (family == verify::PolicyFamily::kEn319411Part2 || family == verify::PolicyFamily::kTs101456) {
      const std::string missing = missing_piece(name, m.profile, r);
      e["qualified_profile"] = true;
      e["expected_type"] = verify::to_string(expected_type(m.profile));
      e["requires_qscd"] = verify::requires_qscd(m.profile);
      e["backed_by_tl"] = missing.empty();
      e["missing"] = missing.empty() ? json(nullptr) : json(missing);
      e["note"] = missing.empty() ? "qualified claim backed by the trusted list" : missing;
    } else {
      e["note"] = std::string(verify::to_string(family)) + " policy " + name +
                  ": makes no qualified claim" +
                  (r.overall.status == verify::QualStatus::kQualified
                       ? "; the trusted list nevertheless confirms a qualified certificate"
                       : "");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace eutl::evidence::detail
