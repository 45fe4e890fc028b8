// Services by their identity certificate (cli/list_cert_match.h).
#include "cli/list_cert_match.h"

#include "eutl/trusted_lists.h"

namespace eutl::cli {

Result<CertMatches> services_with_identity(const std::string& file, const tsl::ServiceIndex& index) {
  auto certs = eutl::read_certificates(file);
  if (!certs) {
    return Error(Errc::kUsage, "--cert " + file + ": not a certificate (PEM or DER): " + certs.error().message);
  }
  CertMatches hits;
  for (const auto& c : *certs) {
    for (const auto& h : eutl::services_identified_by(index, c)) {
      auto [it, added] = hits.emplace(h.service, h.match);
      if (!added && h.match == eutl::IdentityMatch::kSameCertificate) {
        it->second = h.match;
      }
    }
  }
  return hits;
}

}  // namespace eutl::cli
