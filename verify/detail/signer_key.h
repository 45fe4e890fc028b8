// The key and validity period of a list's KeyInfo certificate (XML-DSig §4.5.4) read
// without decoding the whole certificate. OpenSSL 3.0 decodes a certificate's public key
// through its provider decoders whenever it decodes the certificate (d2i_X509): about
// 150 to 200 µs a certificate on this project's machines, where building the same key
// from its parts (verify/public_key.h) takes 7 to 37 µs. Internal to verify/.
#pragma once

#include <optional>

#include "eutl/tsl/bytes.h"
#include "verify/certificate_native.h"
#include "verify/detail/x509.h"

namespace eutl::verify::trust {

struct SignerKey final {
  detail::EvpPkeyPtr key;  // never null
  Validity validity;
};

// The key (RFC 5280 §4.1.2.7) and validity (§4.1.2.5) of the certificate `der`, when
//   - all of its structure is strict DER: Certificate, then every field of
//     TBSCertificate in the order of RFC 5280 §4.1 (version v2 or v3 when present,
//     unique identifiers only from v2, extensions only in v3, each Extension an OID, a
//     critical flag only when TRUE, and an OCTET STRING), then the signature algorithm
//     and value, with nothing after any of them;
//   - its issuer and subject are Names OpenSSL reads, and its dates are Times it reads;
//   - its key is one verify/public_key.h builds from its parts (PublicKeyPath::kParts);
// nullopt otherwise, and the caller decodes the certificate whole (decode_x509) as it did
// for every certificate before. So a key read here is the key d2i_X509 gives.
[[nodiscard]] std::optional<SignerKey> signer_key_from_parts(tsl::ByteView der);

}  // namespace eutl::verify::trust
