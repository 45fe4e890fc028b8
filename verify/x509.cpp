#include "verify/detail/x509.h"

#include <openssl/asn1.h>

#include <array>

namespace eutl::verify::trust {
namespace {

struct DigestUri final {
  std::string_view uri;
  const char* name;
};

// RFC 6931 §2.1 and XML-DSig / XML-Enc. MD5 is deliberately absent.
inline constexpr std::array<DigestUri, 6> kDigests{{
    {"http://www.w3.org/2000/09/xmldsig#sha1", "SHA1"},
    {"http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA224"},
    {"http://www.w3.org/2001/04/xmlenc#sha256", "SHA256"},
    {"http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA384"},
    {"http://www.w3.org/2001/04/xmlenc#sha512", "SHA512"},
    {"http://www.w3.org/2007/05/xmldsig-more#sha3-256", "SHA3-256"},
}};

std::optional<tsl::TimePoint> to_time(const ASN1_TIME* t) {
  std::tm tm{};
  if (t == nullptr || ::ASN1_TIME_to_tm(t, &tm) != 1) {
    return std::nullopt;
  }
  return tsl::TimePoint{std::chrono::seconds{::timegm(&tm)}};
}

}  // namespace

const EVP_MD* digest_for_uri(std::string_view uri) {
  for (const auto& d : kDigests) {
    if (d.uri == uri) {
      return ::EVP_get_digestbyname(d.name);
    }
  }
  return nullptr;
}

std::optional<tsl::Bytes> digest(std::string_view uri, tsl::ByteView data) {
  const EVP_MD* md = digest_for_uri(uri);
  if (md == nullptr) {
    return std::nullopt;
  }
  tsl::Bytes out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (::EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::optional<Validity> validity(const X509* cert) {
  return validity(::X509_get0_notBefore(cert), ::X509_get0_notAfter(cert));
}

std::optional<Validity> validity(const ASN1_TIME* not_before, const ASN1_TIME* not_after) {
  auto nb = to_time(not_before);
  auto na = to_time(not_after);
  if (!nb || !na) {
    return std::nullopt;
  }
  return Validity{*nb, *na};
}

}  // namespace eutl::verify::trust
