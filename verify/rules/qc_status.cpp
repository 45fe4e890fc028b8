// TS 119 615 §4.5(a) (docs): with an acceptable CA/QC period, a captured NotQualified
// makes the certificate not a QC, a captured QCStatement makes it a QC, otherwise the
// certificate content decides. Without one, the certificate is not a QC.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

Tri qc_with_tl(const CertFacts& facts, const Candidate* selected, bool usable, const Consistency& cons,
               const std::string& label, Trace* trace) {
  auto note = [&](Outcome o, const std::string& d) {
    if (trace != nullptr) {
      trace->add(kQcStatus, o, label, d);
    }
  };
  if (selected == nullptr || !usable) {
    note(Outcome::kFail, "no granted CA/QC service: not a qualified certificate");
    return Tri::kFalse;
  }
  if (!cons.qc) {
    note(Outcome::kFail, "contradictory QCStatement/NotQualified qualifiers: not a qualified certificate");
    return Tri::kFalse;
  }
  if (selected->qualifiers.has(tsl::Qualifier::kNotQualified)) {
    note(Outcome::kFail, "the trusted list says NotQualified for this certificate");
    return Tri::kFalse;
  }
  if (selected->qualifiers.has(tsl::Qualifier::kQcStatement)) {
    note(Outcome::kPass, "the trusted list says QCStatement: a qualified certificate whatever its content");
    return Tri::kTrue;
  }
  bool qc = qc_by_content(facts);
  note(qc ? Outcome::kPass : Outcome::kFail,
       qc ? "granted CA/QC and the certificate claims QC: qualified"
          : "granted CA/QC but the certificate does not claim QC (no QcCompliance, or QcCClegislation): not qualified");
  return qc ? Tri::kTrue : Tri::kFalse;
}

}  // namespace eutl::verify::detail
