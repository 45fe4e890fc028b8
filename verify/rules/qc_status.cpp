// TS 119 615 §4.5(a) (docs): with an acceptable CA/QC period, a captured NotQualified
// makes the certificate not a QC, a captured QCStatement makes it a QC, otherwise the
// certificate content decides. Without one, the certificate is not a QC.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<Tri> qc_with_tl(const RuleContext& ctx, const Selection& selected) {
  auto note = [&](Tri qc, const std::string& why) {
    return conclude(ctx, kQcStatus, qc == Tri::kTrue ? Outcome::kPass : Outcome::kFail, qc, why, why);
  };
  const Candidate* c = selected.candidate;
  if (c == nullptr) {
    return note(Tri::kFalse, "no granted CA/QC service: not a qualified certificate");
  }
  if (!selected.consistency.qc) {
    return note(Tri::kFalse, "contradictory QCStatement/NotQualified qualifiers: not a qualified certificate");
  }
  if (c->qualifiers.has(tsl::Qualifier::kNotQualified)) {
    return note(Tri::kFalse, "the trusted list says NotQualified for this certificate");
  }
  if (c->qualifiers.has(tsl::Qualifier::kQcStatement)) {
    return note(Tri::kTrue, "the trusted list says QCStatement: a qualified certificate whatever its content");
  }
  bool qc = qc_by_content(ctx.facts);
  return note(qc ? Tri::kTrue : Tri::kFalse,
              qc ? "granted CA/QC and the certificate claims QC: qualified"
                 : "granted CA/QC but the certificate does not claim QC (no QcCompliance, or QcCClegislation): not "
                   "qualified");
}

}  // namespace eutl::verify::detail
