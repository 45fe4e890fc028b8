// TS 119 615 §4.6 (docs; DSS FinalCertificateQualificationCalculator): equal results
// stand; if either is N/A the result is N/A; otherwise QC only if QC at both times,
// the type if it agrees (else UNKNOWN), and the QSCD value at time T. eIDAS Art. 32
// needs a QC at issuance and for the right type at the time of use.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

// Subject: "combined".
RuleOutcome<QualificationAtTime> combine_times(const RuleContext& ctx, const QualificationAtTime& a,
                                               const QualificationAtTime& b) {
  RuleOutcome<QualificationAtTime> out;
  QualificationAtTime& r = out.value;
  r = b;
  if (a.status == QualStatus::kIndeterminate || b.status == QualStatus::kIndeterminate) {
    r.set_qualified(Tri::kUnknown);
    r.type = CertType::kUnknown;
    r.qscd = Tri::kUnknown;
    r.reason = a.status == QualStatus::kIndeterminate ? "at issuance: " + a.reason : "at time T: " + b.reason;
    out.outcome = Outcome::kIndeterminate;
    out.why = "no result at one of the two times: " + r.reason;
    ctx.add(kCombineTimes, out.outcome, out.why);
    return out;
  }
  bool qc = a.qualified == Tri::kTrue && b.qualified == Tri::kTrue;
  r.set_qualified(qc ? Tri::kTrue : Tri::kFalse);
  r.type = a.type == b.type ? a.type : CertType::kUnknown;
  r.qscd = qc ? b.qscd : Tri::kFalse;
  if (!qc) {
    r.reason = a.qualified != Tri::kTrue ? "not qualified at issuance: " + a.reason
                                         : "qualified at issuance but not at time T: " + b.reason;
    r.service = a.qualified != Tri::kTrue ? a.service : b.service;
  } else {
    r.reason = "qualified at issuance and at time T";
  }
  out.outcome = qc ? Outcome::kPass : Outcome::kFail;
  ctx.add(kCombineTimes, out.outcome,
          "at issuance " + std::string(to_string(a.status)) + ", at time T " + std::string(to_string(b.status)) +
                " => " + std::string(to_string(r.status)) + ", type " + std::string(to_string(r.type)) +
                ", qscd " + std::string(to_string(r.qscd)));
  return out;
}

}  // namespace eutl::verify::detail
