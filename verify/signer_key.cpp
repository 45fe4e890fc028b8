// A certificate's key and validity from a strict walk of its DER (verify/detail/signer_key.h).
#include "verify/detail/signer_key.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include "verify/certificate_profile_der.h"
#include "verify/public_key.h"

namespace eutl::verify::trust {
namespace {

using detail::DerCursor;
using detail::DerTlv;
namespace tag = detail::tag;

constexpr std::uint8_t kBitString = 0x03;
constexpr std::uint8_t kUtcTime = 0x17;
constexpr std::uint8_t kGeneralizedTime = 0x18;
constexpr std::uint8_t kVersion = 0xa0;      // [0] EXPLICIT Version
constexpr std::uint8_t kIssuerUid = 0x81;    // [1] IMPLICIT UniqueIdentifier
constexpr std::uint8_t kSubjectUid = 0x82;   // [2] IMPLICIT UniqueIdentifier
constexpr std::uint8_t kExtensions = 0xa3;   // [3] EXPLICIT Extensions

using NamePtr = eutl::detail::CHandle<X509_NAME, X509_NAME_free>;
using TimePtr = eutl::detail::CHandle<ASN1_TIME, ASN1_TIME_free>;

// The whole TLV whose content is `content` and which starts at `begin`.
tsl::ByteView tlv_from(const unsigned char* begin, const DerTlv& t) {
  return {begin, static_cast<std::size_t>(t.content.data() + t.content.size() - begin)};
}
const unsigned char* end_of(const DerTlv& t) { return t.content.data() + t.content.size(); }

// INTEGER content in DER: present and minimal (X.690 §8.3.2).
bool minimal_integer(tsl::ByteView c) {
  return !c.empty() && (c.size() == 1 || !((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)));
}

// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
bool algorithm_identifier(const DerTlv& t) {
  if (t.tag != tag::kSequence) {
    return false;
  }
  DerCursor c(t.content);
  if (!c.expect(tag::kOid, "algorithm")) {
    return false;
  }
  return !c.more() || (c.next() && !c.more());
}

// A Name OpenSSL reads, all of `tlv`.
bool name(tsl::ByteView tlv) {
  const unsigned char* p = tlv.data();
  NamePtr n(d2i_X509_NAME(nullptr, &p, static_cast<long>(tlv.size())));
  return n && p == tlv.data() + tlv.size();
}

// A Time (UTCTime or GeneralizedTime) OpenSSL reads, all of `tlv`.
TimePtr time(tsl::ByteView tlv) {
  if (tlv.empty() || (tlv[0] != kUtcTime && tlv[0] != kGeneralizedTime)) {
    return TimePtr();
  }
  const unsigned char* p = tlv.data();
  TimePtr t(d2i_ASN1_TIME(nullptr, &p, static_cast<long>(tlv.size())));
  return p == tlv.data() + tlv.size() ? std::move(t) : TimePtr();
}

// Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension;
// Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
bool extensions(tsl::ByteView explicit_content) {
  DerCursor outer(explicit_content);
  const auto list = outer.expect(tag::kSequence, "Extensions");
  if (!list || outer.more() || list->content.empty()) {
    return false;
  }
  DerCursor c(list->content);
  while (c.more()) {
    const auto ext = c.expect(tag::kSequence, "Extension");
    if (!ext) {
      return false;
    }
    DerCursor e(ext->content);
    if (!e.expect(tag::kOid, "extnID")) {
      return false;
    }
    if (e.peek_tag() == tag::kBoolean) {  // DER: present only when TRUE (X.690 §11.5, §11.1)
      const auto critical = e.next();
      if (!critical || critical->content.size() != 1 || critical->content[0] != 0xff) {
        return false;
      }
    }
    if (!e.expect(tag::kOctetString, "extnValue") || e.more()) {
      return false;
    }
  }
  return true;
}

// Version ::= INTEGER { v1(0), v2(1), v3(2) }: 0 for v1 (absent, as DER has it).
std::optional<int> version(DerCursor& tbs) {
  if (tbs.peek_tag() != kVersion) {
    return 0;
  }
  const auto v = tbs.next();
  if (!v) {
    return std::nullopt;
  }
  DerCursor c(v->content);
  const auto n = c.expect(tag::kInteger, "version");
  if (!n || c.more() || n->content.size() != 1 || n->content[0] < 1 || n->content[0] > 2) {
    return std::nullopt;
  }
  return n->content[0];
}

std::optional<SignerKey> read_signer_key(tsl::ByteView der) {
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
  DerCursor outer(der);
  const auto certificate = outer.expect(tag::kSequence, "Certificate");
  if (!certificate || outer.more()) {
    return std::nullopt;
  }
  DerCursor fields(certificate->content);
  const auto tbs = fields.expect(tag::kSequence, "tbsCertificate");
  const auto algorithm = tbs ? fields.next() : std::nullopt;
  const auto value = algorithm ? fields.expect(kBitString, "signatureValue") : std::nullopt;
  if (!value || fields.more() || !algorithm_identifier(*algorithm) || value->content.empty()) {
    return std::nullopt;
  }
  DerCursor t(tbs->content);
  const std::optional<int> v = version(t);
  const auto serial = v ? t.expect(tag::kInteger, "serialNumber") : std::nullopt;
  const auto signature = serial ? t.next() : std::nullopt;
  const auto issuer = signature ? t.expect(tag::kSequence, "issuer") : std::nullopt;
  const auto validity = issuer ? t.expect(tag::kSequence, "validity") : std::nullopt;
  const auto subject = validity ? t.expect(tag::kSequence, "subject") : std::nullopt;
  const auto spki = subject ? t.expect(tag::kSequence, "subjectPublicKeyInfo") : std::nullopt;
  if (!spki || !minimal_integer(serial->content) || !algorithm_identifier(*signature) ||
      !name(tlv_from(end_of(*signature), *issuer)) || !name(tlv_from(end_of(*validity), *subject))) {
    return std::nullopt;
  }
  // issuerUniqueID [1], subjectUniqueID [2] (v2 or v3), extensions [3] (v3), in order.
  std::uint8_t last = 0;
  while (t.more()) {
    const auto field = t.next();
    if (!field || field->tag <= last) {
      return std::nullopt;
    }
    last = field->tag;
    const bool ok = field->tag == kIssuerUid || field->tag == kSubjectUid ? *v >= 1 && !field->content.empty()
                    : field->tag == kExtensions                         ? *v == 2 && extensions(field->content)
                                                                        : false;
    if (!ok) {
      return std::nullopt;
    }
  }
  // Validity ::= SEQUENCE { notBefore Time, notAfter Time }
  DerCursor period(validity->content);
  const auto not_before = period.next();
  const auto not_after = not_before ? period.next() : std::nullopt;
  if (!not_after || period.more()) {
    return std::nullopt;
  }
  const TimePtr from = time(tlv_from(validity->content.data(), *not_before));
  const TimePtr until = from ? time(tlv_from(end_of(*not_before), *not_after)) : TimePtr();
  const std::optional<Validity> dates = until ? trust::validity(from.get(), until.get()) : std::nullopt;
  if (!dates) {
    return std::nullopt;
  }
  detail::PublicKey key = detail::read_public_key(tlv_from(end_of(*subject), *spki));
  if (!key.key || key.path != detail::PublicKeyPath::kParts) {
    return std::nullopt;
  }
  return SignerKey{std::move(key.key), *dates};
}

}  // namespace

std::optional<SignerKey> signer_key_from_parts(tsl::ByteView der) {
  ERR_set_mark();
  std::optional<SignerKey> key = read_signer_key(der);
  ERR_pop_to_mark();  // what OpenSSL said of a certificate left to decode_x509
  return key;
}

}  // namespace eutl::verify::trust
