// Reading certificate files and bytes, PEM (one or more) or DER
// (include/eutl/verify/certificate_profile.h).
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/certificate_profile.h"
#include "tsl/detail/c_handle.h"

namespace eutl::verify {
namespace {

using BioPtr = ::eutl::detail::CHandle<BIO, ::BIO_free>;
using X509Ptr = ::eutl::detail::CHandle<X509, ::X509_free>;

tsl::Bytes der_of(X509* x) {
  const int len = ::i2d_X509(x, nullptr);
  tsl::Bytes der(len > 0 ? static_cast<std::size_t>(len) : 0);
  unsigned char* p = der.data();
  if (len > 0) {
    ::i2d_X509(x, &p);
  }
  return der;
}

}  // namespace

Result<std::vector<tsl::Bytes>> read_certificate_file(const std::filesystem::path& file) {
  auto bytes = tsl::read_file(file, tsl::FileKind::kCertificate);
  if (!bytes) {
    return std::move(bytes).error();
  }
  return read_certificate_bytes(*bytes, file.string());
}

Result<std::vector<tsl::Bytes>> read_certificate_bytes(tsl::ByteView bytes, std::string_view name) {
  const std::string data(bytes.begin(), bytes.end());
  std::vector<tsl::Bytes> out;
  if (data.find("-----BEGIN") == std::string::npos) {
    out.emplace_back(data.begin(), data.end());
    return out;
  }
  BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  while (true) {
    X509Ptr x(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!x) {
      break;
    }
    out.push_back(der_of(x.get()));
  }
  ERR_clear_error();
  if (out.empty()) {
    return Error(Errc::kMalformed, std::string(name) + ": no PEM certificate found");
  }
  return out;
}

}  // namespace eutl::verify
