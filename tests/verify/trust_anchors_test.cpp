// Reading the certificates of a PEM file (the --lotl-signers file), as DER and with their
// profiles (verify/trust_anchors.cpp).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;

// The profiles read with the certificates are those read_certificate_profile gives of
// the DER load_pem_certificates gives, in the same order.
void expect_profiles_of_the_same_certificates(const fs::path& pem) {
  auto ders = load_pem_certificates(pem);
  auto profiles = load_pem_certificate_profiles(pem);
  ASSERT_TRUE(ders) << pem;
  ASSERT_TRUE(profiles) << pem;
  ASSERT_EQ(profiles->size(), ders->size()) << pem;
  for (std::size_t i = 0; i < ders->size(); ++i) {
    const auto& ours = (*profiles)[i];
    auto reference = read_certificate_profile((*ders)[i]);
    ASSERT_TRUE(ours && reference) << pem << " #" << i;
    EXPECT_EQ(ours->der, (*ders)[i]) << pem << " #" << i;
    EXPECT_EQ(ours->sha256, reference->sha256);
    EXPECT_EQ(ours->subject, reference->subject);
    EXPECT_EQ(ours->issuer, reference->issuer);
    EXPECT_EQ(ours->serial_hex, reference->serial_hex);
    EXPECT_EQ(ours->not_before, reference->not_before);
    EXPECT_EQ(ours->not_after, reference->not_after);
    EXPECT_EQ(ours->is_ca, reference->is_ca);
    EXPECT_EQ(ours->key_usage_present, reference->key_usage_present);
    EXPECT_EQ(ours->key_usage, reference->key_usage);
    EXPECT_EQ(ours->extended_key_usages, reference->extended_key_usages);
    EXPECT_EQ(ours->policies, reference->policies);
    EXPECT_EQ(ours->anomalies, reference->anomalies);
  }
}

TEST(TrustAnchors, ProfilesAreThoseOfTheCertificatesRead) {
  expect_profiles_of_the_same_certificates(test::fixtures() / "pki/oj-anchors.pem");
  EUTL_REQUIRE_REALDATA();
  int files = 0;
  for (const auto& entry : fs::directory_iterator(test::realdata() / "oj")) {
    if (entry.path().extension() == ".pem") {
      expect_profiles_of_the_same_certificates(entry.path());
      ++files;
    }
  }
  EXPECT_GE(files, 2);
}

TEST(TrustAnchors, AFileWithoutCertificatesIsRefusedByBoth) {
  const fs::path file = fs::temp_directory_path() / ("eutl-no-pem-" + std::to_string(::getpid()) + ".pem");
  std::ofstream(file) << "not a certificate\n";
  auto ders = load_pem_certificates(file);
  auto profiles = load_pem_certificate_profiles(file);
  ASSERT_FALSE(ders);
  ASSERT_FALSE(profiles);
  EXPECT_EQ(ders.error().message, file.string() + ": no PEM certificate found");
  EXPECT_EQ(profiles.error().message, ders.error().message);
  fs::remove(file);
}

}  // namespace
}  // namespace eutl::verify
