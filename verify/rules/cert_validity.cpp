// RFC 5280 §4.1.2.5: the certificate is valid from notBefore to notAfter, both
// inclusive; §6.1.3 (a)(2): path validation requires the validity period to include
// the time of validation. A certificate outside its validity period at time T is not
// a qualified certificate at T, whatever the lists say (the result at issuance, taken
// at notBefore, always lies inside it).
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<CertValidity> check_cert_validity(const RuleContext& ctx, tsl::TimePoint t) {
  const CertificateProfile& cert = ctx.facts.cert;
  RuleOutcome<CertValidity> r;
  r.value = t < cert.not_before  ? CertValidity::kNotYetValid
            : t > cert.not_after ? CertValidity::kExpired
                                 : CertValidity::kValid;
  if (r.value == CertValidity::kValid) {
    r.outcome = Outcome::kPass;
    ctx.add(kCertValidity, r.outcome,
            tsl::format_time(t) + " is inside the validity period " + tsl::format_time(cert.not_before) + " .. " +
                tsl::format_time(cert.not_after));
  } else {
    r.outcome = Outcome::kFail;
    r.why = validity_reason(cert, r.value, t);
    ctx.add(kCertValidity, r.outcome, r.why);
  }
  return r;
}

std::string validity_reason(const CertificateProfile& cert, CertValidity v, tsl::TimePoint t) {
  switch (v) {
    case CertValidity::kExpired:
      return "the certificate expired at T: notAfter " + tsl::format_time(cert.not_after) + " is before " +
             tsl::format_time(t);
    case CertValidity::kNotYetValid:
      return "the certificate is not yet valid at T: notBefore " + tsl::format_time(cert.not_before) + " is after " +
             tsl::format_time(t);
    case CertValidity::kValid: break;
  }
  return "the certificate is valid at " + tsl::format_time(t);
}

}  // namespace eutl::verify::detail
