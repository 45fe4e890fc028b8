// The bundled Official Journal notices (include/eutl/verify/oj_notices.h).
#include "eutl/verify/oj_notices.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

#include "tsl/detail/c_handle.h"
#include "verify/bundled_anchors_pem.h"

namespace eutl::verify {
namespace {

using BioPtr = ::eutl::detail::CHandle<BIO, ::BIO_free>;
using X509Ptr = ::eutl::detail::CHandle<X509, ::X509_free>;

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

}  // namespace

std::vector<OjNoticeCertificate> bundled_oj_notice_certificates() {
  std::vector<OjNoticeCertificate> out;
  for (const detail::BundledPem& notice : detail::kBundledPemNotices) {
    for (tsl::Bytes& der : der_certificates(notice.pem)) {
      out.push_back({std::string(notice.oj_reference), std::move(der)});
    }
  }
  return out;
}

std::vector<std::string> oj_references_of(const std::vector<OjNoticeCertificate>& table, tsl::ByteView der) {
  std::vector<std::string> out;
  for (const OjNoticeCertificate& c : table) {
    if (std::ranges::equal(c.der, der)) {
      out.push_back(c.oj_reference);
    }
  }
  return out;
}

}  // namespace eutl::verify
