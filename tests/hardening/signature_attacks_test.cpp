// Signature attacks on a validly signed list (fixtures/lists/tl-AA.xml, signed by
// xmlsec1 with tl-signer-AA): each variant is made here by editing the signed bytes,
// so no variant carries a fresh signature. A variant may pass only when canonical
// XML (C14N 1.0 without comments) cannot see the edit, and then the list we read
// must be exactly the signed one.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/xml_document.h"
#include "fuzz/list_fingerprint.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"
#include "verify/detail/signature.h"
#include "tests/verify/signature_reasons.h"

namespace eutl::verify::trust {
namespace {

using test_support::has_reason;

using test::edit;
using test::read_fixture_text;

const std::string& original() {
  static const std::string kText = read_fixture_text(test::fixtures() / "lists/tl-AA.xml");
  return kText;
}

const TrustedSet& trusted() {
  static const TrustedSet kSet = [] {
    TrustedSet set;
    auto certs = load_pem_certificates(test::fixtures() / "pki/tl-signer-AA.pem");
    EXPECT_TRUE(certs.has_value());
    if (certs) {
      for (const auto& c : *certs) add_trusted(set, c, "tl-signer-AA");
    }
    return set;
  }();
  return kSet;
}

// The root element of the original, without its ds:Signature and with another Id.
std::string unsigned_copy(std::string_view new_id) {
  std::string s = original();
  s.erase(0, s.find("<TrustServiceStatusList"));
  auto sig = s.find("<ds:Signature ");
  auto end = s.find("</ds:Signature>");
  s.erase(sig, end + std::string_view("</ds:Signature>").size() - sig);
  return edit(s, "Id=\"tsl-AA-7\"", "Id=\"" + std::string(new_id) + "\"");
}

struct Outcome3 final {
  bool parsed = false;
  SignatureCheck check;
  std::string fingerprint;  // of the list read, when readable
};

Outcome3 run(const std::string& text) {
  Outcome3 out;
  auto doc = tsl::XmlDocument::parse(tsl::as_bytes(text), "attack.xml");
  if (!doc) return out;
  out.parsed = true;
  SignatureRequest req;
  req.trusted = &trusted();
  out.check = check_list_signature(*doc, req);
  if (auto list = tsl::read_trusted_list(*doc)) out.fingerprint = fuzz::fingerprint(*list);
  return out;
}

std::string reasons_of(const SignatureCheck& c) {
  std::string s;
  for (const auto& r : c.reasons) s += r.code + " ";
  return s;
}

const std::string& original_fingerprint() {
  static const std::string kFp = run(original()).fingerprint;
  return kFp;
}

TEST(HardeningSignature, OriginalPassesAsABaseline) {
  auto r = run(original());
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kPass) << reasons_of(r.check);
  EXPECT_FALSE(original_fingerprint().empty());
}

// Edits that C14N 1.0 (without comments) does not see: the signature still holds,
// and what we read must be what was signed.
struct InvisibleCase {
  const char* name;
  const char* from;
  const char* to;
};

TEST(HardeningSignature, EditsInvisibleToC14nPassAndReadTheSignedList) {
  const InvisibleCase cases[] = {
      {"comment between elements", "<SchemeInformation>", "<SchemeInformation><!-- inserted -->"},
      {"comment inside a service name", ">Alpha Qualified CA 1<", ">Alpha Qualified<!-- x --> CA 1<"},
      {"comment inside the sequence number", "<TSLSequenceNumber>7<", "<TSLSequenceNumber><!--8-->7<!--9--><"},
      {"CDATA for the sequence number", "<TSLSequenceNumber>7<", "<TSLSequenceNumber><![CDATA[7]]><"},
      {"character reference in the sequence number", "<TSLSequenceNumber>7<", "<TSLSequenceNumber>&#55;<"},
      {"comment after the root", "</TrustServiceStatusList>", "</TrustServiceStatusList><!-- trailing -->"},
  };
  for (const auto& c : cases) {
    auto r = run(edit(original(), c.from, c.to));
    ASSERT_TRUE(r.parsed) << c.name;
    EXPECT_EQ(r.check.outcome, Outcome::kPass) << c.name << ": " << reasons_of(r.check);
    EXPECT_EQ(r.fingerprint, original_fingerprint()) << c.name << ": the list read is not the list signed";
  }
}

// Edits C14N does see: the signature must fail on the digest, even when our reader
// would read the same model (trimmed white space).
TEST(HardeningSignature, EditsVisibleToC14nFailOnTheDigest) {
  const InvisibleCase cases[] = {
      {"PI inside signed content", "<SchemeInformation>", "<SchemeInformation><?evil payload?>"},
      // URI="" signs the whole document node: C14N keeps PIs outside the root element too.
      {"PI before the root", "<TrustServiceStatusList ", "<?xml-stylesheet href=\"x\"?><TrustServiceStatusList "},
      {"one letter of a service name", ">Alpha Qualified CA 1<", ">Alpha Qualified CA 2<"},
      {"white space around the sequence number", "<TSLSequenceNumber>7<", "<TSLSequenceNumber> 7 <"},
      {"service status", "Svcstatus/granted</ServiceStatus>", "Svcstatus/withdrawn</ServiceStatus>"},
      {"attribute added", "<SchemeInformation>", "<SchemeInformation xml:lang=\"en\">"},
      {"second TrustServiceStatusList inside the root", "<ds:Signature ",
       "<TrustServiceStatusList Id=\"forged\"/><ds:Signature "},
      {"default namespace rebound on the root", "<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\"",
       "<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#evil\""},
  };
  for (const auto& c : cases) {
    auto r = run(edit(original(), c.from, c.to));
    ASSERT_TRUE(r.parsed) << c.name;
    EXPECT_NE(r.check.outcome, Outcome::kPass) << c.name;
    EXPECT_TRUE(has_reason(r.check, "sig-digest-mismatch")) << c.name << ": " << reasons_of(r.check);
  }
}

TEST(HardeningSignature, SignedListMovedUnderAnObjectOfAForgedRoot) {
  // The forged list (Id changed, a service renamed) becomes the root and keeps the
  // genuine signature; the genuine list, unsigned, hides in a ds:Object.
  std::string forged = edit(original(), ">Alpha Qualified CA 1<", ">Mallory CA<");
  forged = edit(forged, "<ds:Object>", "<ds:Object>" + unsigned_copy("tsl-AA-7-moved"));
  auto r = run(forged);
  ASSERT_TRUE(r.parsed);
  EXPECT_NE(r.check.outcome, Outcome::kPass);
  EXPECT_TRUE(has_reason(r.check, "sig-digest-mismatch")) << reasons_of(r.check);
}

TEST(HardeningSignature, SignedListMovedUnderAnObjectKeepingItsId) {
  // Same, but the hidden genuine list keeps Id="tsl-AA-7": a duplicate Id.
  std::string forged = edit(original(), ">Alpha Qualified CA 1<", ">Mallory CA<");
  forged = edit(forged, "<ds:Object>", "<ds:Object>" + unsigned_copy("tsl-AA-7"));
  auto r = run(forged);
  ASSERT_TRUE(r.parsed);
  EXPECT_NE(r.check.outcome, Outcome::kPass);
  EXPECT_TRUE(has_reason(r.check, "sig-duplicate-id")) << reasons_of(r.check);
}

TEST(HardeningSignature, GenuineListWrappedUnderAForeignRoot) {
  // <Wrapper> holds a forged list first and the genuine signed list second.
  std::string genuine = original();
  genuine.erase(0, genuine.find("<TrustServiceStatusList"));
  std::string doc = "<?xml version=\"1.0\"?><Wrapper xmlns=\"urn:example:wrapper\">" +
                    edit(unsigned_copy("forged"), ">Alpha Qualified CA 1<", ">Mallory CA<") + genuine + "</Wrapper>";
  auto r = run(doc);
  ASSERT_TRUE(r.parsed);
  EXPECT_NE(r.check.outcome, Outcome::kPass) << reasons_of(r.check);
  EXPECT_TRUE(r.fingerprint.empty() || r.fingerprint != original_fingerprint());
}

TEST(HardeningSignature, SecondSignedPropertiesWithTheSameIdIsRefused) {
  // XAdES wrapping: a forged SignedProperties (another signing time) with the signed one's Id.
  std::string doc = edit(original(), "</ds:Signature>",
                         "<ds:Object><xades:QualifyingProperties Target=\"#sig-AA-7\"><xades:SignedProperties "
                         "Id=\"xades-AA-7\"><xades:SignedSignatureProperties><xades:SigningTime>2015-01-01T00:00:"
                         "00Z</xades:SigningTime></xades:SignedSignatureProperties></xades:SignedProperties></"
                         "xades:QualifyingProperties></ds:Object></ds:Signature>");
  auto r = run(doc);
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r.check, "sig-duplicate-id")) << reasons_of(r.check);
}

TEST(HardeningSignature, DuplicateRootIdElsewhereIsRefused) {
  std::string doc = edit(original(), "<SchemeInformation>", "<SchemeInformation Id=\"tsl-AA-7\">");
  auto r = run(doc);
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r.check, "sig-duplicate-id")) << reasons_of(r.check);
}

TEST(HardeningSignature, SignatureInAnotherNamespaceIsNotASignature) {
  // The ds prefix of the Signature element rebound to a look-alike URI.
  std::string doc = edit(original(), "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"",
                         "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#x\"");
  auto r = run(doc);
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r.check, "sig-missing")) << reasons_of(r.check);
}

TEST(HardeningSignature, ReferenceToANonRootIdIsRefused) {
  // Made and validly signed by fixtures/generate.sh (xmlsec1): Reference 1 points at
  // the SchemeInformation's Id, not at the document.
  auto r = run(read_fixture_text(test::fixtures() / "bad/tl-AA-subelement-ref.xml"));
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r.check, "sig-ref-not-whole-document")) << reasons_of(r.check);
}

TEST(HardeningSignature, SignatureValueBitFlipFails) {
  std::string doc = original();
  auto at = doc.find("<ds:SignatureValue>");
  ASSERT_NE(at, std::string::npos);
  at += std::string_view("<ds:SignatureValue>").size() + 10;
  doc[at] = doc[at] == 'A' ? 'B' : 'A';
  auto r = run(doc);
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.check.outcome, Outcome::kFail);
  EXPECT_TRUE(has_reason(r.check, "sig-value-invalid")) << reasons_of(r.check);
}

}  // namespace
}  // namespace eutl::verify::trust
