// TS 119 615 §4.4 step 5 (docs): warnings for contradictory qualifiers in one period.
// The flags say which result (QC, type, QSCD) may still be read from the period
// (step 9: a missing consistent entry gives NOT_QC / UNKNOWN / NOT_QSCD).
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<Consistency> check_consistency(const RuleContext& ctx, const Candidate& c) {
  using Q = tsl::Qualifier;
  const QualifierSet& q = c.qualifiers;
  const auto& ext = c.state().extensions;
  RuleOutcome<Consistency> out;
  out.outcome = Outcome::kPass;
  Consistency& r = out.value;
  auto warn = [&](const std::string& what) {
    out.outcome = Outcome::kWarning;
    ctx.trace.add(kConsistency, Outcome::kWarning, c.subject, what);
  };
  if (q.has(Q::kQcStatement) && q.has(Q::kNotQualified)) {
    r.qc = false;
    warn("QCStatement and NotQualified both apply: QC status cannot be read from this period");
  }
  bool with_qscd = q.has(Q::kQcWithQscd) || q.has(Q::kQcQscdManagedOnBehalf);
  if ((with_qscd && q.has(Q::kQcNoQscd)) || (q.has(Q::kQcWithSscd) && q.has(Q::kQcNoSscd))) {
    r.qscd = false;
    warn("a With-(Q)SCD or ManagedOnBehalf qualifier together with a No-(Q)SCD qualifier");
  }
  if ((q.has(Q::kQcQscdStatusAsInCert) && with_qscd) || (q.has(Q::kQcSscdStatusAsInCert) && q.has(Q::kQcWithSscd))) {
    r.qscd = false;
    warn("StatusAsInCert together with a With-(Q)SCD qualifier");
  }
  bool post = c.period_post_eidas();
  bool sscd_quals = q.has(Q::kQcWithSscd) || q.has(Q::kQcNoSscd) || q.has(Q::kQcSscdStatusAsInCert);
  bool qscd_quals = with_qscd || q.has(Q::kQcNoQscd) || q.has(Q::kQcQscdStatusAsInCert);
  if (post && sscd_quals && !qscd_quals) {
    warn("post-eIDAS period with SSCD qualifiers and no QSCD equivalent (the SSCD ones are not read)");
  }
  int usages = int(q.has(Q::kQcForESig)) + int(q.has(Q::kQcForESeal)) + int(q.has(Q::kQcForWsa));
  if (usages > 1) {
    r.type = false;
    warn("more than one of QCForESig / QCForESeal / QCForWSA");
  }
  if (q.has(Q::kQcForLegalPerson) && q.has(Q::kQcForESig)) {
    r.type = false;
    warn("QCForLegalPerson together with QCForESig");
  }
  if ((q.has(Q::kQcForESig) && !listed_for_use(ext, CertType::kESig)) ||
      (q.has(Q::kQcForESeal) && !listed_for_use(ext, CertType::kESeal)) ||
      (q.has(Q::kQcForWsa) && !listed_for_use(ext, CertType::kWsa))) {
    r.type = false;
    warn("a usage qualifier without its AdditionalServiceInformation");
  }
  if (!post) {
    bool only_other = (listed_for_use(ext, CertType::kESeal) || listed_for_use(ext, CertType::kWsa)) &&
                      !listed_for_use(ext, CertType::kESig);
    auto st = c.state().status;
    if (only_other || q.has(Q::kQcForESeal) || q.has(Q::kQcForWsa) || st == tsl::ServiceStatus::kGranted ||
        st == tsl::ServiceStatus::kWithdrawn) {
      r.pre_eidas_status = false;
      warn("pre-eIDAS period with an eIDAS-only status or usage (ForeSeals/ForWSA, QCForESeal/WSA, "
           "granted/withdrawn)");
    }
  }
  return out;
}

}  // namespace eutl::verify::detail
