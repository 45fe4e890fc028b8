// certificate_headline reads subject and validity without decoding the certificate: on
// every fixture certificate, every real certificate and every bundled Official Journal
// anchor it gives exactly what read_certificate_profile gives, and it refuses what is
// not a certificate; readable_headline takes the whole decode only for what the walk
// refuses.
#include "eutl/verify/certificate_headline.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/oj_notices.h"
#include "tests/test_paths.h"

namespace eutl::verify {
namespace {

void expect_same_as_profile(const tsl::Bytes& der, const std::string& what) {
  auto profile = read_certificate_profile(der);
  ASSERT_TRUE(profile) << what << ": " << profile.error().message;
  auto headline = certificate_headline(der);
  ASSERT_TRUE(headline) << what;
  EXPECT_EQ(headline->subject, profile->subject) << what;
  EXPECT_EQ(headline->not_before, profile->not_before) << what;
  EXPECT_EQ(headline->not_after, profile->not_after) << what;
}

std::size_t check_directory(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".pem") {
      continue;
    }
    auto ders = read_certificate_file(entry.path());
    if (!ders) {
      continue;  // a key or a deliberately broken file
    }
    for (const auto& der : *ders) {
      if (read_certificate_profile(der)) {
        expect_same_as_profile(der, entry.path().string());
        ++n;
      }
    }
  }
  return n;
}

TEST(CertificateHeadline, EqualsTheProfileOnEveryFixtureCertificate) {
  EXPECT_GT(check_directory(test::fixtures() / "certs"), 10u);
  EXPECT_GT(check_directory(test::fixtures() / "pki"), 3u);
}

TEST(CertificateHeadline, EqualsTheProfileOnTheBundledAnchorsAndEveryRealCertificate) {
  const auto bundled = bundled_oj_notice_certificates();
  ASSERT_FALSE(bundled.empty());
  for (const auto& c : bundled) {
    expect_same_as_profile(c.der, c.oj_reference);
  }
  if (!std::filesystem::is_directory(test::realdata() / "certs")) {
    GTEST_SKIP() << "no real data at " << test::realdata();
  }
  EXPECT_GT(check_directory(test::realdata() / "certs"), 40u);
}

TEST(CertificateHeadline, RefusesWhatIsNotACertificate) {
  auto ders = read_certificate_file(test::fixtures() / "certs/qwac.pem");
  ASSERT_TRUE(ders);
  const tsl::Bytes good = ders->front();
  ASSERT_TRUE(certificate_headline(good));
  EXPECT_FALSE(certificate_headline(tsl::Bytes{}));
  EXPECT_FALSE(certificate_headline(tsl::Bytes(good.begin(), good.begin() + 60)));  // cut inside the subject
  tsl::Bytes trailing = good;
  trailing.push_back(0);
  EXPECT_FALSE(certificate_headline(trailing));
  tsl::Bytes not_sequence = good;
  not_sequence[0] = 0x31;  // SET, not SEQUENCE
  EXPECT_FALSE(certificate_headline(not_sequence));
  const std::string text = "-----BEGIN CERTIFICATE-----";
  EXPECT_FALSE(certificate_headline(tsl::Bytes(text.begin(), text.end())));
}

// `der` with its serial number's length in long form (81 nn): BER that OpenSSL reads, not
// DER. Both enclosing lengths are two-octet (82 hh ll) in a certificate of this size.
tsl::Bytes with_long_serial_length(const tsl::Bytes& der) {
  EXPECT_EQ(der[0], 0x30);
  EXPECT_EQ(der[1], 0x82);
  EXPECT_EQ(der[4], 0x30);
  EXPECT_EQ(der[5], 0x82);
  std::size_t serial = der[8] == 0xa0 ? 8 + 2 + der[9] : 8;  // after [0] version, if any
  EXPECT_EQ(der[serial], 0x02);
  tsl::Bytes out(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(serial) + 1);
  out.push_back(0x81);
  out.insert(out.end(), der.begin() + static_cast<std::ptrdiff_t>(serial) + 1, der.end());
  for (std::size_t at : {std::size_t{2}, std::size_t{6}}) {
    unsigned length = (unsigned{out[at]} << 8 | out[at + 1]) + 1;
    out[at] = static_cast<std::uint8_t>(length >> 8);
    out[at + 1] = static_cast<std::uint8_t>(length & 0xff);
  }
  return out;
}

TEST(CertificateHeadline, ReadableHeadlineFallsBackToTheWholeDecodeOnlyWhenItMust) {
  auto ders = read_certificate_file(test::fixtures() / "certs/qwac.pem");
  ASSERT_TRUE(ders);
  const tsl::Bytes good = ders->front();
  const tsl::Bytes bent = with_long_serial_length(good);
  auto profile = read_certificate_profile(bent);
  ASSERT_TRUE(profile) << profile.error().message;  // OpenSSL reads the BER length
  EXPECT_FALSE(certificate_headline(bent));          // the strict walk does not
  auto headline = readable_headline(bent);
  ASSERT_TRUE(headline);
  EXPECT_EQ(headline->subject, profile->subject);
  EXPECT_EQ(headline->not_before, profile->not_before);
  EXPECT_EQ(headline->not_after, profile->not_after);
  EXPECT_EQ(readable_headline(good)->subject, profile->subject);

  EXPECT_FALSE(readable_headline(tsl::Bytes{}));
  EXPECT_FALSE(readable_headline(tsl::Bytes(good.begin(), good.begin() + 60)));
}

}  // namespace
}  // namespace eutl::verify
