// Reading certificate files and bytes, PEM (one or more) or DER
// (include/eutl/verify/certificate_profile.h).
#include <openssl/err.h>
#include <openssl/pem.h>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/certificate_profile.h"
#include "tsl/detail/c_handle.h"

namespace eutl::verify {
namespace {

using BioPtr = ::eutl::detail::CHandle<BIO, ::BIO_free>;

// What PEM_read_bio() allocates for one block, freed with it.
struct PemBlock final {
  char* label = nullptr;
  char* header = nullptr;
  unsigned char* data = nullptr;
  long length = 0;

  PemBlock() = default;
  PemBlock(const PemBlock&) = delete;
  PemBlock& operator=(const PemBlock&) = delete;
  ~PemBlock() {
    OPENSSL_free(label);
    OPENSSL_free(header);
    OPENSSL_free(data);
  }
};

}  // namespace

Result<std::vector<tsl::Bytes>> read_certificate_file(const std::filesystem::path& file) {
  auto bytes = tsl::read_file(file, tsl::FileKind::kCertificate);
  if (!bytes) {
    return std::move(bytes).error();
  }
  return read_certificate_bytes(*bytes, file.string());
}

Result<std::vector<tsl::Bytes>> read_certificate_bytes(tsl::ByteView bytes, std::string_view name) {
  std::vector<tsl::Bytes> out;
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (text.find("-----BEGIN") == std::string_view::npos) {
    out.emplace_back(bytes.begin(), bytes.end());
    return out;
  }
  // The base64 of each CERTIFICATE block (RFC 7468 §5; "X509 CERTIFICATE" is its older
  // label), other blocks skipped. The DER is not decoded here: read_certificate_profile()
  // decodes it once, where it is used (OpenSSL 3 decodes a certificate's public key
  // through its provider decoders, which costs more than the whole of a cached check).
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  while (true) {
    PemBlock block;
    if (PEM_read_bio(bio.get(), &block.label, &block.header, &block.data, &block.length) != 1) {
      break;  // no further block, or one that is not PEM: stop, as OpenSSL's readers do
    }
    const std::string_view kind(block.label);
    if ((kind == PEM_STRING_X509 || kind == PEM_STRING_X509_OLD) && block.length > 0) {
      out.emplace_back(block.data, block.data + block.length);
    }
  }
  ERR_clear_error();
  if (out.empty()) {
    return Error(Errc::kMalformed, std::string(name) + ": no PEM certificate found");
  }
  return out;
}

}  // namespace eutl::verify
