// Claims (eIDAS Art. 3(12), 3(27), 3(39)): each claim is a conjunction of parts; the verdict names
// the first part that fails. Qualified parts are read from the combined result
// (issuance and time T, TS 119 615 §4.6); a QWAC from the result at issuance (TS 119 411-5).
// A Part 1 (EN 319 411-1) or CA/B Forum profile claim only asks for the policy OID:
// it never says anything about qualified status.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

struct Need final {
  bool qualified = true;
  std::optional<CertType> type;
  bool qscd = false;
};

ClaimResult finish(const Claim& claim, Verdict v, std::string part, std::string why, Trace& trace) {
  trace.add(kClaim, v == Verdict::kConfirmed ? Outcome::kPass
                    : v == Verdict::kRefuted ? Outcome::kFail
                                             : Outcome::kIndeterminate,
            "claim " + claim.text, why);
  return ClaimResult{claim, v, std::move(part), std::move(why)};
}

ClaimResult check_needs(const Claim& claim, const Need& need, const QualificationAtTime& r, Trace& trace) {
  if (r.status == QualStatus::kIndeterminate) {
    return finish(claim, Verdict::kIndeterminate, "qualified status", "no result: " + r.reason, trace);
  }
  if (need.qualified && r.qualified != Tri::kTrue) {
    return finish(claim, Verdict::kRefuted, "qualified", "not a qualified certificate: " + r.reason, trace);
  }
  if (need.type && r.type != *need.type) {
    return finish(claim, Verdict::kRefuted, "type " + std::string(to_string(*need.type)),
                  "qualified for " + std::string(to_string(r.type)) + ", not " + std::string(to_string(*need.type)),
                  trace);
  }
  if (need.qscd && r.qscd != Tri::kTrue) {
    return finish(claim, Verdict::kRefuted, "qscd", "the private key is not on a QSCD (at time T)", trace);
  }
  return finish(claim, Verdict::kConfirmed, "", "every part of the claim holds", trace);
}

}  // namespace

ClaimResult evaluate_claim(const Claim& claim, const CertificateProfile& cert, const QualificationResult& result,
                           Trace& trace) {
  const QualificationAtTime& r = result.overall;
  // RFC 5280 §4.1.2.5: a claim about time T never holds outside the validity period.
  if (result.at_time.validity != CertValidity::kValid) {
    return finish(claim, Verdict::kRefuted, "validity", validity_reason(cert, result.at_time.validity, result.at_time.time),
                  trace);
  }
  // RFC 5280 §4.2: a certificate with an unprocessed critical extension is not accepted.
  if (!result.unprocessed_critical_extensions.empty()) {
    return finish(claim, Verdict::kIndeterminate, "critical extension", result.at_issuance.reason, trace);
  }
  switch (claim.kind) {
    case ClaimKind::kQes: return check_needs(claim, Need{true, CertType::kESig, true}, r, trace);
    case ClaimKind::kQcESig: return check_needs(claim, Need{true, CertType::kESig, false}, r, trace);
    case ClaimKind::kQSeal: return check_needs(claim, Need{true, CertType::kESeal, true}, r, trace);
    case ClaimKind::kQcESeal: return check_needs(claim, Need{true, CertType::kESeal, false}, r, trace);
    case ClaimKind::kQwac: {
      std::string missing;
      Outcome o = check_qwac(cert, result.at_issuance, missing, trace);
      Verdict v = o == Outcome::kPass ? Verdict::kConfirmed
                  : o == Outcome::kFail ? Verdict::kRefuted
                                        : Verdict::kIndeterminate;
      return finish(claim, v, missing, o == Outcome::kPass ? "a QWAC" : "not shown to be a QWAC: missing " + missing,
                    trace);
    }
    case ClaimKind::kPolicy: break;
  }
  PolicyProfile p = claim.policy.value_or(PolicyProfile::kNcp);
  std::string name(to_string(p));
  if (!cert.has_policy(policy_oid(p)) &&
      !(p == PolicyProfile::kCabSmime && [&] {
        for (const auto& o : cert.policies) {
          if (classify_policy(o) == PolicyProfile::kCabSmime) {
            return true;
          }
        }
        return false;
      }())) {
    return finish(claim, Verdict::kRefuted, "policy " + name,
                  "the certificate does not carry the " + name + " policy OID " + std::string(policy_oid(p)), trace);
  }
  PolicyFamily fam = family_of(p);
  if (fam == PolicyFamily::kEn319411Part1 || fam == PolicyFamily::kCabForum) {
    return finish(claim, Verdict::kConfirmed, "",
                  "the certificate carries the " + name + " policy OID (" + std::string(to_string(fam)) +
                      ": a policy statement only, never a qualified status)",
                  trace);
  }
  if (is_web_profile(p)) {
    std::string missing;
    Outcome o = check_qwac(cert, result.at_issuance, missing, trace);
    Verdict v = o == Outcome::kPass ? Verdict::kConfirmed
                : o == Outcome::kFail ? Verdict::kRefuted
                                      : Verdict::kIndeterminate;
    return finish(claim, v, missing,
                  o == Outcome::kPass ? name + " backed by the trusted list"
                                      : name + " policy present, but missing " + missing,
                  trace);
  }
  Need need;
  need.qscd = requires_qscd(p);
  if (p == PolicyProfile::kQcpN || p == PolicyProfile::kQcpNQscd) {
    need.type = CertType::kESig;
  } else if (p == PolicyProfile::kQcpL || p == PolicyProfile::kQcpLQscd) {
    need.type = CertType::kESeal;
  }
  return check_needs(claim, need, r, trace);
}

}  // namespace eutl::verify::detail
