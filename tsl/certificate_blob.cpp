#include "eutl/tsl/certificate_blob.h"

#include <cstring>
#include <thread>

namespace eutl::tsl {
namespace {

// One DER TLV: where its header starts, where its content starts, and its end.
struct Tlv {
  std::uint8_t tag = 0;
  std::size_t start = 0;
  std::size_t content = 0;
  std::size_t end = 0;
};

// A cursor over [pos, end) of a buffer that reads strict DER TLVs.
class DerReader {
 public:
  DerReader(const Bytes& b, std::size_t pos, std::size_t end) : m_b(b), m_pos(pos), m_end(end) {}

  bool more() const { return m_pos < m_end; }
  std::uint8_t peek_tag() const { return m_b[m_pos]; }

  Result<Tlv> next() {
    Tlv t;
    t.start = m_pos;
    if (m_pos >= m_end) return err("unexpected end of data");
    t.tag = m_b[m_pos++];
    if ((t.tag & 0x1f) == 0x1f) return err("multi-byte tags are not used in certificates");
    if (m_pos >= m_end) return err("missing length");
    std::size_t len = m_b[m_pos++];
    if (len & 0x80) {
      std::size_t n = len & 0x7f;
      if (n == 0) return err("indefinite length is not DER");
      if (n > 4) return err("length too large");
      if (m_end - m_pos < n) return err("truncated length");
      if (m_b[m_pos] == 0) return err("non-minimal length");
      len = 0;
      for (std::size_t i = 0; i < n; ++i) len = (len << 8) | m_b[m_pos++];
      if (len < 0x80) return err("non-minimal length");
    }
    if (m_end - m_pos < len) return err("length beyond the end of its container");
    t.content = m_pos;
    t.end = m_pos + len;
    m_pos = t.end;
    return t;
  }

  Result<Tlv> expect(std::uint8_t tag, const char* what) {
    auto t = next();
    if (!t) return t;
    if (t->tag != tag) return err(std::string("expected ") + what);
    return t;
  }

 private:
  static Error err(std::string m) { return Error(Errc::kMalformed, "DER: " + m); }
  const Bytes& m_b;
  std::size_t m_pos;
  std::size_t m_end;
};

constexpr std::uint8_t kSequence = 0x30;
constexpr std::uint8_t kInteger = 0x02;
constexpr std::uint8_t kOid = 0x06;
constexpr std::uint8_t kBoolean = 0x01;
constexpr std::uint8_t kOctetString = 0x04;
constexpr std::uint8_t kBitString = 0x03;
constexpr std::uint8_t kExplicit0 = 0xa0;
constexpr std::uint8_t kExplicit3 = 0xa3;
constexpr std::uint8_t kImplicit0Prim = 0x80;  // AuthorityKeyIdentifier.keyIdentifier
constexpr std::uint8_t kSkiOid[] = {0x55, 0x1d, 0x0e};  // 2.5.29.14
constexpr std::uint8_t kAkiOid[] = {0x55, 0x1d, 0x23};  // 2.5.29.35

DerSpan span_of(const Tlv& t, bool with_header) {
  std::size_t from = with_header ? t.start : t.content;
  return {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(t.end - from)};
}

bool oid_is(const Bytes& b, const Tlv& t, const std::uint8_t* oid, std::size_t n) {
  return t.end - t.content == n && std::memcmp(b.data() + t.content, oid, n) == 0;
}

#define EUTL_TRY(var, expr) \
  auto var = (expr);        \
  if (!var) return std::move(var).error()

}  // namespace

Result<CertificateBlob> CertificateBlob::from_verified_parts(Bytes der, const Sha256& digest, const Spans& spans) {
  for (const DerSpan& s : spans) {
    if (static_cast<std::size_t>(s.offset) + s.length > der.size()) {
      return Error(Errc::kMalformed, "certificate field outside its DER");
    }
  }
  CertificateBlob c;
  c.m_der = std::move(der);
  c.m_sha256 = digest;
  c.m_digest.store(kReady, std::memory_order_relaxed);
  c.m_serial = spans[0];
  c.m_issuer = spans[1];
  c.m_subject = spans[2];
  c.m_spki = spans[3];
  c.m_ski = spans[4];
  c.m_aki = spans[5];
  return c;
}

Result<CertificateBlob> CertificateBlob::from_der(Bytes der) {
  if (der.size() > (1u << 24)) {
    return Error(Errc::kLimit, "certificate larger than 16 MiB");
  }
  CertificateBlob c;
  c.m_der = std::move(der);
  const Bytes& b = c.m_der;
  DerReader top(b, 0, b.size());
  EUTL_TRY(cert, top.expect(kSequence, "Certificate SEQUENCE"));
  if (top.more()) return Error(Errc::kMalformed, "DER: trailing bytes after the certificate");

  DerReader outer(b, cert->content, cert->end);
  EUTL_TRY(tbs, outer.expect(kSequence, "TBSCertificate SEQUENCE"));
  EUTL_TRY(sig_alg, outer.expect(kSequence, "signatureAlgorithm"));
  EUTL_TRY(sig, outer.expect(kBitString, "signatureValue BIT STRING"));
  if (outer.more()) return Error(Errc::kMalformed, "DER: trailing bytes in Certificate");

  DerReader in(b, tbs->content, tbs->end);
  if (in.more() && in.peek_tag() == kExplicit0) {
    EUTL_TRY(version, in.next());
  }
  EUTL_TRY(serial, in.expect(kInteger, "serialNumber INTEGER"));
  EUTL_TRY(alg, in.expect(kSequence, "signature AlgorithmIdentifier"));
  EUTL_TRY(issuer, in.expect(kSequence, "issuer Name"));
  EUTL_TRY(validity, in.expect(kSequence, "validity"));
  EUTL_TRY(subject, in.expect(kSequence, "subject Name"));
  EUTL_TRY(spki, in.expect(kSequence, "subjectPublicKeyInfo"));
  c.m_serial = span_of(*serial, true);
  c.m_issuer = span_of(*issuer, true);
  c.m_subject = span_of(*subject, true);
  c.m_spki = span_of(*spki, true);
  while (in.more()) {
    EUTL_TRY(field, in.next());
    if (field->tag != kExplicit3) {
      continue;  // issuerUniqueID / subjectUniqueID
    }
    DerReader wrap(b, field->content, field->end);
    EUTL_TRY(exts, wrap.expect(kSequence, "Extensions SEQUENCE"));
    DerReader list(b, exts->content, exts->end);
    while (list.more()) {
      EUTL_TRY(ext, list.expect(kSequence, "Extension SEQUENCE"));
      DerReader e(b, ext->content, ext->end);
      EUTL_TRY(oid, e.expect(kOid, "extnID"));
      if (e.more() && e.peek_tag() == kBoolean) {
        EUTL_TRY(critical, e.next());
      }
      EUTL_TRY(value, e.expect(kOctetString, "extnValue OCTET STRING"));
      if (oid_is(b, *oid, kSkiOid, sizeof kSkiOid)) {
        DerReader v(b, value->content, value->end);
        EUTL_TRY(key_id, v.expect(kOctetString, "SubjectKeyIdentifier OCTET STRING"));
        c.m_ski = span_of(*key_id, false);
      } else if (oid_is(b, *oid, kAkiOid, sizeof kAkiOid)) {
        DerReader v(b, value->content, value->end);
        EUTL_TRY(seq, v.expect(kSequence, "AuthorityKeyIdentifier SEQUENCE"));
        DerReader a(b, seq->content, seq->end);
        if (a.more() && a.peek_tag() == kImplicit0Prim) {
          EUTL_TRY(key_id, a.next());
          c.m_aki = span_of(*key_id, false);
        }
      }
    }
  }
  return c;
}

const Sha256& CertificateBlob::sha256() const noexcept {
  if (m_digest.load(std::memory_order_acquire) == kReady) {
    return m_sha256;
  }
  std::uint8_t expected = kNotYet;
  if (m_digest.compare_exchange_strong(expected, kComputing, std::memory_order_acquire)) {
    m_sha256 = tsl::sha256(m_der);
    m_digest.store(kReady, std::memory_order_release);
    return m_sha256;
  }
  while (m_digest.load(std::memory_order_acquire) != kReady) {
    std::this_thread::yield();  // another thread is hashing these bytes right now
  }
  return m_sha256;
}

void CertificateBlob::assign(const CertificateBlob& other) {
  m_serial = other.m_serial;
  m_issuer = other.m_issuer;
  m_subject = other.m_subject;
  m_spki = other.m_spki;
  m_ski = other.m_ski;
  m_aki = other.m_aki;
  const bool ready = other.m_digest.load(std::memory_order_acquire) == kReady;
  if (ready) {
    m_sha256 = other.m_sha256;
  }
  m_digest.store(ready ? kReady : kNotYet, std::memory_order_release);
}

CertificateBlob::CertificateBlob(const CertificateBlob& other) : m_der(other.m_der) { assign(other); }

CertificateBlob::CertificateBlob(CertificateBlob&& other) noexcept : m_der(std::move(other.m_der)) {
  assign(other);
  other.m_digest.store(kNotYet, std::memory_order_relaxed);  // its bytes went with the digest
}

CertificateBlob& CertificateBlob::operator=(const CertificateBlob& other) {
  if (this != &other) {
    m_der = other.m_der;
    assign(other);
  }
  return *this;
}

CertificateBlob& CertificateBlob::operator=(CertificateBlob&& other) noexcept {
  if (this != &other) {
    m_der = std::move(other.m_der);
    assign(other);
    other.m_digest.store(kNotYet, std::memory_order_relaxed);
  }
  return *this;
}

#undef EUTL_TRY

}  // namespace eutl::tsl
