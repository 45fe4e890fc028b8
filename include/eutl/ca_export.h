// The CA certificates (current ServiceDigitalIdentity) of every service that is a
// granted CA/QC at T, for a use, as `eutl export --pem` writes them and GET
// /v1/export.pem of `eutl serve` serves them: a PEM bundle, each certificate preceded
// by comment lines naming the territory, TSP and service, a certificate listed by
// several services once; or the JSON array of `export --pem --json`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/qualification.h"

namespace eutl {

struct CaExport final {
  std::string pem;   // the commented bundle, header first
  std::string json;  // [{schema eutl-export/1, service_id, territory, tsp, service_name, sha256, pem}], two-space indent
  std::size_t certificates = 0;
  std::size_t services = 0;
};

// `version` is the eutl version named in the bundle's header.
[[nodiscard]] CaExport export_ca_certificates(const TrustedLists& lists, tsl::TimePoint at,
                                              std::optional<verify::CertType> use, std::string_view version);

}  // namespace eutl
