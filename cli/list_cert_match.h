// `eutl list --cert FILE`: the certificates of FILE (PEM, one or more, or DER) whose
// services the list shows (eutl::ServiceListQuery::identity; the rule is
// eutl::services_identified_by, ETSI TS 119 612 V2.4.1 §5.5.3).
#pragma once

#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl::cli {

// kUsage naming FILE when it cannot be read or holds no certificate.
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_identity_certificates(const std::string& file);

}  // namespace eutl::cli
