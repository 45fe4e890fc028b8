// A SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) as an OpenSSL key, for verifying the
// signature on a certificate with a listed service's key (TS 119 615 §4.4 step 1).
//
// OpenSSL 3.0 reads every SubjectPublicKeyInfo through its provider decoders
// (d2i_PUBKEY): it sets up a decoder context for each key, which costs about 120 to
// 180 µs a key on this project's machines, several times the signature check itself.
// The two kinds of key the EU lists carry in practice are built here from their parts
// instead, through the one key manager they need (EVP_PKEY_fromdata):
//   - rsaEncryption (RFC 8017 §A.1.1: RSAPublicKey, NULL parameters; RFC 4055 §1.2),
//   - id-ecPublicKey on a named curve (RFC 5480 §2.1.1: the point as an ECPoint, which
//     OpenSSL checks to be on the curve as it does when decoding).
// Their encoding is read as strict DER. Anything else (RSASSA-PSS keys, explicit curve
// parameters, EdDSA, DSA, an encoding that is not strict DER) goes to d2i_PUBKEY as
// before, so a key is accepted here only when the decoder would give the same key.
#pragma once

#include "eutl/tsl/bytes.h"
#include "verify/certificate_native.h"

namespace eutl::verify::detail {

// How a key was read: from its parts, or by OpenSSL's decoders.
enum class PublicKeyPath { kParts, kDecoder };

struct PublicKey final {
  EvpPkeyPtr key;  // null when `spki` is not a key OpenSSL can use
  PublicKeyPath path = PublicKeyPath::kDecoder;
};

// The key of a DER SubjectPublicKeyInfo, which must be all of `spki`.
PublicKey read_public_key(tsl::ByteView spki);

}  // namespace eutl::verify::detail
