// TSL version 6 details on the real 2026 lists (MANIFEST-2026.md), each verified
// against LOTL 390 anchored in the OJ C/2026/1944 signers at 2026-08-21:
// SigningCertificateV2 with IssuerSerialV2 (BE) and without it (HU, SK), ECDSA P-256
// list signatures (EL, HU, SI), and a service identified by DigitalId/Other (SE).
#include <gtest/gtest.h>

#include <algorithm>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/tsl/uris.h"
#include "eutl/verify/list_set.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"
#include "tests/support/text_file.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kEcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
constexpr std::string_view kEcdsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";

tsl::Bytes bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

class Real2026V6 : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_REALDATA();
    if (!fs::exists(test::realdata() / "MANIFEST-2026.md")) {
      GTEST_SKIP() << "no 2026 set in ../shared/realdata";
    }
  }

  // The list of tl/2026/`name` as verified beside LOTL 390; `edit` may change its bytes.
  static VerifiedList verify_2026(const std::string& name, std::string (*edit)(std::string) = nullptr) {
    std::string tl = test::read_text(test::realdata() / "tl/2026" / name);
    if (edit != nullptr) {
      tl = edit(tl);
    }
    std::vector<ListSetInput> inputs;
    inputs.push_back({"lotl-390", bytes_of(test::read_text(test::realdata() / "lotl/eu-lotl-seq390-2026-08-03.xml"))});
    inputs.push_back({name, bytes_of(tl)});
    ListSetRequest request;
    auto anchors = load_pem_certificates(test::realdata() / "oj/oj-C2026-1944-lotl-signers.pem");
    EXPECT_TRUE(anchors) << anchors.error().message;
    request.lotl_anchors = anchors ? *anchors : std::vector<tsl::Bytes>{};
    request.at = tsl::parse_datetime("2026-08-21T12:00:00Z")->time;
    request.threads = 1;
    ListSetResult r = verify_list_set(std::move(inputs), request);
    EXPECT_TRUE(r.lotl.has_value());
    EXPECT_EQ(r.lists.at(0).status, ListStatus::kValid);
    return r.lists.at(1);
  }

  // The signer certificate MANIFEST-2026.md extracted from the list's KeyInfo.
  static tsl::Sha256 manifest_signer(const std::string& name) {
    const std::string stem = fs::path(name).stem().string();
    auto certs = load_pem_certificates(test::realdata() / "signers" / (stem + ".signer.pem"));
    EXPECT_TRUE(certs && certs->size() == 1u);
    return certs && !certs->empty() ? tsl::sha256(certs->front()) : tsl::Sha256{};
  }

  static std::string reasons(const VerifiedList& v) {
    std::string out;
    for (const auto& r : v.reasons) {
      out += r.code + ": " + r.message + "\n";
    }
    return out;
  }

  static void expect_valid_v6(const std::string& name) {
    const VerifiedList v = verify_2026(name);
    EXPECT_EQ(v.status, ListStatus::kValid) << name << "\n" << reasons(v);
    ASSERT_TRUE(v.list.has_value()) << name;
    EXPECT_EQ(v.list->scheme.version, 6) << name;
    ASSERT_TRUE(v.signature.signer_sha256.has_value()) << name;
    EXPECT_EQ(*v.signature.signer_sha256, manifest_signer(name)) << name;
  }
};

using ::eutl::test::contains;

// XAdES EN 319 132-1 §5.2.2.2: SigningCertificateV2 whose CertID carries IssuerSerialV2.
TEST_F(Real2026V6, SigningCertificateV2WithIssuerSerialV2Verifies) {
  const std::string text = test::read_text(test::realdata() / "tl/2026/BE-seq81.xml");
  ASSERT_TRUE(contains(text, "SigningCertificateV2") && contains(text, "IssuerSerialV2"));
  ASSERT_FALSE(contains(text, "<xades:SigningCertificate>"));
  expect_valid_v6("BE-seq81.xml");
}

// IssuerSerialV2 is optional in a CertID (EN 319 132-1 §5.2.2.2): HU and SK omit it;
// the CertDigest alone names the signer.
TEST_F(Real2026V6, SigningCertificateV2WithoutIssuerSerialV2Verifies) {
  for (const std::string name : {"HU-seq99.xml", "SK-seq145.xml"}) {
    const std::string text = test::read_text(test::realdata() / "tl/2026" / name);
    ASSERT_TRUE(contains(text, "SigningCertificateV2")) << name;
    ASSERT_FALSE(contains(text, "IssuerSerialV2")) << name;
    expect_valid_v6(name);
  }
}

// ECDSA on P-256 (RFC 4051 §3.4.1 URIs): EL and SI with SHA-512, HU with SHA-256.
TEST_F(Real2026V6, EcdsaP256ListSignaturesVerify) {
  const std::pair<const char*, std::string_view> lists[] = {
      {"EL-seq85.xml", kEcdsaSha512}, {"SI-seq86.xml", kEcdsaSha512}, {"HU-seq99.xml", kEcdsaSha256}};
  for (const auto& [name, method] : lists) {
    const VerifiedList v = verify_2026(name);
    EXPECT_EQ(v.status, ListStatus::kValid) << name << "\n" << reasons(v);
    EXPECT_EQ(v.signature.signature_method, method) << name;
    EXPECT_EQ(*v.signature.signer_sha256, manifest_signer(name)) << name;
  }
}

// One changed character in the ECDSA SignatureValue (r || s) and the list is refused:
// the ECDSA verification really runs.
TEST_F(Real2026V6, AlteredEcdsaSignatureValueIsInvalid) {
  const VerifiedList v = verify_2026("EL-seq85.xml", [](std::string text) {
    const auto open = text.find("SignatureValue");
    const auto value = text.find('>', open) + 10;
    text[value] = text[value] == 'A' ? 'B' : 'A';
    return text;
  });
  EXPECT_NE(v.status, ListStatus::kValid);
  EXPECT_FALSE(v.reasons.empty());
}

// TS 119 612 §5.5.3: a service may be identified by DigitalId/Other (here a URI)
// instead of a certificate; SE lists its remote QSigCD management services that way.
TEST_F(Real2026V6, ServiceIdentifiedByAUriInsteadOfACertificate) {
  const VerifiedList v = verify_2026("SE-seq62.xml");
  ASSERT_EQ(v.status, ListStatus::kValid) << reasons(v);
  const tsl::ServiceState* found = nullptr;
  for (const auto& tsp : v.list->providers) {
    for (const auto& svc : tsp.services) {
      const auto& other = svc.current.identity.other;
      if (std::find(other.begin(), other.end(),
                    "http://uri.signatur.pts.se/SE556972428801/Remote-electronic-signature-creation-device") !=
          other.end()) {
        found = &svc.current;
      }
    }
  }
  ASSERT_NE(found, nullptr);
  EXPECT_TRUE(found->identity.certificates.empty());
  EXPECT_EQ(tsl::service_type_short(found->type_uri), "RemoteQSigCDManagement/Q");
  EXPECT_FALSE(tsl::service_type_name(found->type_uri).empty());
}

}  // namespace
}  // namespace eutl::verify
