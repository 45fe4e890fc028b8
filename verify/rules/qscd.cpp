// EN 319 412-5 V2.4.1 §4.2.2 and TS 119 615 §4.5(c) (docs). From the certificate:
// QcSSCD (pre-eIDAS: or the QCP+ policy). The list overrides (only for a QC), by the
// era of the service period: post-eIDAS QCWithQSCD / QCQSCDManagedOnBehalf → QSCD,
// QCNoQSCD → not, QCQSCDStatusAsInCert → the certificate; pre-eIDAS the SSCD forms.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

Tri qscd_by_content(const CertFacts& f) {
  bool q = f.cert.qc.sscd || (!f.post_eidas && f.cert.has_policy(policy_oid(PolicyProfile::kQcpPlus)));
  return q ? Tri::kTrue : Tri::kFalse;
}

RuleOutcome<Tri> qscd_with_tl(const RuleContext& ctx, const Selection& selected, Tri qualified) {
  using Q = tsl::Qualifier;
  const CertFacts& f = ctx.facts;
  auto note = [&](Tri t, const std::string& why) {
    return conclude(ctx, kQscd, t == Tri::kTrue ? Outcome::kPass : Outcome::kFail, t, why,
                    std::string(t == Tri::kTrue ? "QSCD" : "not on a QSCD") + ": " + why);
  };
  if (qualified != Tri::kTrue) {
    return note(Tri::kFalse, "not a qualified certificate");
  }
  const Candidate* c = selected.candidate;
  if (c == nullptr) {
    return note(Tri::kFalse, "no service");
  }
  if (!selected.consistency.qscd) {
    return note(Tri::kFalse, "contradictory QSCD qualifiers");
  }
  const QualifierSet& q = c->qualifiers;
  Tri own = qscd_by_content(f);
  std::string own_text = f.cert.qc.sscd ? "QcSSCD in the certificate" : "no QcSSCD in the certificate";
  if (c->period_post_eidas()) {
    if (q.has(Q::kQcWithQscd)) {
      return note(Tri::kTrue, "QCWithQSCD qualifier (overrides the certificate: " + own_text + ")");
    }
    if (q.has(Q::kQcQscdManagedOnBehalf)) {
      return note(Tri::kTrue, "QCQSCDManagedOnBehalf qualifier: a QSCD managed by the QTSP on the subject's behalf");
    }
    if (q.has(Q::kQcNoQscd)) {
      return note(Tri::kFalse, "QCNoQSCD qualifier (overrides the certificate: " + own_text + ")");
    }
    if (q.has(Q::kQcQscdStatusAsInCert)) {
      return note(own, "QCQSCDStatusAsInCert: " + own_text);
    }
  } else {
    if (q.has(Q::kQcWithSscd)) {
      return note(Tri::kTrue, "QCWithSSCD qualifier (pre-eIDAS period)");
    }
    if (q.has(Q::kQcNoSscd)) {
      return note(Tri::kFalse, "QCNoSSCD qualifier (pre-eIDAS period)");
    }
    if (q.has(Q::kQcSscdStatusAsInCert)) {
      return note(own, "QCSSCDStatusAsInCert: " + own_text);
    }
  }
  return note(own, own_text + (!f.post_eidas && f.cert.has_policy(policy_oid(PolicyProfile::kQcpPlus))
                                   ? " (QCP+ policy: SSCD)"
                                   : ""));
}

}  // namespace eutl::verify::detail
