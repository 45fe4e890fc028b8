// Readable names of the TS 119 612 service type identifiers, for display only
// (decisions use ServiceType, tsl/uris.cpp). Every identifier of V2.4.1 §5.5.1 (the
// version TSL v6 lists follow), the legacy single RemoteQSCDManagement/Q of V2.1.1,
// and the national types of §5.5.1.3.
#include "eutl/tsl/service_type_names.h"

#include <array>

#include "eutl/tsl/uris.h"

namespace eutl::tsl {
namespace {

struct TypeName final {
  std::string_view suffix;  // after http://uri.etsi.org/TrstSvc/Svctype/
  std::string_view name;
};

constexpr std::array kTypeNames{
    // §5.5.1.1 qualified trust services
    TypeName{"CA/QC", "qualified certificate issuance (CA)"},
    TypeName{"Certstatus/OCSP/QC", "qualified certificate status (OCSP)"},
    TypeName{"Certstatus/CRL/QC", "qualified certificate status (CRL)"},
    TypeName{"TSA/QTST", "qualified time stamping"},
    TypeName{"EDS/Q", "qualified electronic delivery"},
    TypeName{"EDS/REM/Q", "qualified registered electronic mail"},
    TypeName{"PSES/Q", "qualified preservation of e-signatures/e-seals"},
    TypeName{"QESValidation/Q", "qualified validation of e-signatures/e-seals"},
    TypeName{"RemoteQSigCDManagement/Q", "qualified management of remote signature creation devices (QSigCD)"},
    TypeName{"RemoteQSealCDManagement/Q", "qualified management of remote seal creation devices (QSealCD)"},
    TypeName{"RemoteQSCDManagement/Q", "qualified management of remote QSCDs (TS 119 612 V2.1.1)"},
    TypeName{"EAA/Q", "qualified electronic attestation of attributes"},
    TypeName{"ElectronicArchiving/Q", "qualified electronic archiving"},
    TypeName{"Ledgers/Q", "qualified electronic ledger"},
    // §5.5.1.2 non-qualified trust services
    TypeName{"CA/PKC", "certificate issuance (CA, non-qualified)"},
    TypeName{"CA/PKC/CertsforOtherTypesOfTS", "certificates for other trust services (CA, non-qualified)"},
    TypeName{"Certstatus/OCSP", "certificate status (OCSP, non-qualified)"},
    TypeName{"Certstatus/CRL", "certificate status (CRL, non-qualified)"},
    TypeName{"TSA", "time stamping (non-qualified)"},
    TypeName{"TSA/TSS-QC", "time stamping for qualified certificates (non-qualified)"},
    TypeName{"TSA/TSS-AdESQCandQES", "time stamping for AdES with QC and QES (non-qualified)"},
    TypeName{"EDS", "electronic delivery (non-qualified)"},
    TypeName{"EDS/REM", "registered electronic mail (non-qualified)"},
    TypeName{"PSES", "preservation of e-signatures/e-seals (non-qualified)"},
    TypeName{"AdESValidation", "validation of AdES (non-qualified)"},
    TypeName{"AdESGeneration", "generation of AdES (non-qualified)"},
    TypeName{"RemoteSigCDManagement", "management of remote signature creation devices (non-qualified)"},
    TypeName{"RemoteSealCDManagement", "management of remote seal creation devices (non-qualified)"},
    TypeName{"EAA", "electronic attestation of attributes (non-qualified)"},
    TypeName{"EAA/Pub-EAA", "attestation of attributes by a public body (Pub-EAA)"},
    TypeName{"ElectronicArchiving", "electronic archiving (non-qualified)"},
    TypeName{"Ledgers", "electronic ledger (non-qualified)"},
    TypeName{"PKCValidation", "validation of certificates (non-qualified)"},
    TypeName{"PKCValidation/CertsforOtherTypesOfTS", "validation of certificates for other trust services"},
    TypeName{"PKCPreservation", "preservation of certificates (non-qualified)"},
    TypeName{"EAAValidation", "validation of attestations of attributes (non-qualified)"},
    TypeName{"TSTValidation", "validation of time stamps (non-qualified)"},
    TypeName{"EDSValidation", "validation of electronic delivery evidence (non-qualified)"},
    // §5.5.1.3 nationally defined services
    TypeName{"RA", "registration authority"},
    TypeName{"RA/nothavingPKIid", "registration authority (no PKI identity)"},
    TypeName{"ACA", "attribute certificate issuance"},
    TypeName{"SignaturePolicyAuthority", "signature policy authority"},
    TypeName{"Archiv", "archiving"},
    TypeName{"Archiv/nothavingPKIid", "archiving (no PKI identity)"},
    TypeName{"IdV", "identity verification"},
    TypeName{"IdV/nothavingPKIid", "identity verification (no PKI identity)"},
    TypeName{"KEscrow", "key escrow"},
    TypeName{"KEscrow/nothavingPKIid", "key escrow (no PKI identity)"},
    TypeName{"PPwd", "personal password issuance"},
    TypeName{"PPwd/nothavingPKIid", "personal password issuance (no PKI identity)"},
    TypeName{"TLIssuer", "trusted list issuer"},
    TypeName{"NationalRootCA-QC", "national root CA for qualified certificates"},
    TypeName{"unspecified", "unspecified"},
};

}  // namespace

std::string_view service_type_name(std::string_view uri) {
  const std::string_view suffix = service_type_short(uri);
  for (const TypeName& t : kTypeNames) {
    if (!suffix.empty() && t.suffix == suffix) {
      return t.name;
    }
  }
  return {};
}

std::vector<std::string_view> known_service_types() {
  std::vector<std::string_view> out;
  for (const TypeName& t : kTypeNames) {
    out.push_back(t.suffix);
  }
  return out;
}

std::string service_type_label(std::string_view uri) {
  const std::string_view suffix = service_type_short(uri);
  const std::string_view name = service_type_name(uri);
  if (name.empty()) {
    return std::string(suffix.empty() ? uri : suffix);
  }
  return std::string(name) + " (" + std::string(suffix) + ")";
}

}  // namespace eutl::tsl
