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

using Ruling = RuleOutcome<ClaimResult>;

// Subject: "claim <text>".
Ruling finish(const RuleContext& ctx, const Claim& claim, Outcome o, std::string part, std::string why) {
  ctx.trace.add(kClaim, o, "claim " + claim.text, why);
  return Ruling{o, ClaimResult{claim, verdict_of(o), std::move(part), why}, why};
}

Ruling check_needs(const RuleContext& ctx, const Claim& claim, const Need& need, const QualificationAtTime& r) {
  if (r.status == QualStatus::kIndeterminate) {
    return finish(ctx, claim, Outcome::kIndeterminate, "qualified status", "no result: " + r.reason);
  }
  if (need.qualified && r.qualified != Tri::kTrue) {
    return finish(ctx, claim, Outcome::kFail, "qualified", "not a qualified certificate: " + r.reason);
  }
  if (need.type && r.type != *need.type) {
    return finish(ctx, claim, Outcome::kFail, "type " + std::string(to_string(*need.type)),
                  "qualified for " + std::string(to_string(r.type)) + ", not " + std::string(to_string(*need.type)));
  }
  if (need.qscd && r.qscd != Tri::kTrue) {
    return finish(ctx, claim, Outcome::kFail, "qscd", "the private key is not on a QSCD (at time T)");
  }
  return finish(ctx, claim, Outcome::kPass, "", "every part of the claim holds");
}

// The QWAC part of a claim, read from the result at issuance (TS 119 411-5).
Ruling check_qwac_part(const RuleContext& ctx, const Claim& claim, const QualificationResult& result,
                       const std::string& confirmed, const std::string& refuted) {
  RuleOutcome<> q = check_qwac(ctx, result.at_issuance);
  return finish(ctx, claim, q.outcome, q.why, q.outcome == Outcome::kPass ? confirmed : refuted + q.why);
}

}  // namespace

RuleOutcome<ClaimResult> evaluate_claim(const RuleContext& ctx, const Claim& claim, const QualificationResult& result) {
  const CertificateProfile& cert = ctx.facts.cert;
  const QualificationAtTime& r = result.overall;
  // RFC 5280 §4.1.2.5: a claim about time T never holds outside the validity period.
  if (result.at_time.validity != CertValidity::kValid) {
    return finish(ctx, claim, Outcome::kFail, "validity", validity_reason(cert, result.at_time.validity, result.at_time.time));
  }
  // RFC 5280 §4.2: a certificate with an unprocessed critical extension is not accepted.
  if (!result.unprocessed_critical_extensions.empty()) {
    return finish(ctx, claim, Outcome::kIndeterminate, "critical extension", result.at_issuance.reason);
  }
  switch (claim.kind) {
    case ClaimKind::kQes: return check_needs(ctx, claim, Need{true, CertType::kESig, true}, r);
    case ClaimKind::kQcESig: return check_needs(ctx, claim, Need{true, CertType::kESig, false}, r);
    case ClaimKind::kQSeal: return check_needs(ctx, claim, Need{true, CertType::kESeal, true}, r);
    case ClaimKind::kQcESeal: return check_needs(ctx, claim, Need{true, CertType::kESeal, false}, r);
    case ClaimKind::kQwac: return check_qwac_part(ctx, claim, result, "a QWAC", "not shown to be a QWAC: missing ");
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
    return finish(ctx, claim, Outcome::kFail, "policy " + name,
                  "the certificate does not carry the " + name + " policy OID " + std::string(policy_oid(p)));
  }
  PolicyFamily fam = family_of(p);
  if (fam == PolicyFamily::kEn319411Part1 || fam == PolicyFamily::kCabForum) {
    return finish(ctx, claim, Outcome::kPass, "",
                  "the certificate carries the " + name + " policy OID (" + std::string(to_string(fam)) +
                      ": a policy statement only, never a qualified status)");
  }
  if (is_web_profile(p)) {
    return check_qwac_part(ctx, claim, result, name + " backed by the trusted list",
                           name + " policy present, but missing ");
  }
  Need need;
  need.qscd = requires_qscd(p);
  if (p == PolicyProfile::kQcpN || p == PolicyProfile::kQcpNQscd) {
    need.type = CertType::kESig;
  } else if (p == PolicyProfile::kQcpL || p == PolicyProfile::kQcpLQscd) {
    need.type = CertType::kESeal;
  }
  return check_needs(ctx, claim, need, r);
}

}  // namespace eutl::verify::detail
