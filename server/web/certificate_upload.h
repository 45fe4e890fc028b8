// The certificates a person gives the check form: pasted PEM text or an uploaded file
// (PEM or DER). PEM is RFC 7468 §5 (BEGIN/END CERTIFICATE, base64 inside); DER is one
// certificate, an ASN.1 SEQUENCE (X.690 §8.9). The first is the end-entity certificate,
// the rest its CA chain, as for `eutl check --fullchain`.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::server::web {

inline constexpr std::size_t kMaxUploadCertificates = 10;

// kUsage for text that holds no certificate or holds a private key (never sent on:
// the page says to remove it), kMalformed for bad base64, kLimit for more than
// kMaxUploadCertificates certificates.
[[nodiscard]] Result<std::vector<tsl::Bytes>> certificates_from_upload(std::string_view bytes);

}  // namespace eutl::server::web
