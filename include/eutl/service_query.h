// Browsing the service index: stable service IDs, the filters of `eutl list`, and
// "which CA/QC services are granted for this use at time T" (`eutl export --pem`),
// answered by the rules of verify/rules/.
//
// Service ID: "<territory>/<tsp>/<service>", e.g. "AA/1/2" = the second service of
// the first trust service provider of territory AA's list. Both numbers are 1-based
// positions in document order (TrustServiceProviderList, TSPServices). They are
// stable for one version of a list (sequence number); a new version of the list
// may renumber when its operator inserts or removes entries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/qualification.h"
#include "eutl/verify/service_period.h"

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

// The period and status questions are the qualification rules' own
// (include/eutl/verify/service_period.h), so `export`, `list` and `check` cannot
// disagree: the period in force at `t` (TS 119 615 §4.4 step 2), a usable CA/QC period
// with a qualifying status for its era (§4.4 steps 7-8, TS 119 612 Annex J and B), and
// the use its AdditionalServiceInformation lists it for (TS 119 612 V2.4.1 §5.5.9.4;
// a pre-eIDAS period covers electronic signatures only).
using verify::is_granted_ca_qc;
using verify::period_at;
using verify::period_covers_use;

// The service is granted CA/QC at `t`, for `use` when given.
bool qualified_ca_at(const tsl::IndexedService& service, tsl::TimePoint t,
                     std::optional<verify::CertType> use = std::nullopt);

// "esig" / "eseal" / "wsa" (also "ForeSignatures", "ForeSeals", "ForWebSiteAuthentication"
// or the full URIs); kUsage otherwise.
[[nodiscard]] Result<verify::CertType> parse_use(std::string_view text);

// Which services a certificate is the identity of (`eutl list --cert`). ETSI TS 119 612
// V2.4.1 §5.5.3: a ServiceDigitalIdentity identifies one public key, and TS 119 615
// V1.2.1 §4.3 identifies a service by its certificate's public key together with its
// subject name. So a certificate matches a service when its SubjectPublicKeyInfo and
// subject Name are those of a certificate of the service's current digital identity:
// the very same certificate (kSameCertificate), or another certificate for the same
// key and name, e.g. a renewed CA certificate (kSameKeyAndSubject). A certificate that
// a service issued is not its identity; `eutl check` finds the issuing service.
enum class IdentityMatch : std::uint8_t { kSameCertificate, kSameKeyAndSubject };
std::string_view to_string(IdentityMatch m);  // "same-certificate" / "same-key-and-subject"

struct IdentityHit final {
  std::uint32_t service = 0;  // index into ServiceIndex::services()
  IdentityMatch match = IdentityMatch::kSameKeyAndSubject;
};

// One hit per service (the closest match when several of its certificates match), in
// index order.
std::vector<IdentityHit> services_identified_by(const tsl::ServiceIndex& index,
                                                const verify::CertificateProfile& certificate);

// The last path segment of a URI ("granted" for …/Svcstatus/granted).
std::string_view uri_tail(std::string_view uri);

}  // namespace eutl
