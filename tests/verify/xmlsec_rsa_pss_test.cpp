// RSA-PSS list signatures (verify/xmlsec_rsa_pss.cpp, RFC 6931 §2.3.10) through
// check_list_signature and verify_list_set. The pss/ fixtures are re-signed with
// openssl by fixtures/generate.sh, which also checks each one's PSS outcome with
// openssl alone, so a pass here is not the code agreeing with itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"
#include "verify/detail/signature.h"
#include "tests/verify/signature_reasons.h"

namespace eutl::verify::trust {
namespace {

using test_support::has_reason;
using test_support::only_reason;
using test_support::reason_codes;

using test::edit;
using test::read_fixture_text;

constexpr std::string_view kPss256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

std::string fixture(const char* rel) { return read_fixture_text(test::fixtures() / rel); }

TrustedSet trusted_signer(const char* signer) {
  TrustedSet set;
  auto certs = load_pem_certificates(test::fixtures() / "pki" / signer);
  EXPECT_TRUE(certs.has_value()) << signer;
  if (certs) {
    for (const auto& c : *certs) add_trusted(set, c, signer);
  }
  return set;
}

SignatureCheck check_pss_text(const std::string& text, const TrustedSet& set) {
  auto doc = tsl::XmlDocument::parse(tsl::as_bytes(text), "pss.xml");
  EXPECT_TRUE(doc.has_value());
  SignatureRequest req;
  req.trusted = &set;
  return doc ? check_list_signature(*doc, req) : SignatureCheck{};
}

SignatureCheck check_pss_text(const std::string& text, const char* signer) { return check_pss_text(text, trusted_signer(signer)); }

struct ValidCase {
  const char* file;
  const char* signer;
  const char* method;
};

TEST(SignatureRsaPss, EveryRfc6931DigestVerifiesWithTheTrustedKey) {
  // MANIFEST: pss/ valid files; the LOTL is signed by the RSA OJ-style anchor.
  const ValidCase cases[] = {
      {"pss/tl-CC-pss.xml", "tl-signer-CC.pem", "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"},
      {"pss/tl-CC-pss-sha224.xml", "tl-signer-CC.pem", "http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1"},
      {"pss/tl-CC-pss-sha384.xml", "tl-signer-CC.pem", "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1"},
      {"pss/tl-CC-pss-sha512.xml", "tl-signer-CC.pem", "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1"},
      {"pss/lotl-pss.xml", "oj-anchor-rsa.pem", "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1"},
  };
  for (const auto& c : cases) {
    auto r = check_pss_text(fixture(c.file), c.signer);
    EXPECT_EQ(r.outcome, Outcome::kPass) << c.file << ": " << reason_codes(r);
    EXPECT_EQ(r.info.signature_method, c.method) << c.file;
  }
}

struct InvalidCase {
  const char* file;
  const char* signer;
  const char* why;
};

TEST(SignatureRsaPss, MismatchedOrAlteredSignaturesAreInvalid) {
  // Each file has intact references; only the signature value fails (MANIFEST).
  const InvalidCase cases[] = {
      {"pss/tl-CC-pss-altered.xml", "tl-signer-CC.pem", "SignedInfo changed after signing"},
      {"pss/tl-CC-pkcs1-as-pss.xml", "tl-signer-CC.pem", "PKCS#1 v1.5 value under a PSS method"},
      {"pss/tl-CC-pss-as-pkcs1.xml", "tl-signer-CC.pem", "PSS value under rsa-sha256"},
      {"pss/tl-CC-pss-salt20.xml", "tl-signer-CC.pem", "salt 20 instead of the digest length"},
  };
  for (const auto& c : cases) {
    auto r = check_pss_text(fixture(c.file), c.signer);
    EXPECT_EQ(r.outcome, Outcome::kFail) << c.why;
    EXPECT_TRUE(only_reason(r, "sig-value-invalid")) << c.why << ": " << reason_codes(r);
  }
}

TEST(SignatureRsaPss, DigestSwappedInTheMethodIsInvalid) {
  // sha256 -> sha384 in SignatureMethod: another SignedInfo and another hash.
  auto text = edit(fixture("pss/tl-CC-pss.xml"), kPss256, "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1");
  auto r = check_pss_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-value-invalid")) << reason_codes(r);
}

TEST(SignatureRsaPss, ChangedContentFailsOnTheReferenceDigest) {
  auto text = edit(fixture("pss/tl-CC-pss.xml"), "<TSLSequenceNumber>12<", "<TSLSequenceNumber>13<");
  auto r = check_pss_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r, "sig-digest-mismatch")) << reason_codes(r);
}

TEST(SignatureRsaPss, EcSignerKeyUnderPssMethodIsRefusedWithItsReason) {
  auto r = check_pss_text(fixture("pss/tl-AA-pss-ec-key.xml"), "tl-signer-AA.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  ASSERT_TRUE(only_reason(r, "sig-value-invalid")) << reason_codes(r);
  EXPECT_NE(r.reasons[0].message.find("needs an RSA key"), std::string::npos) << r.reasons[0].message;
  EXPECT_NE(r.reasons[0].message.find("is EC"), std::string::npos) << r.reasons[0].message;
}

TEST(SignatureRsaPss, Rsa512KeyIsWeakUnderPssToo) {
  // bad/tl-CC-rsa512.xml relabelled: the key-size rule comes before any crypto.
  auto text = edit(fixture("bad/tl-CC-rsa512.xml"), "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", kPss256);
  auto r = check_pss_text(text, "tl-signer-CC-rsa512.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-weak")) << reason_codes(r);
}

TEST(SignatureRsaPss, Sha1PssAfterTheCutOffIsWeak) {
  auto text = edit(fixture("pss/tl-CC-pss.xml"), kPss256, "http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1");
  auto r = check_pss_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-weak")) << reason_codes(r);
}

TEST(SignatureRsaPss, ParametersUnderAParameterlessMethodAreRefused) {
  // RFC 6931 §2.3.10 methods take no RSAPSSParams; one here is not silently ignored.
  const std::string open = "<ds:SignatureMethod Algorithm=\"" + std::string(kPss256) + "\"";
  auto text = edit(fixture("pss/tl-CC-pss.xml"), open + "/>",
                   open + "><pss:RSAPSSParams xmlns:pss=\"http://www.w3.org/2007/05/xmldsig-more#\">"
                          "<pss:SaltLength>32</pss:SaltLength></pss:RSAPSSParams></ds:SignatureMethod>");
  auto r = check_pss_text(text, "tl-signer-CC.pem");
  EXPECT_NE(r.outcome, Outcome::kPass);
  EXPECT_TRUE(only_reason(r, "sig-verify-error")) << reason_codes(r);
}

TEST(SignatureRsaPss, KeyInfoSignerAloneIsNotTrusted) {
  auto r = check_pss_text(fixture("pss/tl-CC-pss.xml"), "tl-signer-BB.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "signer-not-trusted")) << reason_codes(r);  // the diagnostic finds the content intact
}

TEST(SignatureRsaPss, ParallelVerificationsGiveTheSameAnswers) {
  // One transform instance per verification: nothing shared between threads.
  const std::string good = fixture("pss/tl-CC-pss.xml");
  const std::string bad = fixture("pss/tl-CC-pss-salt20.xml");
  const TrustedSet set = trusted_signer("tl-signer-CC.pem");
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        wrong[t] += check_pss_text(good, set).outcome != Outcome::kPass;
        wrong[t] += check_pss_text(bad, set).outcome != Outcome::kFail;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < wrong.size(); ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

ListSetResult run_pss_set(const std::vector<const char*>& files) {
  ListSetRequest req;
  auto anchors = load_pem_certificates(test::fixtures() / "pki/oj-anchor-rsa.pem");
  EXPECT_TRUE(anchors.has_value());
  if (anchors) req.lotl_anchors = *anchors;
  req.at = test::at("2025-03-01T00:00:00Z");
  req.threads = 2;
  std::vector<std::filesystem::path> paths;
  for (const char* f : files) paths.push_back(test::fixtures() / f);
  return verify_list_set(test::load_inputs(paths), req);
}

TEST(SignatureRsaPss, PssLotlAndPssNationalListAreValidInTheListSet) {
  auto r = run_pss_set({"pss/lotl-pss.xml", "pss/tl-CC-pss.xml", "pss/tl-CC-pss-sha384.xml"});
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kValid) << test::codes(r.lists[*r.lotl]);
  for (const char* f : {"tl-CC-pss.xml", "tl-CC-pss-sha384.xml"}) {
    const auto* l = test::find(r, f);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->status, ListStatus::kValid) << f << ": " << test::codes(*l);
  }
}

TEST(SignatureRsaPss, BadPssListsFromTheRightSignerAreInvalidInTheListSet) {
  auto r = run_pss_set({"pss/lotl-pss.xml", "pss/tl-CC-pss-altered.xml", "pss/tl-CC-pkcs1-as-pss.xml",
                        "pss/tl-CC-pss-as-pkcs1.xml", "pss/tl-CC-pss-salt20.xml"});
  for (const char* f : {"tl-CC-pss-altered.xml", "tl-CC-pkcs1-as-pss.xml", "tl-CC-pss-as-pkcs1.xml",
                        "tl-CC-pss-salt20.xml"}) {
    const auto* l = test::find(r, f);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->status, ListStatus::kInvalid) << f;
    EXPECT_TRUE(test::has_reason(*l, "sig-value-invalid")) << f << ": " << test::codes(*l);
    EXPECT_FALSE(test::has_reason(*l, "signer-not-in-pointer")) << f << ": " << test::codes(*l);
  }
}

}  // namespace
}  // namespace eutl::verify::trust
