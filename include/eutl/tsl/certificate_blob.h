// An X.509 certificate as it appears in a trusted list: the DER bytes, checked for
// DER structure once, with the fields the index needs located by offset.
//
// Why not OpenSSL here: a full national list set holds thousands of certificates and
// the index needs only the subject, the public key and the SKI of each. Decoding all
// of them with d2i_X509 dominates load time, so tsl/ walks the DER itself (strictly:
// definite minimal lengths, no trailing bytes) and verify/ decodes with OpenSSL only
// the certificates a decision actually touches.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::tsl {

struct DerSpan final {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  bool empty() const noexcept { return length == 0; }
};

class CertificateBlob final {
 public:
  [[nodiscard]] static Result<CertificateBlob> from_der(Bytes der);

  // The located fields in a fixed order (serial, issuer, subject, spki, ski, aki), to
  // persist a blob without walking or hashing its DER again (the model cache).
  using Spans = std::array<DerSpan, 6>;
  Spans spans() const noexcept { return {m_serial, m_issuer, m_subject, m_spki, m_ski, m_aki}; }
  // Rebuilds a blob from what from_der() computed earlier. Caller is responsible for:
  // `digest` and `spans` coming from from_der() on these exact bytes (cache/model_cache
  // checks its file's checksum first). Only bounds are checked here (kMalformed).
  [[nodiscard]] static Result<CertificateBlob> from_verified_parts(Bytes der, const Sha256& digest, const Spans& spans);

  const Bytes& der() const noexcept { return m_der; }
  // Full TLV of each field (tag and length included), so they can be compared and hashed.
  ByteView serial() const noexcept { return view(m_serial); }
  ByteView issuer() const noexcept { return view(m_issuer); }
  ByteView subject() const noexcept { return view(m_subject); }
  ByteView spki() const noexcept { return view(m_spki); }
  // The keyIdentifier bytes of the SubjectKeyIdentifier extension, empty when absent.
  ByteView ski() const noexcept { return view(m_ski); }
  // The keyIdentifier of the AuthorityKeyIdentifier extension, empty when absent.
  ByteView aki() const noexcept { return view(m_aki); }
  // SHA-256 of der(), computed the first time it is asked for (safely from several
  // threads at once) and kept: verifying a list set hashes none of its thousands of
  // certificates, only what a caller reports or stores does.
  const Sha256& sha256() const noexcept;

  CertificateBlob() = default;
  CertificateBlob(const CertificateBlob& other);
  CertificateBlob(CertificateBlob&& other) noexcept;
  CertificateBlob& operator=(const CertificateBlob& other);
  CertificateBlob& operator=(CertificateBlob&& other) noexcept;
  ~CertificateBlob() = default;

 private:
  enum Digest : std::uint8_t { kNotYet, kComputing, kReady };

  ByteView view(DerSpan s) const noexcept { return {m_der.data() + s.offset, s.length}; }
  // Takes the located fields of `other`, and its digest when it is ready (the DER is
  // the caller's to take).
  void assign(const CertificateBlob& other);

  Bytes m_der;
  mutable Sha256 m_sha256{};
  mutable std::atomic<std::uint8_t> m_digest{kNotYet};
  DerSpan m_serial, m_issuer, m_subject, m_spki, m_ski, m_aki;
};

}  // namespace eutl::tsl
