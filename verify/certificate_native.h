// The decoded OpenSSL certificate behind a CertificateProfile, and the RAII aliases
// verify/ uses for OpenSSL handles (style C5). Internal to verify/.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <optional>

#include "eutl/verify/certificate_profile.h"
#include "tsl/detail/c_handle.h"

namespace eutl::verify::detail {

using X509Ptr = eutl::detail::CHandle<X509, X509_free>;
using EvpPkeyPtr = eutl::detail::CHandle<EVP_PKEY, EVP_PKEY_free>;

struct NativeCertificate final {
  X509Ptr x509;
};

// Decodes DER into an X509 that must consume every byte (no trailing data).
X509Ptr decode_x509(tsl::ByteView der);

// read_certificate_profile of `der` once decoded into `x` (which must be its decoding):
// for a caller that holds the decoded certificate already.
Result<CertificateProfile> profile_of(X509Ptr x, tsl::ByteView der);

// The qcStatements extension value (the OCTET STRING content). Fills `qc` and appends
// anomalies; false (with `error`) when the outer structure is not strict DER.
bool parse_qc_statements(tsl::ByteView value, QcStatements& qc, std::vector<std::string>& anomalies,
                         std::string& error);

// An X.501 name as CertificateProfile prints subject and issuer (RFC 2253 order and
// escaping, non-ASCII kept as UTF-8); verify/certificate_subject.cpp.
std::string name_rfc2253(const X509_NAME* name);
// An ASN.1 UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5) as a time point.
std::optional<tsl::TimePoint> to_time_point(const ASN1_TIME* t);

// True when `issuer_key` verifies the signature on `subject`.
bool signature_verifies(X509* subject, EVP_PKEY* issuer_key);

}  // namespace eutl::verify::detail
