// A certificate's subject and validity without decoding the rest of it
// (include/eutl/verify/certificate_headline.h), and the two OpenSSL conversions it
// shares with CertificateProfile (verify/certificate_native.h).
#include "eutl/verify/certificate_headline.h"

#include <openssl/bio.h>
#include <openssl/x509.h>

#include "verify/certificate_native.h"
#include "verify/certificate_profile_der.h"

namespace eutl::verify {
namespace detail {

using BioPtr = eutl::detail::CHandle<BIO, BIO_free>;

std::string name_rfc2253(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
    return {};
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::optional<tsl::TimePoint> to_time_point(const ASN1_TIME* t) {
  struct tm tm {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) {
    return std::nullopt;
  }
  using namespace std::chrono;
  sys_days day = year{tm.tm_year + 1900} / month{static_cast<unsigned>(tm.tm_mon + 1)} /
                 std::chrono::day{static_cast<unsigned>(tm.tm_mday)};
  return tsl::TimePoint{day} + hours{tm.tm_hour} + minutes{tm.tm_min} + seconds{tm.tm_sec};
}

}  // namespace detail

namespace {

using NamePtr = eutl::detail::CHandle<X509_NAME, X509_NAME_free>;
using TimePtr = eutl::detail::CHandle<ASN1_TIME, ASN1_TIME_free>;
constexpr std::uint8_t kExplicitVersion = 0xa0;  // [0] EXPLICIT Version

// The ASN.1 Time whose whole TLV runs from `begin` to `end`.
std::optional<tsl::TimePoint> time_between(const unsigned char* begin, const unsigned char* end) {
  const unsigned char* p = begin;
  TimePtr time(d2i_ASN1_TIME(nullptr, &p, static_cast<long>(end - begin)));
  if (!time || p != end) {
    return std::nullopt;
  }
  return detail::to_time_point(time.get());
}

}  // namespace

std::optional<CertificateHeadline> certificate_headline(tsl::ByteView der) {
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
  detail::DerCursor outer(der);
  const auto certificate = outer.expect(detail::tag::kSequence, "Certificate");
  if (!certificate || outer.more()) {
    return std::nullopt;
  }
  detail::DerCursor fields(certificate->content);
  const auto tbs = fields.expect(detail::tag::kSequence, "tbsCertificate");
  if (!tbs) {
    return std::nullopt;
  }
  // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer,
  //                               validity, subject, … }  (RFC 5280 §4.1)
  detail::DerCursor t(tbs->content);
  if (t.peek_tag() == kExplicitVersion && !t.next()) {
    return std::nullopt;
  }
  const auto serial = t.expect(detail::tag::kInteger, "serialNumber");
  const auto signature = serial ? t.expect(detail::tag::kSequence, "signature") : std::nullopt;
  const auto issuer = signature ? t.expect(detail::tag::kSequence, "issuer") : std::nullopt;
  const auto validity = issuer ? t.expect(detail::tag::kSequence, "validity") : std::nullopt;
  const auto subject = validity ? t.expect(detail::tag::kSequence, "subject") : std::nullopt;
  if (!subject) {
    return std::nullopt;
  }
  // The subject's whole TLV runs from the end of validity to the end of its content.
  const unsigned char* begin = validity->content.data() + validity->content.size();
  const unsigned char* end = subject->content.data() + subject->content.size();
  const unsigned char* p = begin;
  NamePtr name(d2i_X509_NAME(nullptr, &p, static_cast<long>(end - begin)));
  if (!name || p != end) {
    return std::nullopt;
  }
  // Validity ::= SEQUENCE { notBefore Time, notAfter Time }
  detail::DerCursor v(validity->content);
  const auto not_before = v.next();
  const auto not_after = not_before ? v.next() : std::nullopt;
  if (!not_after || v.more()) {
    return std::nullopt;
  }
  const unsigned char* nb_end = not_before->content.data() + not_before->content.size();
  const auto from = time_between(validity->content.data(), nb_end);
  const auto until = time_between(nb_end, not_after->content.data() + not_after->content.size());
  if (!from || !until) {
    return std::nullopt;
  }
  return CertificateHeadline{detail::name_rfc2253(name.get()), *from, *until};
}

std::optional<CertificateHeadline> readable_headline(tsl::ByteView der) {
  if (auto h = certificate_headline(der)) {
    return h;
  }
  if (auto p = read_certificate_profile(der)) {
    return CertificateHeadline{std::move(p->subject), p->not_before, p->not_after};
  }
  return std::nullopt;
}

}  // namespace eutl::verify
