// The algorithm rules of the list signature (verify/detail/signature.h, after ETSI
// TS 119 312): SHA-1 after the 2016-07-01 cut-off, MD5, RSA below 1024 bits and
// unknown methods. The fixtures are valid signatures by trusted keys (xmlsec1 checks
// them in fixtures/generate.sh), so the algorithm rule is the only thing that can
// reject them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"
#include "verify/detail/signature.h"
#include "tests/verify/signature_reasons.h"

namespace eutl::verify::trust {
namespace {

using test_support::only_reason;
using test_support::reason_codes;

using test::edit;
using test::read_fixture_text;

SignatureCheck check_text(const std::string& text, const char* signer) {
  TrustedSet set;
  auto certs = load_pem_certificates(test::fixtures() / "pki" / signer);
  EXPECT_TRUE(certs.has_value()) << signer;
  if (certs) {
    for (const auto& c : *certs) add_trusted(set, c, signer);
  }
  auto doc = tsl::XmlDocument::parse(tsl::as_bytes(text), "weak.xml");
  EXPECT_TRUE(doc.has_value());
  SignatureRequest req;
  req.trusted = &set;
  return doc ? check_list_signature(*doc, req) : SignatureCheck{};
}

TEST(SignatureWeakAlgorithms, Sha1AfterCutOffIsWeak) {
  // MANIFEST: ecdsa-sha1 with sha1 reference digests, SigningTime 2025-01-01.
  auto r = check_text(read_fixture_text(test::fixtures() / "bad/tl-AA-sha1-after-cutoff.xml"), "tl-signer-AA.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-weak")) << reason_codes(r);
}

TEST(SignatureWeakAlgorithms, Rsa512IsWeak) {
  auto r = check_text(read_fixture_text(test::fixtures() / "bad/tl-CC-rsa512.xml"), "tl-signer-CC-rsa512.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-weak")) << reason_codes(r);
}

TEST(SignatureWeakAlgorithms, Md5MethodIsWeakBeforeAnyCrypto) {
  std::string text = edit(read_fixture_text(test::fixtures() / "lists/tl-CC.xml"),
                          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                          "http://www.w3.org/2001/04/xmldsig-more#rsa-md5");
  auto r = check_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-weak")) << reason_codes(r);
}

TEST(SignatureWeakAlgorithms, ParameterisedPssIsUnsupportedNotPassed) {
  // RFC 6931 §2.3.11 #rsa-pss (with RSASSA-PSS-params) is not implemented; the
  // §2.3.10 shaNNN-rsa-MGF1 methods are (tests/verify/xmlsec_rsa_pss_test.cpp).
  std::string text = edit(read_fixture_text(test::fixtures() / "pss/tl-CC-pss.xml"),
                          "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
                          "http://www.w3.org/2007/05/xmldsig-more#rsa-pss");
  auto r = check_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kIndeterminate);
  EXPECT_TRUE(only_reason(r, "sig-algorithm-unsupported")) << reason_codes(r);
}

TEST(SignatureWeakAlgorithms, Pkcs1ListRelabelledAsPssIsInvalidNotUnsupported) {
  // Before RSA-PSS support this was sig-algorithm-unsupported; now the value is checked.
  std::string text = edit(read_fixture_text(test::fixtures() / "lists/tl-CC.xml"),
                          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                          "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");
  auto r = check_text(text, "tl-signer-CC.pem");
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(only_reason(r, "sig-value-invalid")) << reason_codes(r);
}

ListSetResult verify_files(const std::vector<std::filesystem::path>& files) {
  ListSetRequest req;
  auto anchors = load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  EXPECT_TRUE(anchors.has_value());
  if (anchors) req.lotl_anchors = *anchors;
  req.at = test::at("2025-03-01T00:00:00Z");
  return verify_list_set(test::load_inputs(files), req);
}

TEST(SignatureWeakAlgorithms, Rsa512SignerAnnouncedInThePointerIsStillRejected) {
  // bad/lotl-cc-rsa512.xml lists both CC signers; the 2048-bit one makes tl-CC.xml
  // valid (the control), the 512-bit one must not make tl-CC-rsa512.xml valid.
  const auto f = test::fixtures();
  auto r = verify_files({f / "lists/pivot-101.xml", f / "bad/lotl-cc-rsa512.xml", f / "lists/tl-CC.xml",
                f / "bad/tl-CC-rsa512.xml"});
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kValid) << test::codes(r.lists[*r.lotl]);
  const auto* good = test::find(r, "lists/tl-CC.xml");
  const auto* weak = test::find(r, "tl-CC-rsa512.xml");
  ASSERT_TRUE(good != nullptr && weak != nullptr);
  EXPECT_EQ(good->status, ListStatus::kValid) << test::codes(*good);
  EXPECT_EQ(weak->status, ListStatus::kInvalid);
  EXPECT_TRUE(test::has_reason(*weak, "sig-algorithm-weak")) << test::codes(*weak);
  EXPECT_FALSE(test::has_reason(*weak, "signer-not-in-pointer")) << test::codes(*weak);
}

TEST(SignatureWeakAlgorithms, Sha1ListFromTheRightSignerIsInvalidInTheListSet) {
  const auto f = test::fixtures();
  auto r = verify_files({f / "lists/pivot-101.xml", f / "lists/lotl.xml", f / "bad/tl-AA-sha1-after-cutoff.xml"});
  const auto* weak = test::find(r, "tl-AA-sha1-after-cutoff.xml");
  ASSERT_NE(weak, nullptr);
  EXPECT_EQ(weak->status, ListStatus::kInvalid);
  EXPECT_TRUE(test::has_reason(*weak, "sig-algorithm-weak")) << test::codes(*weak);
  EXPECT_FALSE(test::has_reason(*weak, "signer-not-in-pointer")) << test::codes(*weak);
}

}  // namespace
}  // namespace eutl::verify::trust
