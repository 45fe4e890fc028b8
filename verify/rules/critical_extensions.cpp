// RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it
// encounters a critical extension it does not recognize"; §6.1.3 applies the same to
// every certificate of the path. eutl cannot say what such an extension restricts, so
// a result resting on the certificate (or on a CA certificate given with --chain) is
// never confirmed: the rule answers indeterminate and names the OID.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

void collect(const CertificateProfile& c, const std::string& who, std::vector<std::string>& which, Trace& trace) {
  for (const std::string& oid : c.unknown_critical_extensions) {
    which.push_back(who + ": " + oid);
    trace.add(kCriticalExtensions, Outcome::kIndeterminate, who,
              "critical extension " + oid + " is not processed by eutl: the certificate cannot be accepted");
  }
}

}  // namespace

Outcome check_critical_extensions(const CertificateProfile& cert, const std::vector<const CertificateProfile*>& chain,
                                  std::vector<std::string>& which, Trace& trace) {
  std::size_t before = which.size();
  collect(cert, "certificate", which, trace);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (chain[i] != nullptr) {
      collect(*chain[i], "chain certificate " + std::to_string(i + 1), which, trace);
    }
  }
  if (which.size() == before) {
    trace.add(kCriticalExtensions, Outcome::kPass, "certificate",
              chain.empty() ? "every critical extension is processed"
                            : "every critical extension of the certificate and its chain is processed");
    return Outcome::kPass;
  }
  return Outcome::kIndeterminate;
}

}  // namespace eutl::verify::detail
