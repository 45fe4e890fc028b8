// The certificate a person pastes or uploads: PEM (one or a chain), DER, and what is
// refused: nothing, a private key, broken base64, too many certificates.
#include "server/web/certificate_upload.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/test_paths.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::read_text;

std::string qwac_pem() { return read_text(eutl::test::fixtures() / "certs/qwac.pem"); }

TEST(CertificateUpload, PemChainInOrder) {
  const std::string chain = qwac_pem() + "\n" + read_text(eutl::test::fixtures() / "pki/ca-qwac-BB.pem");
  auto certs = certificates_from_upload(chain);
  ASSERT_TRUE(certs) << certs.error().message;
  ASSERT_EQ(certs->size(), 2u);
  EXPECT_EQ((*certs)[0].front(), 0x30);
  EXPECT_NE((*certs)[0], (*certs)[1]);
}

TEST(CertificateUpload, DerAsIsAndTheSameAsItsPem) {
  auto pem = certificates_from_upload(qwac_pem());
  ASSERT_TRUE(pem);
  const std::string der((*pem)[0].begin(), (*pem)[0].end());
  auto from_der = certificates_from_upload(der);
  ASSERT_TRUE(from_der) << from_der.error().message;
  ASSERT_EQ(from_der->size(), 1u);
  EXPECT_EQ((*from_der)[0], (*pem)[0]);
}

TEST(CertificateUpload, RefusalsSayWhy) {
  const std::string key = read_text(eutl::test::fixtures() / "certs/qwac.key");
  ASSERT_NE(key.find("PRIVATE KEY"), std::string::npos);
  const std::pair<std::string, Errc> cases[] = {
      {"", Errc::kUsage},
      {"hello", Errc::kUsage},
      {"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n", Errc::kUsage},
      {qwac_pem() + key, Errc::kUsage},
      {"-----BEGIN CERTIFICATE-----\nMII*notbase64\n-----END CERTIFICATE-----\n", Errc::kMalformed},
      {"-----BEGIN CERTIFICATE-----\nMIIB\n", Errc::kMalformed},
  };
  for (const auto& [text, code] : cases) {
    auto r = certificates_from_upload(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, code) << text << ": " << r.error().message;
  }
  EXPECT_NE(certificates_from_upload(key).error().message.find("private key"), std::string::npos);
}

TEST(CertificateUpload, AtMostTenCertificates) {
  std::string many;
  for (std::size_t i = 0; i < kMaxUploadCertificates; ++i) {
    many += qwac_pem();
  }
  EXPECT_TRUE(certificates_from_upload(many));
  auto r = certificates_from_upload(many + qwac_pem());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kLimit);
}

}  // namespace
}  // namespace eutl::server::web
