// EN 319 412-5 V2.4.1 §4.2.1 and §4.3.4, TS 119 615 §4.5(a) (docs): post-eIDAS, the
// certificate claims to be an EU QC with QcCompliance and no QcCClegislation (which
// names non-EU legislation). Pre-eIDAS, the TS 101 456 policies QCP / QCP+ count too.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

bool qc_by_content(const CertFacts& f) {
  if (f.cert.qc.cc_legislation) {
    return false;
  }
  if (f.cert.qc.compliance) {
    return true;
  }
  return !f.post_eidas && (f.cert.has_policy(policy_oid(PolicyProfile::kQcp)) ||
                           f.cert.has_policy(policy_oid(PolicyProfile::kQcpPlus)));
}

RuleOutcome<> check_qc_compliance(const RuleContext& ctx) {
  const CertFacts& f = ctx.facts;
  bool qc = qc_by_content(f);
  std::string detail = std::string("QcCompliance ") + (f.cert.qc.compliance ? "present" : "absent");
  if (f.cert.qc.cc_legislation) {
    std::string cc;
    for (const auto& c : f.cert.qc.cc_legislation_countries) {
      cc += (cc.empty() ? "" : ",") + c;
    }
    detail += "; QcCClegislation [" + cc + "] present: a QC under non-EU legislation, not an EU QC";
  }
  if (!f.post_eidas) {
    detail += "; issued before the eIDAS date (QCP/QCP+ policy also counts)";
  }
  RuleOutcome<> r;
  r.outcome = qc ? Outcome::kPass : Outcome::kFail;
  r.why = detail + (qc ? ": the certificate claims to be an EU QC" : ": the certificate does not claim to be an EU QC");
  ctx.add(kQcCompliance, r.outcome, r.why);
  return r;
}

}  // namespace eutl::verify::detail
