// RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it
// encounters a critical extension it does not recognize"; §6.1.3 applies the same to
// every certificate of the path. eutl cannot say what such an extension restricts, so
// a result resting on the certificate (or on a CA certificate given with --chain) is
// never confirmed: the rule answers indeterminate and names the OID.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

void collect(const RuleContext& ctx, const CertificateProfile& c, std::vector<std::string>& which) {
  for (const std::string& oid : c.unknown_critical_extensions) {
    which.push_back(std::string(ctx.subject) + ": " + oid);
    ctx.add(kCriticalExtensions, Outcome::kIndeterminate,
            "critical extension " + oid + " is not processed by eutl: the certificate cannot be accepted");
  }
}

}  // namespace

// Subject: "certificate"; chain certificates are named "chain certificate N".
RuleOutcome<std::vector<std::string>> check_critical_extensions(const RuleContext& ctx,
                                                                const std::vector<const CertificateProfile*>& chain) {
  RuleOutcome<std::vector<std::string>> r;
  collect(ctx, ctx.facts.cert, r.value);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (chain[i] != nullptr) {
      std::string who = "chain certificate " + std::to_string(i + 1);
      collect(ctx.about(who), *chain[i], r.value);
    }
  }
  if (r.value.empty()) {
    r.outcome = Outcome::kPass;
    ctx.add(kCriticalExtensions, r.outcome,
            chain.empty() ? "every critical extension is processed"
                          : "every critical extension of the certificate and its chain is processed");
    return r;
  }
  r.outcome = Outcome::kIndeterminate;
  return r;
}

}  // namespace eutl::verify::detail
