// ETSI vocabularies (TS 119 612) mapped to enums at the parse boundary.
// Past the parser, code compares enums; the raw URI is always kept beside the enum
// so traces and reports can show exactly what the list said.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace eutl::tsl {

namespace ns {
inline constexpr std::string_view kTsl = "http://uri.etsi.org/02231/v2#";
inline constexpr std::string_view kTslx = "http://uri.etsi.org/02231/v2/additionaltypes#";
inline constexpr std::string_view kEcc = "http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#";
inline constexpr std::string_view kDs = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr std::string_view kXades = "http://uri.etsi.org/01903/v1.3.2#";
inline constexpr std::string_view kXml = "http://www.w3.org/XML/1998/namespace";
}  // namespace ns

template <typename E>
struct UriEnum final {
  std::string_view uri;
  E value;
};

template <typename E, std::size_t N>
constexpr E lookup_uri(const std::array<UriEnum<E>, N>& table, std::string_view uri, E fallback) {
  for (const auto& entry : table) {
    if (entry.uri == uri) return entry.value;
  }
  return fallback;
}

// TS 119 612 V2.4.1 §5.3.3 (TSLType); legacy forms from Directive 1999/93 lists.
enum class TslType { kUnknown, kEuGeneric, kEuListOfLists, kNonEuList, kNonEuListOfLists, kLegacyGeneric,
                     kLegacyListOfLists };
TslType classify_tsl_type(std::string_view uri);
bool is_list_of_lists(TslType t);
std::string_view to_string(TslType t);

inline constexpr std::string_view kTslTypeEuGeneric = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric";
inline constexpr std::string_view kTslTypeEuLotl = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists";
inline constexpr std::string_view kMimeTsl = "application/vnd.etsi.tsl+xml";

// TS 119 612 V2.4.1 §5.5.4 (service current status) and Annex J (pre-eIDAS values).
enum class ServiceStatus {
  kUnknown,
  kGranted,
  kWithdrawn,
  kRecognisedAtNationalLevel,
  kDeprecatedAtNationalLevel,
  kUnderSupervision,        // pre-eIDAS
  kSupervisionInCessation,  // pre-eIDAS
  kSupervisionCeased,       // pre-eIDAS
  kSupervisionRevoked,      // pre-eIDAS
  kAccredited,              // pre-eIDAS
  kAccreditationCeased,     // pre-eIDAS
  kAccreditationRevoked,    // pre-eIDAS
  kSetByNationalLaw,        // pre-eIDAS, national
  kDeprecatedByNationalLaw  // pre-eIDAS, national
};
ServiceStatus classify_service_status(std::string_view uri);
std::string_view to_string(ServiceStatus s);
// The last segment of every status URI of §5.5.4 and Annex J ("granted", …).
std::vector<std::string_view> known_service_statuses();

// TS 119 612 V2.4.1 §5.5.1 service type identifiers; only those the decisions need are
// named, the rest are kOther (the URI is kept).
enum class ServiceType {
  kUnknown,
  kCaQc,
  kCaPkc,
  kOcspQc,
  kCrlQc,
  kTsaQtst,
  kTsa,
  kNationalRootCaQc,
  kTlIssuer,
  kOtherQualified,
  kOther,
};
ServiceType classify_service_type(std::string_view uri);
std::string_view to_string(ServiceType t);
// The short form used in output: the URI after ".../Svctype/" (e.g. "CA/QC").
std::string_view service_type_short(std::string_view uri);

// TS 119 612 V2.4.1 §5.5.9.2 qualifiers (prefix http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/).
enum class Qualifier {
  kUnknown,
  kQcWithSscd,
  kQcNoSscd,
  kQcSscdStatusAsInCert,
  kQcWithQscd,
  kQcNoQscd,
  kQcQscdStatusAsInCert,
  kQcQscdManagedOnBehalf,
  kQcForLegalPerson,
  kQcForESig,
  kQcForESeal,
  kQcForWsa,
  kNotQualified,
  kQcStatement,
};
Qualifier classify_qualifier(std::string_view uri);
std::string_view to_string(Qualifier q);

// TS 119 612 V2.4.1 §5.5.9.4 AdditionalServiceInformation.
enum class AdditionalInfo { kUnknown, kForESignatures, kForESeals, kForWebSiteAuthentication, kRootCaQc };
AdditionalInfo classify_additional_info(std::string_view uri);
std::string_view to_string(AdditionalInfo a);

}  // namespace eutl::tsl
