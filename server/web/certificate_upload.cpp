#include "server/web/certificate_upload.h"

#include <string>

namespace eutl::server::web {
namespace {

constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";

}  // namespace

Result<std::vector<tsl::Bytes>> certificates_from_upload(std::string_view bytes) {
  if (bytes.find("PRIVATE KEY-----") != std::string_view::npos) {
    return Error(Errc::kUsage, "the text holds a private key: remove it (and consider the key exposed); "
                               "only the certificate is needed");
  }
  std::vector<tsl::Bytes> out;
  if (bytes.find("-----BEGIN") == std::string_view::npos) {
    // DER: one certificate, a SEQUENCE (tag 0x30); the parser checks the rest.
    if (bytes.empty() || static_cast<unsigned char>(bytes.front()) != 0x30) {
      return Error(Errc::kUsage, "no certificate: give PEM text (-----BEGIN CERTIFICATE-----) or a DER file");
    }
    const tsl::ByteView der = tsl::as_bytes(bytes);
    out.emplace_back(der.begin(), der.end());
    return out;
  }
  std::size_t pos = 0;
  while ((pos = bytes.find(kBegin, pos)) != std::string_view::npos) {
    const std::size_t body = pos + kBegin.size();
    const std::size_t end = bytes.find(kEnd, body);
    if (end == std::string_view::npos) {
      return Error(Errc::kMalformed, "a PEM certificate without its END line (RFC 7468 §2)");
    }
    if (out.size() == kMaxUploadCertificates) {
      return Error(Errc::kLimit, "more than " + std::to_string(kMaxUploadCertificates) + " certificates");
    }
    auto der = tsl::base64_decode(bytes.substr(body, end - body));
    if (!der) {
      return Error(Errc::kMalformed, "certificate " + std::to_string(out.size() + 1) +
                                         ": the PEM text is not valid base64 (RFC 7468 §3)");
    }
    out.push_back(std::move(*der));
    pos = end + kEnd.size();
  }
  if (out.empty()) {
    return Error(Errc::kUsage, "no certificate: the PEM text has no -----BEGIN CERTIFICATE----- block");
  }
  return out;
}

}  // namespace eutl::server::web
