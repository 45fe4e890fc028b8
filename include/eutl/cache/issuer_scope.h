// Which lists of a snapshot a check can need. The qualification engine finds a
// certificate's trust service only by the certificate's issuer Name or
// AuthorityKeyIdentifier, or by the (SPKI, subject) of a chain certificate
// (verify/rules/issuer_key.cpp, over tsl::ServiceIndex): a list none of whose
// service certificates has one of those subject Names or SubjectKeyIdentifiers
// cannot contribute a candidate. The model cache keeps these keys per list, so that a
// one-off `eutl check --store` decodes only the lists that may hold an issuer
// (load_snapshot_model) and decides exactly as with every list loaded.
//
// Keys are 64-bit XXH3 hashes of the DER bytes, a stable and documented function (the
// keys live in a file that outlives the program that wrote it). A collision only
// brings in a list that is not needed; it can never leave out one that is.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "eutl/tsl/model.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl::cache {

// The keys of one list's anchors: the subject Name and the SubjectKeyIdentifier of
// every certificate of every service's current digital identity (what
// tsl::ServiceIndex indexes), sorted, without repeats.
[[nodiscard]] std::vector<std::uint64_t> anchor_keys(const tsl::TrustedList& list);

class IssuerScope final {
 public:
  // The keys a decision about `certificates` (a certificate and its chain, or several
  // such) can look up: each one's issuer Name, AuthorityKeyIdentifier and subject Name.
  [[nodiscard]] static IssuerScope of(std::span<const verify::CertificateProfile* const> certificates);

  // Whether a list with these anchor keys (sorted, as anchor_keys() returns them) may
  // hold an issuer of the certificates.
  [[nodiscard]] bool may_hold(std::span<const std::uint64_t> list_keys) const noexcept;

 private:
  std::vector<std::uint64_t> m_keys;  // sorted, unique
};

}  // namespace eutl::cache
