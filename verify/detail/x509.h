// The few OpenSSL certificate operations verify/ needs: decode one DER certificate
// (only the ones a decision touches; decode_x509 is shared with certificate_profile), digest bytes by an XML-DSig DigestMethod URI,
// and read the validity period. Internal to verify/.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <optional>
#include <string_view>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "verify/certificate_native.h"

namespace eutl::verify::trust {

// X509Ptr and decode_x509 come from verify/certificate_native.h (eutl::verify::detail).
using detail::decode_x509;
using detail::X509Ptr;

// The OpenSSL digest for an XML-DSig / XML-Enc DigestMethod URI (RFC 6931 §2.1);
// null for unknown URIs.
const EVP_MD* digest_for_uri(std::string_view uri);
std::optional<tsl::Bytes> digest(std::string_view uri, tsl::ByteView data);

struct Validity final {
  tsl::TimePoint not_before{};
  tsl::TimePoint not_after{};
};
std::optional<Validity> validity(const X509* cert);
// The same from the two Times (RFC 5280 §4.1.2.5); nullopt when either cannot be read.
std::optional<Validity> validity(const ASN1_TIME* not_before, const ASN1_TIME* not_after);

}  // namespace eutl::verify::trust
