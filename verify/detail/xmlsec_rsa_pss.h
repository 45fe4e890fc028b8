// RSASSA-PSS signature methods for xmlsec1 1.2.37, which has none: one xmlsec
// transform klass per RFC 6931 §2.3.10 URI, verification only. Internal to verify/.
#pragma once

#include <xmlsec/transforms.h>

#include <span>

namespace eutl::verify::trust {

// RFC 6931 V1 §2.3.10 "RSASSA-PSS Without Parameters": MGF1 with the message
// digest, salt length = digest length, trailer field 1 (0xBC). The URIs are
// http://www.w3.org/2007/05/xmldsig-more#{sha1,sha224,sha256,sha384,sha512}-rsa-MGF1.
// The parameterised #rsa-pss (§2.3.11) is not among them.
std::span<const xmlSecTransformId> rsa_pss_transform_ids();

// Adds the klasses above to xmlsec's registry (xmlSecTransformIdsGet), which
// xmlsec searches by URI when it reads ds:SignatureMethod. Call once after each
// xmlSecCryptoInit, before any verification (LibraryGuard does); the registry is
// only read afterwards, so verifications may then run in parallel.
bool register_rsa_pss_transforms();

}  // namespace eutl::verify::trust
