// check_list_signature on single documents: the key is always the trusted
// certificate's, the algorithms of the fixtures (ECDSA P-256, brainpool, RSA) work,
// and a real list verifies with the signer the MANIFEST names.
#include <gtest/gtest.h>

#include "eutl/tsl/xml_document.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"
#include "verify/detail/signature.h"
#include "tests/verify/signature_reasons.h"

namespace eutl::verify::trust {
namespace {

using test_support::has_reason;

TrustedSet trusted_from(const std::filesystem::path& pem, const std::string& label = "test") {
  TrustedSet set;
  auto certs = load_pem_certificates(pem);
  EXPECT_TRUE(certs.has_value()) << pem;
  if (certs) {
    for (const auto& c : *certs) add_trusted(set, c, label);
  }
  return set;
}

tsl::XmlDocument parse(const std::filesystem::path& file) {
  auto bytes = tsl::read_file(file);
  EXPECT_TRUE(bytes.has_value()) << file;
  auto doc = tsl::XmlDocument::parse(*bytes, file.string());
  EXPECT_TRUE(doc.has_value()) << file;
  return std::move(*doc);
}

SignatureCheck check(const tsl::XmlDocument& doc, const TrustedSet& trusted,
                     RequireSigningCertV2 v2 = RequireSigningCertV2::kNo) {
  SignatureRequest req;
  req.trusted = &trusted;
  req.require_v2 = v2;
  return check_list_signature(doc, req);
}

struct AlgCase {
  const char* list;
  const char* signer;
  RequireSigningCertV2 v2;
};

TEST(SignatureXades, FixtureListsVerifyWithTheirSigner) {
  // MANIFEST.txt: AA ECDSA P-256, BB brainpoolP256r1 (v6, V2), CC RSA 2048.
  const AlgCase cases[] = {{"tl-AA.xml", "tl-signer-AA.pem", RequireSigningCertV2::kNo},
                           {"tl-BB.xml", "tl-signer-BB.pem", RequireSigningCertV2::kYes},
                           {"tl-CC.xml", "tl-signer-CC.pem", RequireSigningCertV2::kNo},
                           {"pivot-101.xml", "oj-anchor-1.pem", RequireSigningCertV2::kNo}};
  for (const auto& c : cases) {
    auto doc = parse(test::fixtures() / "lists" / c.list);
    auto trusted = trusted_from(test::fixtures() / "pki" / c.signer, "signer");
    auto r = check(doc, trusted, c.v2);
    EXPECT_EQ(r.outcome, Outcome::kPass) << c.list << ": " << (r.reasons.empty() ? "" : r.reasons[0].message);
    EXPECT_EQ(r.info.matched, "signer") << c.list;
    EXPECT_TRUE(r.info.signing_time.has_value()) << c.list;
  }
}

TEST(SignatureXades, KeyInfoCertificateAloneIsNotTrusted) {
  auto doc = parse(test::fixtures() / "lists/tl-AA.xml");
  auto other = trusted_from(test::fixtures() / "pki/tl-signer-BB.pem");
  auto r = check(doc, other);
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r, "signer-not-trusted"));
  EXPECT_TRUE(r.info.matched.empty());
  EXPECT_FALSE(has_reason(r, "sig-digest-mismatch"));  // the content itself is intact
}

// KeyInfo lies inside the Signature, outside what the references sign: without it
// the signer is named only by the signed SigningCertificate digest, and the check
// must verify on the document itself (PreparedSignature::needs_document).
tsl::XmlDocument without_keyinfo() {
  std::string text = test::read_fixture_text(test::fixtures() / "lists/tl-AA.xml");
  auto from = text.find("<ds:KeyInfo>");
  auto to = text.find("</ds:KeyInfo>");
  EXPECT_NE(from, std::string::npos);
  EXPECT_NE(to, std::string::npos);
  text.erase(from, to + std::string_view("</ds:KeyInfo>").size() - from);
  auto doc = tsl::XmlDocument::parse(tsl::as_bytes(text), "no-keyinfo.xml");
  EXPECT_TRUE(doc.has_value());
  return std::move(*doc);
}

TEST(SignatureXades, SignerNamedOnlyBySigningCertificateVerifiesOnTheDocument) {
  auto doc = without_keyinfo();
  auto trusted = trusted_from(test::fixtures() / "pki/tl-signer-AA.pem", "signer");
  PreparedSignature prepared = prepare_signature(doc);
  EXPECT_TRUE(prepared.needs_document);
  EXPECT_TRUE(prepared.candidates.empty());
  SignatureRequest req;
  req.trusted = &trusted;
  auto r = check_list_signature(prepared, req, &doc);
  EXPECT_EQ(r.outcome, Outcome::kPass) << (r.reasons.empty() ? "" : r.reasons[0].message);
  EXPECT_EQ(r.info.matched, "signer");
  // Without the document there is nothing to verify on: never a pass.
  auto gone = check_list_signature(prepared, req, nullptr);
  EXPECT_EQ(gone.outcome, Outcome::kIndeterminate);
  EXPECT_TRUE(has_reason(gone, "sig-verify-error"));
}

TEST(SignatureXades, SignerNamedOnlyBySigningCertificateMustStillBeTrusted) {
  auto doc = without_keyinfo();
  auto other = trusted_from(test::fixtures() / "pki/tl-signer-BB.pem");
  auto r = check(doc, other);
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r, "signer-not-trusted"));
}

TEST(SignatureXades, EmptyTrustedSetFails) {
  auto doc = parse(test::fixtures() / "lists/tl-AA.xml");
  TrustedSet none;
  EXPECT_EQ(check(doc, none).outcome, Outcome::kFail);
}

TEST(SignatureXades, CheckingTwiceOnOneDocumentGivesTheSameAnswer) {
  auto doc = parse(test::fixtures() / "lists/tl-AA.xml");
  auto trusted = trusted_from(test::fixtures() / "pki/tl-signer-AA.pem");
  EXPECT_EQ(check(doc, trusted).outcome, Outcome::kPass);
  EXPECT_EQ(check(doc, trusted).outcome, Outcome::kPass);
}

TEST(SignatureXades, V2RequiredButV1Used) {
  auto doc = parse(test::fixtures() / "bad/tl-BB-v6-sigcert-v1.xml");
  auto trusted = trusted_from(test::fixtures() / "pki/tl-signer-BB.pem");
  auto r = check(doc, trusted, RequireSigningCertV2::kYes);
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r, "signing-cert-v1-in-v6"));
  EXPECT_FALSE(has_reason(r, "sig-digest-mismatch"));
}

TEST(SignatureXades, RealListVerifiesWithManifestSigner) {
  EUTL_REQUIRE_REALDATA();
  // MANIFEST: tl/2023/AT-seq63.xml verifies with signers/AT-seq63.signer.pem (2/2 refs).
  auto doc = parse(test::realdata() / "tl/2023/AT-seq63.xml");
  auto trusted = trusted_from(test::realdata() / "signers/AT-seq63.signer.pem");
  auto r = check(doc, trusted);
  EXPECT_EQ(r.outcome, Outcome::kPass) << (r.reasons.empty() ? "" : r.reasons[0].message);
  EXPECT_EQ(r.info.signature_method, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
}

TEST(SignatureXades, RealAlteredListFailsOnTheDigest) {
  EUTL_REQUIRE_REALDATA();
  // MANIFEST: broken/CZ-seq77-broken-sig.xml FAIL (refs ok/all 0/1) with its own signer.
  auto doc = parse(test::realdata() / "broken/CZ-seq77-broken-sig.xml");
  auto trusted = trusted_from(test::realdata() / "signers/CZ-seq77-broken-sig.signer.pem");
  auto r = check(doc, trusted);
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r, "sig-digest-mismatch"));
}

}  // namespace
}  // namespace eutl::verify::trust
