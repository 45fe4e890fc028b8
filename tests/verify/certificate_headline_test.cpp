// certificate_headline reads subject and validity without decoding the certificate: on
// every fixture certificate, every real certificate and every bundled Official Journal
// anchor it gives exactly what read_certificate_profile gives, and it refuses what is
// not a certificate.
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

}  // namespace
}  // namespace eutl::verify
