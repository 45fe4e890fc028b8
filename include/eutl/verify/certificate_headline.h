// A certificate's subject and validity period without decoding the rest of it. OpenSSL 3
// decodes a certificate's public key through its provider decoders whenever it decodes
// the whole certificate; where only these are shown (the LOTL anchors of an evidence
// record) that was most of the cost of writing a record.
#pragma once

#include <optional>
#include <string>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::verify {

struct CertificateHeadline final {
  std::string subject;  // as CertificateProfile::subject prints it (RFC 2253)
  tsl::TimePoint not_before{};
  tsl::TimePoint not_after{};
};

// The subject (RFC 5280 §4.1.2.6) and validity (§4.1.2.5) of a DER certificate; nullopt
// when the bytes are not a certificate whose structure up to the subject is strict DER.
[[nodiscard]] std::optional<CertificateHeadline> certificate_headline(tsl::ByteView der);

// The same for any certificate: the walk above, else the whole decode
// (read_certificate_profile) for a certificate that is not strict DER up to its subject.
// nullopt when neither reads it. What shows a certificate by its subject and dates uses
// this, so that listing hundreds of them does not decode hundreds of public keys.
[[nodiscard]] std::optional<CertificateHeadline> readable_headline(tsl::ByteView der);

}  // namespace eutl::verify
