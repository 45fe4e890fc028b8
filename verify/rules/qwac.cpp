// ETSI TS 119 411-5 V1.1.1 §4 with EN 319 411-2 V2.5.1 §5.3 and EN 319 412-5 §4.2.3:
// - 1-QWAC: QcCompliance, QcType web, policy QEVCP-w or QNCP-w, issued by a CA/QC
//   service granted at issuance and listed ForWebSiteAuthentication (the decision at
//   issuance is "qualified, type WSA", which the type filter only gives with that ASI);
// - 2-QWAC: policy QNCP-w-gen with the TLS-binding EKU 0.4.0.194115.1.0, same TL part.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

// EN 319 411-1 (Part 1) and CA/B Forum profiles name non-qualified certificates; when a
// certificate carries only those, that is the plainest reason it is no QWAC.
// Returns e.g. "OVCP", or empty when a Part 2 / TS 101 456 policy is present too.
std::string part1_only_profiles(const CertificateProfile& cert) {
  std::string names;
  for (const PolicyMatch& m : policy_profiles(cert.policies)) {
    PolicyFamily f = family_of(m.profile);
    if (f == PolicyFamily::kEn319411Part2 || f == PolicyFamily::kTs101456) {
      return {};
    }
    if (f == PolicyFamily::kEn319411Part1) {
      names += (names.empty() ? "" : ", ") + std::string(to_string(m.profile));
    }
  }
  return names;
}

}  // namespace

// Subjects: "certificate" for the content, "at issuance" for the list part.
RuleOutcome<> check_qwac(const RuleContext& ctx, const QualificationAtTime& at_issuance) {
  const CertificateProfile& cert = ctx.facts.cert;
  RuleOutcome<> r;
  std::string& missing = r.why;
  bool one_policy = cert.has_policy(policy_oid(PolicyProfile::kQevcpW)) ||
                    cert.has_policy(policy_oid(PolicyProfile::kQncpW));
  bool one_content = cert.qc.compliance && cert.has_qc_type(QcType::kWeb) && one_policy;
  bool two_content = cert.has_policy(policy_oid(PolicyProfile::kQncpWGen)) && cert.has_eku(oid::kEkuTlsBinding);
  bool tl_ok = at_issuance.qualified == Tri::kTrue && at_issuance.type == CertType::kWsa;
  if (!one_content && !two_content) {
    missing = !cert.qc.compliance                  ? "QcCompliance statement"
              : !cert.has_qc_type(QcType::kWeb)    ? "QcType web"
              : !one_policy                        ? "policy QEVCP-w or QNCP-w (or QNCP-w-gen with the TLS-binding EKU)"
                                                   : "QWAC certificate content";
    if (std::string part1 = part1_only_profiles(cert); !part1.empty()) {
      missing += " (EN 319 411-1 " + part1 + ": Part 1 policy, not a qualified certificate)";
    }
    r.outcome = Outcome::kFail;
    ctx.trace.add(kQwac, r.outcome, "certificate", "not a QWAC by content: missing " + missing);
    return r;
  }
  const char* which = one_content ? "1-QWAC" : "2-QWAC";
  if (at_issuance.status == QualStatus::kIndeterminate) {
    missing = "trusted-list evidence at issuance (" + at_issuance.reason + ")";
    r.outcome = Outcome::kIndeterminate;
    ctx.trace.add(kQwac, r.outcome, "at issuance", std::string(which) + " content present; " + missing);
    return r;
  }
  if (!tl_ok) {
    missing = "a granted CA/QC service with ForWebSiteAuthentication at issuance (got qualified=" +
              std::string(to_string(at_issuance.qualified)) + ", type=" + std::string(to_string(at_issuance.type)) +
              ")";
    r.outcome = Outcome::kFail;
    ctx.trace.add(kQwac, r.outcome, "at issuance", std::string(which) + " content present; missing " + missing);
    return r;
  }
  r.outcome = Outcome::kPass;
  ctx.trace.add(kQwac, r.outcome, "at issuance",
                std::string(which) + ": content and a granted CA/QC service for website authentication");
  return r;
}

}  // namespace eutl::verify::detail
