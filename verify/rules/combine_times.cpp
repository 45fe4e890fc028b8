// TS 119 615 §4.6 (docs; DSS FinalCertificateQualificationCalculator): equal results
// stand; if either is N/A the result is N/A; otherwise QC only if QC at both times,
// the type if it agrees (else UNKNOWN), and the QSCD value at time T. eIDAS Art. 32
// needs a QC at issuance and for the right type at the time of use.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

QualificationAtTime combine_times(const QualificationAtTime& a, const QualificationAtTime& b, Trace& trace) {
  QualificationAtTime r = b;
  if (a.status == QualStatus::kIndeterminate || b.status == QualStatus::kIndeterminate) {
    r.status = QualStatus::kIndeterminate;
    r.qualified = Tri::kUnknown;
    r.type = CertType::kUnknown;
    r.qscd = Tri::kUnknown;
    r.reason = a.status == QualStatus::kIndeterminate ? "at issuance: " + a.reason : "at time T: " + b.reason;
    trace.add(kCombineTimes, Outcome::kIndeterminate, "combined", "no result at one of the two times: " + r.reason);
    return r;
  }
  bool qc = a.qualified == Tri::kTrue && b.qualified == Tri::kTrue;
  r.qualified = qc ? Tri::kTrue : Tri::kFalse;
  r.status = qc ? QualStatus::kQualified : QualStatus::kNotQualified;
  r.type = a.type == b.type ? a.type : CertType::kUnknown;
  r.qscd = qc ? b.qscd : Tri::kFalse;
  if (!qc) {
    r.reason = a.qualified != Tri::kTrue ? "not qualified at issuance: " + a.reason
                                         : "qualified at issuance but not at time T: " + b.reason;
    r.service = a.qualified != Tri::kTrue ? a.service : b.service;
  } else {
    r.reason = "qualified at issuance and at time T";
  }
  trace.add(kCombineTimes, qc ? Outcome::kPass : Outcome::kFail, "combined",
            "at issuance " + std::string(to_string(a.status)) + ", at time T " + std::string(to_string(b.status)) +
                " => " + std::string(to_string(r.status)) + ", type " + std::string(to_string(r.type)) +
                ", qscd " + std::string(to_string(r.qscd)));
  return r;
}

}  // namespace eutl::verify::detail
