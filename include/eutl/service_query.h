// Browsing the service index: stable service IDs, the filters of `eutl list`, and
// "which CA/QC services are granted for this use at time T" (`eutl export --pem`).
//
// Service ID: "<territory>/<tsp>/<service>", e.g. "AA/1/2" = the second service of
// the first trust service provider of territory AA's list. Both numbers are 1-based
// positions in document order (TrustServiceProviderList, TSPServices). They are
// stable for one version of a list (sequence number); a new version of the list
// may renumber when its operator inserts or removes entries.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/qualification.h"

namespace eutl {

struct ServiceId final {
  std::string territory;
  std::size_t tsp = 0;      // 1-based
  std::size_t service = 0;  // 1-based
};
std::string to_string(const ServiceId& id);
ServiceId service_id(const tsl::ServiceProvenance& p);
// "AA/1/2" (territory case-insensitive); kUsage otherwise.
[[nodiscard]] Result<ServiceId> parse_service_id(std::string_view text);
// The index position of a service, or nullopt.
std::optional<std::uint32_t> find_service(const tsl::ServiceIndex& index, const ServiceId& id);

// The period in force at `t` (newest first wins), or nullptr.
const tsl::ServicePeriod* period_at(const tsl::IndexedService& service, tsl::TimePoint t);

// ETSI TS 119 615 §4.4 steps 7-8 and TS 119 612 Annex J: a CA/QC period is
// "granted" when its status is granted (period starting after the eIDAS date) or
// undersupervision / supervisionincessation / accredited (before it), and it has no
// unknown critical extension (TS 119 612 Annex B).
bool is_granted_ca_qc(const tsl::ServicePeriod& period);

// TS 119 612 V2.4.1 §5.5.9.4: the use a granted CA/QC period is listed for, from its
// AdditionalServiceInformation (ForeSignatures / ForeSeals / ForWebSiteAuthentication).
// A pre-eIDAS period (Directive 1999/93/EC) covers electronic signatures only.
bool period_covers_use(const tsl::ServicePeriod& period, verify::CertType use);

// The service is granted CA/QC at `t`, for `use` when given.
bool qualified_ca_at(const tsl::IndexedService& service, tsl::TimePoint t,
                     std::optional<verify::CertType> use = std::nullopt);

// "esig" / "eseal" / "wsa" (also "ForeSignatures", "ForeSeals", "ForWebSiteAuthentication"
// or the full URIs); kUsage otherwise.
[[nodiscard]] Result<verify::CertType> parse_use(std::string_view text);

// The last path segment of a URI ("granted" for …/Svcstatus/granted).
std::string_view uri_tail(std::string_view uri);

}  // namespace eutl
