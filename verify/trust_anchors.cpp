// The --lotl-signers file and the names of kinds and statuses.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"
#include "tsl/detail/c_handle.h"

namespace eutl::verify {
namespace {
using BioPtr = eutl::detail::CHandle<BIO, ::BIO_free>;
using X509Ptr = eutl::detail::CHandle<X509, ::X509_free>;
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

Result<std::vector<tsl::Bytes>> load_pem_certificates(const std::filesystem::path& file) {
  auto bytes = tsl::read_file(file, tsl::FileKind::kAnchors);
  if (!bytes) {
    return std::move(bytes).error();
  }
  BioPtr bio(::BIO_new_mem_buf(bytes->data(), static_cast<int>(bytes->size())));
  if (!bio) {
    return Error(Errc::kInternal, "cannot create a memory BIO");
  }
  std::vector<tsl::Bytes> out;
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
    out.push_back(std::move(der));
  }
  ::ERR_clear_error();
  if (out.empty()) {
    return Error(Errc::kMalformed, file.string() + ": no PEM certificate found");
  }
  return out;
}

}  // namespace eutl::verify
