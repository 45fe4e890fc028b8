// `eutl list --cert FILE`: the services whose ServiceDigitalIdentity is one of the
// certificates of FILE (PEM, one or more, or DER), by public key and subject name
// (ETSI TS 119 612 V2.4.1 §5.5.3; eutl::services_identified_by says the rule).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "eutl/result.h"
#include "eutl/service_query.h"
#include "eutl/tsl/service_index.h"

namespace eutl::cli {

// Index position of each matching service -> how it matched (the closest match when
// several certificates of FILE match one service).
using CertMatches = std::map<std::uint32_t, eutl::IdentityMatch>;

// kUsage naming FILE when it cannot be read or holds no certificate.
[[nodiscard]] Result<CertMatches> services_with_identity(const std::string& file, const tsl::ServiceIndex& index);

}  // namespace eutl::cli
