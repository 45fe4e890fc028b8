// The bundled Official Journal anchors: their count per notice, equality with the oj/
// files they are compiled from, and with the EU pointer of the real LOTLs that followed
// each notice (so the bundle cannot drift); the anchor shape refused from a file.
#include "eutl/bundled_anchors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"

namespace eutl {
namespace {

namespace fs = std::filesystem;

std::set<std::string> fingerprints(const std::vector<tsl::Bytes>& ders) {
  std::set<std::string> out;
  for (const auto& d : ders) {
    out.insert(tsl::to_hex(tsl::sha256(d)));
  }
  return out;
}

std::set<std::string> bundled_fingerprints(std::string_view notice) {
  std::vector<tsl::Bytes> ders;
  for (const BundledAnchor& a : bundled_lotl_anchors()) {
    if (a.oj_reference == notice) {
      ders.push_back(a.der);
    }
  }
  return fingerprints(ders);
}

// The distinct X509Certificate values of the LOTL's own EU pointer
// (PointersToOtherTSL, ETSI TS 119 612 V2.4.1 §5.3.13).
std::set<std::string> eu_pointer_fingerprints(const fs::path& lotl_file) {
  auto bytes = tsl::read_file(lotl_file, tsl::FileKind::kList);
  EXPECT_TRUE(bytes) << lotl_file;
  auto list = tsl::parse_trusted_list(*bytes, lotl_file.string());
  EXPECT_TRUE(list) << lotl_file;
  std::vector<tsl::Bytes> ders;
  for (const tsl::OtherTslPointer& p : list->scheme.pointers) {
    if (p.territory != "EU") {
      continue;
    }
    for (const tsl::DigitalIdentity& id : p.identities) {
      for (const tsl::ListedCertificate& c : id.certificates) {
        ders.push_back(c.blob.der());
      }
    }
  }
  return fingerprints(ders);
}

TEST(BundledAnchors, EightFromOjC2762019AndSixFromOjC20261944ThirteenDistinct) {
  const auto all = bundled_lotl_anchors();
  EXPECT_EQ(std::ranges::count(all, std::string("OJ C 276/2019"), &BundledAnchor::oj_reference), 8);
  EXPECT_EQ(std::ranges::count(all, std::string("OJ C/2026/1944"), &BundledAnchor::oj_reference), 6);
  EXPECT_EQ(all.size(), 14u);
  EXPECT_EQ(bundled_lotl_anchor_certificates().size(), 13u);  // Patrick Kremer is in both notices
}

TEST(BundledAnchors, AreTheCertificatesOfTheShippedPemFiles) {
  for (const auto& [notice, file] : {std::pair{"OJ C 276/2019", "oj/oj-C276-2019-lotl-signers.pem"},
                                     std::pair{"OJ C/2026/1944", "oj/oj-C2026-1944-lotl-signers.pem"}}) {
    auto certs = verify::load_pem_certificates(test::source_dir() / file);
    ASSERT_TRUE(certs) << file;
    EXPECT_EQ(bundled_fingerprints(notice), fingerprints(*certs)) << file;
  }
}

TEST(BundledAnchors, OjC2762019EqualsTheEuPointerOfLotl248) {
  EUTL_REQUIRE_REALDATA();
  const auto pointer = eu_pointer_fingerprints(test::realdata() / "lotl/eu-lotl-seq248-2019-09-04.xml");
  EXPECT_EQ(pointer.size(), 8u);
  EXPECT_EQ(bundled_fingerprints("OJ C 276/2019"), pointer);
}

TEST(BundledAnchors, OjC20261944EqualsTheEuPointerOfLotl390) {
  EUTL_REQUIRE_REALDATA();
  const auto pointer = eu_pointer_fingerprints(test::realdata() / "lotl/eu-lotl-seq390-2026-08-03.xml");
  EXPECT_EQ(pointer.size(), 6u);
  EXPECT_EQ(bundled_fingerprints("OJ C/2026/1944"), pointer);
  EXPECT_TRUE(pointer.contains("e0a620fbb6747362bb933ac44169d676a553444716cf5f31605f12a22b8396b1"));
}

TEST(BundledAnchors, FactsNameTheNoticesSubjectAndValidity) {
  std::optional<AnchorFacts> kremer;
  for (const auto& der : bundled_lotl_anchor_certificates()) {
    auto f = anchor_facts(der);
    ASSERT_TRUE(f);
    EXPECT_FALSE(f->oj_references.empty()) << f->subject;
    if (f->sha256 == "d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474") {
      kremer = *f;
    }
  }
  ASSERT_TRUE(kremer);
  EXPECT_EQ(kremer->oj_references, (std::vector<std::string>{"OJ C 276/2019", "OJ C/2026/1944"}));
  EXPECT_NE(kremer->subject.find("CN=Patrick Kremer (Signature)"), std::string::npos);
  EXPECT_EQ(tsl::format_time(kremer->not_after), "2028-05-30T23:59:59Z");
}

TEST(BundledAnchors, CertificateNotBundledHasNoReference) {
  auto fixture = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  ASSERT_TRUE(fixture);
  EXPECT_TRUE(bundled_oj_references(fixture->front()).empty());
}

TEST(LoadLotlAnchors, AcceptsListSignersAndCas) {
  for (const fs::path& f : {test::fixtures() / "pki/oj-anchors.pem", test::fixtures() / "pki/signer-ca.pem",
                            test::source_dir() / "oj/oj-C276-2019-lotl-signers.pem",
                            test::source_dir() / "oj/oj-C2026-1944-lotl-signers.pem"}) {
    auto a = load_lotl_anchors(f);
    EXPECT_TRUE(a) << f << ": " << (a ? "" : a.error().message);
  }
}

TEST(LoadLotlAnchors, RefusesATlsServerCertificateNamingFileAndCertificate) {
  const fs::path f = test::fixtures() / "certs/qwac.pem";
  auto a = load_lotl_anchors(f);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Errc::kUsage);
  EXPECT_NE(a.error().message.find(f.string()), std::string::npos) << a.error().message;
  EXPECT_NE(a.error().message.find("CN=qwac.example.test"), std::string::npos) << a.error().message;
  EXPECT_NE(a.error().message.find("cannot be a LOTL anchor"), std::string::npos) << a.error().message;
}

}  // namespace
}  // namespace eutl
