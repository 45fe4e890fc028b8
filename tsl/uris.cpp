#include "eutl/tsl/uris.h"

namespace eutl::tsl {
namespace {

constexpr std::string_view kSvcStatus = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/";
constexpr std::string_view kLegacySvcStatus = "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/";
constexpr std::string_view kSvcType = "http://uri.etsi.org/TrstSvc/Svctype/";
constexpr std::string_view kSvcInfoExt = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";
constexpr std::string_view kLegacySvcInfoExt = "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/SvcInfoExt/";

// Returns the part after `prefix`, or empty when `uri` does not start with it.
std::string_view after(std::string_view uri, std::string_view prefix) {
  return uri.starts_with(prefix) ? uri.substr(prefix.size()) : std::string_view{};
}

// TS 119 612 V2.4.1 §5.5.4; Annex J lists the pre-eIDAS values.
constexpr std::array kStatuses{
    UriEnum<ServiceStatus>{"granted", ServiceStatus::kGranted},
    UriEnum<ServiceStatus>{"withdrawn", ServiceStatus::kWithdrawn},
    UriEnum<ServiceStatus>{"recognisedatnationallevel", ServiceStatus::kRecognisedAtNationalLevel},
    UriEnum<ServiceStatus>{"deprecatedatnationallevel", ServiceStatus::kDeprecatedAtNationalLevel},
    UriEnum<ServiceStatus>{"undersupervision", ServiceStatus::kUnderSupervision},
    UriEnum<ServiceStatus>{"supervisionincessation", ServiceStatus::kSupervisionInCessation},
    UriEnum<ServiceStatus>{"supervisionceased", ServiceStatus::kSupervisionCeased},
    UriEnum<ServiceStatus>{"supervisionrevoked", ServiceStatus::kSupervisionRevoked},
    UriEnum<ServiceStatus>{"accredited", ServiceStatus::kAccredited},
    UriEnum<ServiceStatus>{"accreditationceased", ServiceStatus::kAccreditationCeased},
    UriEnum<ServiceStatus>{"accreditationrevoked", ServiceStatus::kAccreditationRevoked},
    UriEnum<ServiceStatus>{"setbynationallaw", ServiceStatus::kSetByNationalLaw},
    UriEnum<ServiceStatus>{"deprecatedbynationallaw", ServiceStatus::kDeprecatedByNationalLaw},
};

// TS 119 612 V2.4.1 §5.5.1.1 (qualified) and §5.5.1.2/3 (others that we name).
constexpr std::array kTypes{
    UriEnum<ServiceType>{"CA/QC", ServiceType::kCaQc},
    UriEnum<ServiceType>{"CA/PKC", ServiceType::kCaPkc},
    UriEnum<ServiceType>{"Certstatus/OCSP/QC", ServiceType::kOcspQc},
    UriEnum<ServiceType>{"Certstatus/CRL/QC", ServiceType::kCrlQc},
    UriEnum<ServiceType>{"TSA/QTST", ServiceType::kTsaQtst},
    UriEnum<ServiceType>{"TSA", ServiceType::kTsa},
    UriEnum<ServiceType>{"NationalRootCA-QC", ServiceType::kNationalRootCaQc},
    UriEnum<ServiceType>{"TLIssuer", ServiceType::kTlIssuer},
    UriEnum<ServiceType>{"EDS/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"EDS/REM/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"PSES/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"QESValidation/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"RemoteQSigCDManagement/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"RemoteQSealCDManagement/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"RemoteQSCDManagement/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"EAA/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"ElectronicArchiving/Q", ServiceType::kOtherQualified},
    UriEnum<ServiceType>{"Ledgers/Q", ServiceType::kOtherQualified},
};

constexpr std::array kQualifiers{
    UriEnum<Qualifier>{"QCWithSSCD", Qualifier::kQcWithSscd},
    UriEnum<Qualifier>{"QCNoSSCD", Qualifier::kQcNoSscd},
    UriEnum<Qualifier>{"QCSSCDStatusAsInCert", Qualifier::kQcSscdStatusAsInCert},
    UriEnum<Qualifier>{"QCWithQSCD", Qualifier::kQcWithQscd},
    UriEnum<Qualifier>{"QCNoQSCD", Qualifier::kQcNoQscd},
    UriEnum<Qualifier>{"QCQSCDStatusAsInCert", Qualifier::kQcQscdStatusAsInCert},
    UriEnum<Qualifier>{"QCQSCDManagedOnBehalf", Qualifier::kQcQscdManagedOnBehalf},
    UriEnum<Qualifier>{"QCForLegalPerson", Qualifier::kQcForLegalPerson},
    UriEnum<Qualifier>{"QCForESig", Qualifier::kQcForESig},
    UriEnum<Qualifier>{"QCForESeal", Qualifier::kQcForESeal},
    UriEnum<Qualifier>{"QCForWSA", Qualifier::kQcForWsa},
    UriEnum<Qualifier>{"NotQualified", Qualifier::kNotQualified},
    UriEnum<Qualifier>{"QCStatement", Qualifier::kQcStatement},
};

constexpr std::array kAdditionalInfo{
    UriEnum<AdditionalInfo>{"ForeSignatures", AdditionalInfo::kForESignatures},
    UriEnum<AdditionalInfo>{"ForeSeals", AdditionalInfo::kForESeals},
    UriEnum<AdditionalInfo>{"ForWebSiteAuthentication", AdditionalInfo::kForWebSiteAuthentication},
    UriEnum<AdditionalInfo>{"RootCA-QC", AdditionalInfo::kRootCaQc},
};

template <typename E, std::size_t N>
std::string_view name_of(const std::array<UriEnum<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.uri;
  }
  return "unknown";
}

}  // namespace

TslType classify_tsl_type(std::string_view uri) {
  if (uri == kTslTypeEuGeneric) return TslType::kEuGeneric;
  if (uri == kTslTypeEuLotl) return TslType::kEuListOfLists;
  if (uri == "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/TSLType/generic" ||
      uri == "http://uri.etsi.org/TrstSvc/TSLtype/generic/eSigDir-1999-93-EC-TrustedList") {
    return TslType::kLegacyGeneric;
  }
  if (uri == "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/TSLType/schemes") {
    return TslType::kLegacyListOfLists;
  }
  if (auto rest = after(uri, "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/"); !rest.empty()) {
    if (rest.ends_with("listofthelists")) return TslType::kNonEuListOfLists;
    if (rest.ends_with("list")) return TslType::kNonEuList;
  }
  return TslType::kUnknown;
}

bool is_list_of_lists(TslType t) {
  return t == TslType::kEuListOfLists || t == TslType::kNonEuListOfLists || t == TslType::kLegacyListOfLists;
}

std::string_view to_string(TslType t) {
  switch (t) {
    case TslType::kEuGeneric: return "EUgeneric";
    case TslType::kEuListOfLists: return "EUlistofthelists";
    case TslType::kNonEuList: return "non-EU list";
    case TslType::kNonEuListOfLists: return "non-EU list of lists";
    case TslType::kLegacyGeneric: return "legacy generic";
    case TslType::kLegacyListOfLists: return "legacy list of lists";
    case TslType::kUnknown: break;
  }
  return "unknown";
}

ServiceStatus classify_service_status(std::string_view uri) {
  auto rest = after(uri, kSvcStatus);
  if (rest.empty()) rest = after(uri, kLegacySvcStatus);
  return lookup_uri(kStatuses, rest, ServiceStatus::kUnknown);
}
std::string_view to_string(ServiceStatus s) { return name_of(kStatuses, s); }

std::vector<std::string_view> known_service_statuses() {
  std::vector<std::string_view> out;
  for (const auto& s : kStatuses) {
    out.push_back(s.uri);
  }
  return out;
}

ServiceType classify_service_type(std::string_view uri) {
  auto rest = service_type_short(uri);
  if (rest.empty()) return ServiceType::kUnknown;
  return lookup_uri(kTypes, rest, ServiceType::kOther);
}
std::string_view to_string(ServiceType t) {
  if (t == ServiceType::kOther) return "other";
  if (t == ServiceType::kOtherQualified) return "other qualified";
  return name_of(kTypes, t);
}
std::string_view service_type_short(std::string_view uri) {
  auto rest = after(uri, kSvcType);
  // Older DSS and some lists spell TLIssuer with the typo "TrstSvd".
  if (rest.empty()) rest = after(uri, "http://uri.etsi.org/TrstSvd/Svctype/");
  return rest;
}

Qualifier classify_qualifier(std::string_view uri) {
  auto rest = after(uri, kSvcInfoExt);
  if (rest.empty()) rest = after(uri, kLegacySvcInfoExt);
  return lookup_uri(kQualifiers, rest, Qualifier::kUnknown);
}
std::string_view to_string(Qualifier q) { return name_of(kQualifiers, q); }

AdditionalInfo classify_additional_info(std::string_view uri) {
  auto rest = after(uri, kSvcInfoExt);
  if (rest.empty()) rest = after(uri, kLegacySvcInfoExt);
  return lookup_uri(kAdditionalInfo, rest, AdditionalInfo::kUnknown);
}
std::string_view to_string(AdditionalInfo a) { return name_of(kAdditionalInfo, a); }

}  // namespace eutl::tsl
