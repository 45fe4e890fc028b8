// The bundled Official Journal anchors, the shape a given anchor must have, and the
// facts shown about an anchor (include/eutl/bundled_anchors.h).
#include "eutl/bundled_anchors.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

#include "api/bundled_anchors_pem.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "tsl/detail/c_handle.h"

namespace eutl {
namespace {

using BioPtr = detail::CHandle<BIO, ::BIO_free>;
using X509Ptr = detail::CHandle<X509, ::X509_free>;

// id-tsl-kp-tslSigning, the key purpose ETSI TS 119 612 defines for list signers.
constexpr std::string_view kTslSigningEku = "0.4.0.2231.3.0";

// The DER of every certificate in a compiled-in PEM text.
std::vector<tsl::Bytes> der_certificates(std::string_view pem) {
  std::vector<tsl::Bytes> out;
  BioPtr bio(::BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  while (bio) {
    X509Ptr cert(::PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    const int len = cert ? ::i2d_X509(cert.get(), nullptr) : 0;
    if (len <= 0) {
      break;
    }
    tsl::Bytes der(static_cast<std::size_t>(len));
    unsigned char* p = der.data();
    ::i2d_X509(cert.get(), &p);
    out.push_back(std::move(der));
  }
  ::ERR_clear_error();  // PEM_read_bio_X509 leaves "no start line" at the end of the text
  return out;
}

bool same_bytes(tsl::ByteView a, tsl::ByteView b) { return std::ranges::equal(a, b); }

// A CA (RFC 5280 §4.2.1.9: basicConstraints cA) or a list signer: a certificate that
// signs documents asserts nonRepudiation (contentCommitment, RFC 5280 §4.2.1.3), as
// every LOTL signer announced in the Official Journal does, or carries
// id-tsl-kp-tslSigning. A TLS or e-mail encryption certificate has neither.
bool has_anchor_shape(const verify::CertificateProfile& p) {
  return p.is_ca || p.has_key_usage(verify::KeyUsageBit::kNonRepudiation) || p.has_eku(kTslSigningEku);
}

}  // namespace

std::vector<BundledAnchor> bundled_lotl_anchors() {
  std::vector<BundledAnchor> out;
  for (const detail::BundledPem& notice : detail::kBundledPemNotices) {
    for (tsl::Bytes& der : der_certificates(notice.pem)) {
      out.push_back({std::string(notice.oj_reference), std::move(der)});
    }
  }
  return out;
}

std::vector<tsl::Bytes> bundled_lotl_anchor_certificates() {
  std::vector<tsl::Bytes> out;
  for (BundledAnchor& a : bundled_lotl_anchors()) {
    if (std::ranges::none_of(out, [&](const tsl::Bytes& d) { return same_bytes(d, a.der); })) {
      out.push_back(std::move(a.der));
    }
  }
  return out;
}

std::vector<std::string> bundled_oj_references(tsl::ByteView der) {
  std::vector<std::string> out;
  for (BundledAnchor& a : bundled_lotl_anchors()) {
    if (same_bytes(a.der, der)) {
      out.push_back(std::move(a.oj_reference));
    }
  }
  return out;
}

Result<AnchorFacts> anchor_facts(tsl::ByteView der) {
  auto p = verify::read_certificate_profile(der);
  if (!p) {
    return std::move(p).error();
  }
  return AnchorFacts{tsl::to_hex(p->sha256), p->subject, p->not_before, p->not_after, bundled_oj_references(der)};
}

Result<std::vector<tsl::Bytes>> load_lotl_anchors(const std::filesystem::path& pem) {
  auto certs = verify::load_pem_certificates(pem);
  if (!certs) {
    return std::move(certs).error();
  }
  for (std::size_t i = 0; i < certs->size(); ++i) {
    auto p = verify::read_certificate_profile((*certs)[i]);
    if (!p) {
      return Error(Errc::kUsage, pem.string() + ": certificate " + std::to_string(i + 1) +
                                     " cannot be read: " + p.error().message);
    }
    if (!has_anchor_shape(*p)) {
      return Error(Errc::kUsage,
                   pem.string() + ": certificate " + std::to_string(i + 1) + " (" + p->subject + ", sha256 " +
                       tsl::to_hex(p->sha256) +
                       ") cannot be a LOTL anchor: it is neither a CA (basicConstraints cA, RFC 5280 §4.2.1.9) "
                       "nor a list signer (nonRepudiation key usage or id-tsl-kp-tslSigning, ETSI TS 119 612)");
    }
  }
  return certs;
}

}  // namespace eutl
