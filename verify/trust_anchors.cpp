// The --lotl-signers file and the names of kinds and statuses.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"
#include "tsl/detail/c_handle.h"
#include "verify/certificate_native.h"

namespace eutl::verify {
namespace {
using BioPtr = eutl::detail::CHandle<BIO, ::BIO_free>;
using detail::X509Ptr;
}  // namespace

std::string_view to_string(ListKind k) {
  switch (k) {
    case ListKind::kLotl:
      return "lotl";
    case ListKind::kPivot:
      return "pivot";
    case ListKind::kTl:
      break;
  }
  return "tl";
}

std::string_view to_string(ListStatus s) {
  switch (s) {
    case ListStatus::kValid:
      return "valid";
    case ListStatus::kExpired:
      return "expired";
    case ListStatus::kInvalid:
      return "invalid";
    case ListStatus::kIndeterminate:
      break;
  }
  return "indeterminate";
}

namespace {

struct PemCertificate final {
  X509Ptr x509;
  tsl::Bytes der;  // its DER encoding (i2d_X509)
};

// Every certificate of a PEM file, each decoded once.
Result<std::vector<PemCertificate>> read_pem_certificates(const std::filesystem::path& file) {
  auto bytes = tsl::read_file(file, tsl::FileKind::kAnchors);
  if (!bytes) {
    return std::move(bytes).error();
  }
  BioPtr bio(::BIO_new_mem_buf(bytes->data(), static_cast<int>(bytes->size())));
  if (!bio) {
    return Error(Errc::kInternal, "cannot create a memory BIO");
  }
  std::vector<PemCertificate> out;
  for (;;) {
    X509Ptr cert(::PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
      break;
    }
    int len = ::i2d_X509(cert.get(), nullptr);
    if (len <= 0) {
      return Error(Errc::kMalformed, file.string() + ": a certificate cannot be re-encoded");
    }
    tsl::Bytes der(static_cast<std::size_t>(len));
    unsigned char* p = der.data();
    ::i2d_X509(cert.get(), &p);
    out.push_back(PemCertificate{std::move(cert), std::move(der)});
  }
  ::ERR_clear_error();
  if (out.empty()) {
    return Error(Errc::kMalformed, file.string() + ": no PEM certificate found");
  }
  return out;
}

}  // namespace

Result<std::vector<tsl::Bytes>> load_pem_certificates(const std::filesystem::path& file) {
  auto read = read_pem_certificates(file);
  if (!read) {
    return std::move(read).error();
  }
  std::vector<tsl::Bytes> out;
  out.reserve(read->size());
  for (PemCertificate& c : *read) {
    out.push_back(std::move(c.der));
  }
  return out;
}

Result<std::vector<Result<CertificateProfile>>> load_pem_certificate_profiles(const std::filesystem::path& file) {
  auto read = read_pem_certificates(file);
  if (!read) {
    return std::move(read).error();
  }
  std::vector<Result<CertificateProfile>> out;
  out.reserve(read->size());
  for (PemCertificate& c : *read) {
    out.push_back(detail::profile_of(std::move(c.x509), c.der));
  }
  return out;
}

}  // namespace eutl::verify
