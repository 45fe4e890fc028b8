// The trusted-list model (ETSI TS 119 612 V2.4.1, TSL versions 5 and 6).
//
// Plain data, filled by the parser, read by verify/ and the index. Every URI is kept
// verbatim next to its classified enum, so nothing the list said is lost. Element
// names in comments are the XSD's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/certificate_blob.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/uris.h"

namespace eutl::tsl {

// A problem in the list that does not stop it being read (schema deviations, odd
// values). `line` is the source line of the element concerned, 0 when unknown.
struct Diagnostic final {
  std::string code;  // stable, e.g. "cert-unparsable", "uri-malformed"
  std::string message;
  long line = 0;
};

struct LangString final {
  std::string lang;
  std::string value;
};

// InternationalNamesType / NonEmptyMultiLangURIType: values keep their language.
struct MultiLangString final {
  std::vector<LangString> values;

  bool empty() const noexcept { return values.empty(); }
  // TS 119 612 §5.1.4 requires English: exact "en", then "en-*", then the first
  // value (language compared case-insensitively). Empty view when there are none.
  std::string_view preferred() const noexcept;
};

// One certificate from an X509Certificate element, with where it was found.
struct ListedCertificate final {
  CertificateBlob blob;
  long line = 0;
};

// ServiceDigitalIdentity: the DigitalId children flattened (each DigitalId holds one
// of these; an SDI usually has a certificate, a subject name and an SKI).
struct DigitalIdentity final {
  std::vector<ListedCertificate> certificates;
  std::vector<std::string> subject_names;
  std::vector<Bytes> skis;
  std::vector<std::string> key_values;  // ds:KeyValue, serialised child element names
  std::vector<std::string> other;       // Other: kept as text

  bool empty() const noexcept {
    return certificates.empty() && subject_names.empty() && skis.empty() && key_values.empty() && other.empty();
  }
};

// ---- Service information extensions (TS 119 612 §5.5.9) ----

enum class CriteriaAssert { kAll, kAtLeastOne, kNone };

struct KeyUsageBit final {
  std::string name;  // digitalSignature … decipherOnly
  bool value = false;
};

// ecc:CriteriaList. `assert` combines the results of all children.
struct CriteriaList final {
  CriteriaAssert assert_kind = CriteriaAssert::kAll;
  bool assert_present = false;  // missing assert: treated as "all" with a warning
  std::vector<std::vector<KeyUsageBit>> key_usages;   // each KeyUsage element
  std::vector<std::vector<std::string>> policy_sets;  // each PolicySet: dotted OIDs (urn:oid: stripped)
  std::vector<CriteriaList> nested;
  // otherCriteriaList
  std::vector<std::vector<std::string>> extended_key_usages;  // tslx:ExtendedKeyUsage/KeyPurposeId
  std::vector<std::vector<std::string>> subject_dn_attributes;  // tslx:CertSubjectDNAttribute/AttributeOID
  std::vector<std::vector<std::string>> qc_statement_sets;  // QcStatementSet/QcStatement: statement OIDs
  std::vector<std::string> unknown_criteria;  // names of criteria we do not understand (never match)
  std::string description;
};

struct QualificationElement final {
  std::vector<std::string> qualifier_uris;
  std::vector<Qualifier> qualifiers;  // parallel to qualifier_uris
  CriteriaList criteria;
};

struct AdditionalServiceInformation final {
  std::string uri;
  AdditionalInfo kind = AdditionalInfo::kUnknown;
  std::string information_value;
  bool critical = false;
};

struct TakenOverBy final {
  std::string uri;
  MultiLangString tsp_name;
  MultiLangString scheme_operator_name;
  std::string scheme_territory;
  bool critical = false;
};

struct UnknownExtension final {
  std::string element;  // "{namespace}localName" of the first child
  bool critical = false;
  long line = 0;
};

struct ServiceExtensions final {
  std::vector<QualificationElement> qualifications;
  bool qualifications_critical = false;
  std::vector<AdditionalServiceInformation> additional_information;
  std::optional<TakenOverBy> taken_over_by;
  std::optional<TimePoint> expired_certs_revocation_info;
  bool expired_certs_revocation_info_critical = false;
  std::vector<UnknownExtension> unknown;

  bool has_unknown_critical() const noexcept;
  bool has(AdditionalInfo kind) const noexcept;
};

// What ServiceInformation and ServiceHistoryInstance have in common: one status
// period of a service.
struct ServiceState final {
  std::string type_uri;
  ServiceType type = ServiceType::kUnknown;
  MultiLangString name;
  DigitalIdentity identity;
  std::string status_uri;
  ServiceStatus status = ServiceStatus::kUnknown;
  std::optional<TimePoint> status_start;
  ServiceExtensions extensions;
  long line = 0;
};

struct TrustService final {
  ServiceState current;
  std::vector<std::string> scheme_service_definition_uris;
  std::vector<std::string> supply_points;
  std::vector<std::string> tsp_service_definition_uris;
  std::vector<ServiceState> history;  // newest first, as published
};

struct PostalAddress final {
  std::string lang;
  std::string street, locality, state_or_province, postal_code, country;
};

struct Address final {
  std::vector<PostalAddress> postal;
  MultiLangString electronic;  // ElectronicAddress/URI
};

struct TrustServiceProvider final {
  MultiLangString name;
  MultiLangString trade_name;
  Address address;
  MultiLangString information_uris;
  std::vector<TrustService> services;
};

// PointersToOtherTSL/OtherTSLPointer.
struct OtherTslPointer final {
  std::string location;
  std::vector<DigitalIdentity> identities;  // every ServiceDigitalIdentity
  std::string tsl_type_uri;
  TslType tsl_type = TslType::kUnknown;
  std::string territory;
  std::string mime_type;
  MultiLangString scheme_operator_name;

  std::size_t certificate_count() const noexcept;
};

struct PolicyOrLegalNotice final {
  MultiLangString policies;  // TSLPolicy (URIs)
  MultiLangString legal_notices;
};

struct SchemeInformation final {
  int version = 0;
  std::uint64_t sequence_number = 0;
  std::string tsl_type_uri;
  TslType tsl_type = TslType::kUnknown;
  MultiLangString operator_name;
  Address operator_address;
  MultiLangString scheme_name;
  MultiLangString information_uris;  // pivots and OJ references live here in the LOTL
  std::string status_determination_approach;
  std::vector<std::string> community_rules;
  std::string territory;
  PolicyOrLegalNotice policy_or_legal_notice;
  std::optional<std::uint64_t> historical_information_period;
  std::vector<OtherTslPointer> pointers;
  TimePoint issue_date{};
  std::optional<TimePoint> next_update;  // absent: a closed list
  std::vector<std::string> distribution_points;
};

struct TrustedList final {
  std::string tsl_tag;
  std::string id;  // the root's Id attribute, if any
  SchemeInformation scheme;
  std::vector<TrustServiceProvider> providers;
  bool has_signature = false;  // a ds:Signature child of the root exists (verify/ checks it)
  std::vector<Diagnostic> warnings;

  bool is_lotl() const noexcept { return is_list_of_lists(scheme.tsl_type); }
  std::size_t service_count() const noexcept;      // current services, history not counted
  std::size_t certificate_count() const noexcept;  // X509Certificate of current services
};

}  // namespace eutl::tsl
