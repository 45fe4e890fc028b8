// What an X.509 certificate says, as plain data (no OpenSSL types here):
// names, validity, key identifiers, key usage, extended key usage, policies, subject
// DN attribute types, SANs, and every EN 319 412-5 QC statement.
//
// The qcStatements extension (RFC 3739 / EN 319 412-5 V2.4.1 §4) is read by our own
// strict DER walk: definite minimal lengths, no trailing bytes. Real-world oddities
// that leave the meaning clear (QcCompliance with a NULL value, two QcType
// statements, unknown statements) are accepted, and each is reported in `anomalies`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::verify {

namespace oid {
// EN 319 412-5 V2.4.1 §4.2–4.3 (arc 0.4.0.1862.1).
inline constexpr std::string_view kQcStatementsExt = "1.3.6.1.5.5.7.1.3";
inline constexpr std::string_view kQcCompliance = "0.4.0.1862.1.1";
inline constexpr std::string_view kQcLimitValue = "0.4.0.1862.1.2";
inline constexpr std::string_view kQcRetentionPeriod = "0.4.0.1862.1.3";
inline constexpr std::string_view kQcSscd = "0.4.0.1862.1.4";
inline constexpr std::string_view kQcPds = "0.4.0.1862.1.5";
inline constexpr std::string_view kQcType = "0.4.0.1862.1.6";
inline constexpr std::string_view kQcTypeESign = "0.4.0.1862.1.6.1";
inline constexpr std::string_view kQcTypeESeal = "0.4.0.1862.1.6.2";
inline constexpr std::string_view kQcTypeWeb = "0.4.0.1862.1.6.3";
inline constexpr std::string_view kQcCcLegislation = "0.4.0.1862.1.7";
// RFC 3739 §3.2.6 qcStatement-2 (semantics information).
inline constexpr std::string_view kPkixQcSyntaxV2 = "1.3.6.1.5.5.7.11.2";
inline constexpr std::string_view kPkixQcSyntaxV1 = "1.3.6.1.5.5.7.11.1";
// ETSI TS 119 495 §5.1 PSD2 QC statement.
inline constexpr std::string_view kPsd2 = "0.4.0.19495.2";
// ETSI TS 119 411-5 (2-QWAC TLS binding EKU) and RFC 5280 serverAuth.
inline constexpr std::string_view kEkuTlsBinding = "0.4.0.194115.1.0";
inline constexpr std::string_view kEkuServerAuth = "1.3.6.1.5.5.7.3.1";
}  // namespace oid

// RFC 5280 §4.2.1.3 bit numbers; names are the ones trusted lists use in KeyUsageBit.
enum class KeyUsageBit : std::uint8_t {
  kDigitalSignature = 0,
  kNonRepudiation = 1,  // contentCommitment
  kKeyEncipherment = 2,
  kDataEncipherment = 3,
  kKeyAgreement = 4,
  kKeyCertSign = 5,
  kCrlSign = 6,
  kEncipherOnly = 7,
  kDecipherOnly = 8,
};
// Maps a TL KeyUsageBit@name ("digitalSignature", "nonRepudiation"…) to the bit.
std::optional<KeyUsageBit> key_usage_bit_from_name(std::string_view name);

enum class QcType : std::uint8_t { kESign, kESeal, kWeb, kUnknownOid };
std::string_view to_string(QcType t);  // "esign" / "eseal" / "web" / "unknown"

struct QcPds final {
  std::string url;
  std::string language;
};

struct QcLimitValue final {
  std::string currency;  // ISO 4217 alphabetic or numeric (as text)
  long long amount = 0;
  long long exponent = 0;
};

struct Psd2Statement final {
  std::vector<std::string> role_oids;
  std::vector<std::string> role_names;
  std::string nca_name;
  std::string nca_id;
};

struct QcStatements final {
  bool extension_present = false;
  bool extension_critical = false;
  std::vector<std::string> statement_oids;  // every statement, in order
  bool compliance = false;                  // QcCompliance
  bool sscd = false;                        // QcSSCD
  std::vector<QcType> types;                // from every QcType statement
  std::vector<std::string> type_oids;       // raw, parallel to types
  bool cc_legislation = false;              // QcCClegislation present
  std::vector<std::string> cc_legislation_countries;
  std::vector<QcPds> pds;
  std::optional<long long> retention_period_years;
  std::optional<QcLimitValue> limit_value;
  std::optional<Psd2Statement> psd2;
  std::vector<std::string> semantics_ids;  // from qcStatement-2 (and -1)
  std::vector<std::string> unknown;        // statement OIDs we do not know
};

namespace detail {
struct NativeCertificate;  // the decoded OpenSSL object, owned by verify/ internals
}

struct CertificateProfile final {
  tsl::Bytes der;
  tsl::Sha256 sha256{};
  int version = 0;                // 1, 2 or 3
  std::string serial_hex;         // upper-case hex, no sign
  std::string subject;            // RFC 2253
  std::string issuer;             // RFC 2253
  tsl::Bytes subject_der;         // full Name TLV
  tsl::Bytes issuer_der;          // full Name TLV
  tsl::Bytes spki_der;            // full SubjectPublicKeyInfo TLV
  tsl::TimePoint not_before{};
  tsl::TimePoint not_after{};
  tsl::Bytes ski;                 // keyIdentifier, empty when absent
  tsl::Bytes aki;                 // keyIdentifier, empty when absent
  bool key_usage_present = false;
  std::uint16_t key_usage = 0;    // bit i set = KeyUsageBit i asserted
  std::vector<std::string> extended_key_usages;  // dotted OIDs
  std::vector<std::string> policies;             // dotted OIDs
  std::vector<std::string> subject_dn_attributes;  // dotted OIDs of every subject RDN attribute
  std::vector<std::string> subject_alt_names;      // "DNS:example.eu", "email:…", "URI:…", "IP:…"
  bool is_ca = false;
  bool self_issued = false;  // subject == issuer
  std::vector<std::string> unknown_critical_extensions;  // dotted OIDs
  QcStatements qc;
  std::vector<std::string> anomalies;  // every oddity accepted while reading
  // The decoded certificate, so decisions verify signatures without decoding again.
  std::shared_ptr<const detail::NativeCertificate> native;

  bool has_key_usage(KeyUsageBit bit) const noexcept {
    return key_usage_present && (key_usage & (1u << static_cast<unsigned>(bit))) != 0;
  }
  bool has_policy(std::string_view oid) const noexcept;
  bool has_eku(std::string_view oid) const noexcept;
  bool has_qc_type(QcType t) const noexcept;
};

// Reads a DER certificate. kMalformed when OpenSSL cannot decode it or the
// qcStatements extension is not well-formed DER.
[[nodiscard]] Result<CertificateProfile> read_certificate_profile(tsl::ByteView der);

// Reads every certificate of a file: PEM (one or more blocks) or a single DER.
[[nodiscard]] Result<std::vector<tsl::Bytes>> read_certificate_file(const std::filesystem::path& file);
// The same from bytes already read (standard input); `name` prefixes the error.
[[nodiscard]] Result<std::vector<tsl::Bytes>> read_certificate_bytes(tsl::ByteView bytes, std::string_view name);

}  // namespace eutl::verify
