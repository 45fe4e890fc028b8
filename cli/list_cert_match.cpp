// The certificates of `eutl list --cert FILE` (cli/list_cert_match.h).
#include "cli/list_cert_match.h"

#include "eutl/trusted_lists.h"

namespace eutl::cli {

Result<std::vector<verify::CertificateProfile>> read_identity_certificates(const std::string& file) {
  auto certs = eutl::read_certificates(file);
  if (!certs) {
    return Error(Errc::kUsage, "--cert " + file + ": not a certificate (PEM or DER): " + certs.error().message);
  }
  return certs;
}

}  // namespace eutl::cli
