// The fast canonicalization (verify/xmlsec_fast_c14n.cpp) against xmlsec's own
// chains: on every real and generated list, and on edits inside and outside the
// signed content, SignedProperties and SignedInfo, both must reach the same verdict,
// and the fast path must actually have run for all three node sets.
#include <gtest/gtest.h>

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"
#include "verify/detail/signature.h"
#include "verify/detail/signature_structure.h"
#include "verify/detail/x509.h"
#include "verify/detail/xmlsec_verify.h"
#include "verify/detail/xmlsec_fast_c14n.h"

namespace eutl::verify::trust {
namespace {

using test::edit;
using test::read_fixture_text;

X509Ptr first_certificate(const std::filesystem::path& pem) {
  auto certs = load_pem_certificates(pem);
  EXPECT_TRUE(certs && !certs->empty()) << pem;
  return certs && !certs->empty() ? decode_x509(certs->front()) : X509Ptr();
}

struct BothPaths final {
  XmlsecStatus fast = XmlsecStatus::kError;
  XmlsecStatus xmlsec = XmlsecStatus::kError;
  FastC14NCounts fast_runs;  // chains the fast path rebuilt while verifying
};

FastC14NCounts operator-(const FastC14NCounts& a, const FastC14NCounts& b) {
  return {a.whole_document - b.whole_document, a.id_reference - b.id_reference, a.signed_info - b.signed_info,
          a.own_writer - b.own_writer};
}

// The document reference, the SignedProperties reference and SignedInfo, all three
// written by verify/c14n_writer.cpp.
void expect_all_fast(const FastC14NCounts& runs, const std::string& what) {
  EXPECT_EQ(runs.whole_document, 1u) << what;
  EXPECT_EQ(runs.own_writer, 3u) << what;
  EXPECT_EQ(runs.id_reference, 1u) << what;
  EXPECT_EQ(runs.signed_info, 1u) << what;
}

// Verifies `text` twice with `key`, on two separately parsed documents.
BothPaths verify_both(const std::string& text, EVP_PKEY* key) {
  BothPaths out;
  for (auto path : {C14NPath::kFast, C14NPath::kXmlsecOnly}) {
    auto doc = tsl::XmlDocument::parse(tsl::as_bytes(text), "equivalence.xml");
    if (!doc) {
      ADD_FAILURE() << "does not parse";
      return out;
    }
    SignatureStructure st;
    std::vector<Reason> reasons;
    if (read_signature_structure(*doc, st, reasons) != Outcome::kPass) {
      ADD_FAILURE() << "structure rejected: " << (reasons.empty() ? "" : reasons.front().code);
      return out;
    }
    FastC14NCounts before = fast_c14n_counts();
    XmlsecResult r = xmlsec_verify(st.signature, key, path);
    FastC14NCounts runs = fast_c14n_counts() - before;
    if (path == C14NPath::kFast) {
      out.fast = r.status;
      out.fast_runs = runs;
    } else {
      out.xmlsec = r.status;
      EXPECT_EQ(runs.whole_document + runs.id_reference + runs.signed_info, 0u)
          << "kXmlsecOnly must not use the fast path";
      EXPECT_EQ(runs.own_writer, 0u) << "kXmlsecOnly must not use the fast path";
    }
  }
  return out;
}

TEST(XmlsecFastC14N, FixtureListsVerifyTheSameBothWays) {
  struct Case {
    const char* list;
    const char* signer;
  } cases[] = {{"lists/tl-AA.xml", "pki/tl-signer-AA.pem"},
               {"lists/tl-BB.xml", "pki/tl-signer-BB.pem"},
               {"lists/tl-CC.xml", "pki/tl-signer-CC.pem"},
               {"lists/pivot-101.xml", "pki/oj-anchor-1.pem"}};
  for (const auto& c : cases) {
    X509Ptr cert = first_certificate(test::fixtures() / c.signer);
    ASSERT_TRUE(cert);
    BothPaths r = verify_both(read_fixture_text(test::fixtures() / c.list), ::X509_get0_pubkey(cert.get()));
    EXPECT_EQ(r.fast, XmlsecStatus::kOk) << c.list;
    EXPECT_EQ(r.xmlsec, XmlsecStatus::kOk) << c.list;
    expect_all_fast(r.fast_runs, c.list);
  }
}

TEST(XmlsecFastC14N, EditsGetTheSameVerdictBothWays) {
  const std::string original = read_fixture_text(test::fixtures() / "lists/tl-AA.xml");
  X509Ptr cert = first_certificate(test::fixtures() / "pki/tl-signer-AA.pem");
  ASSERT_TRUE(cert);
  EVP_PKEY* key = ::X509_get0_pubkey(cert.get());
  struct Edit {
    const char* what;
    std::string text;
    XmlsecStatus expected;
  } edits[] = {
      {"unchanged", original, XmlsecStatus::kOk},
      // Signed content: any visible change breaks the whole-document digest.
      {"territory changed", edit(original, "<SchemeTerritory>AA<", "<SchemeTerritory>AB<"),
       XmlsecStatus::kDigestMismatch},
      {"attribute added to the root",
       edit(original, "<TrustServiceStatusList ", "<TrustServiceStatusList data-x=\"1\" "),
       XmlsecStatus::kDigestMismatch},
      {"processing instruction in the content",
       edit(original, "<SchemeTerritory>", "<?eutl x?><SchemeTerritory>"), XmlsecStatus::kDigestMismatch},
      // Invisible to C14N without comments (URI="" drops comments).
      {"comment in the content", edit(original, "<SchemeTerritory>", "<!-- x --><SchemeTerritory>"),
       XmlsecStatus::kOk},
      {"comment before the root", edit(original, "<TrustServiceStatusList ", "<!-- x -->\n<TrustServiceStatusList "),
       XmlsecStatus::kOk},
      // Inside the Signature: removed by the enveloped transform, so the document
      // reference still matches; the signature value over SignedInfo is unaffected
      // by a whitespace-only change in KeyInfo's certificate text.
      {"whitespace inside KeyInfo", edit(original, "<ds:X509Certificate>", "<ds:X509Certificate>\n"),
       XmlsecStatus::kOk},
      // SignedProperties (reference "#xades-…"): signed by its own reference.
      {"SigningTime changed", edit(original, "<xades:SigningTime>2", "<xades:SigningTime>1"),
       XmlsecStatus::kDigestMismatch},
      {"comment in SignedProperties",
       edit(original, "<xades:SigningTime>", "<!-- x --><xades:SigningTime>"), XmlsecStatus::kOk},
      // SignedInfo: its canonical form is what the signature value covers.
      {"whitespace in SignedInfo", edit(original, "<ds:SignatureMethod ", "\n<ds:SignatureMethod "),
       XmlsecStatus::kValueInvalid},
      {"comment in SignedInfo", edit(original, "<ds:SignatureMethod ", "<!-- x --><ds:SignatureMethod "),
       XmlsecStatus::kOk},
  };
  for (const auto& e : edits) {
    BothPaths r = verify_both(e.text, key);
    EXPECT_EQ(r.fast, r.xmlsec) << e.what;
    EXPECT_EQ(r.fast, e.expected) << e.what;
    if (e.expected == XmlsecStatus::kDigestMismatch) {
      // xmlsec stops at the first reference whose digest fails (the document comes
      // first), so later chains may not run.
      EXPECT_EQ(r.fast_runs.whole_document, 1u) << e.what;
      EXPECT_EQ(r.fast_runs.own_writer, r.fast_runs.whole_document + r.fast_runs.id_reference) << e.what;
      EXPECT_EQ(r.fast_runs.signed_info, 0u) << e.what;
    } else {
      expect_all_fast(r.fast_runs, e.what);
    }
  }
}

TEST(XmlsecFastC14N, RealListsVerifyTheSameBothWays) {
  EUTL_REQUIRE_REALDATA();
  const auto real = test::realdata();
  std::vector<std::filesystem::path> lists = {real / "lotl/eu-lotl-seq332-2023-09-27.xml",
                                              real / "lotl/pivots/eu-lotl-pivot-282.xml"};
  for (const auto& entry : std::filesystem::directory_iterator(real / "tl/2023")) {
    lists.push_back(entry.path());
  }
  int checked = 0;
  for (const auto& list : lists) {
    auto signer = real / "signers" / (list.stem().string() + ".signer.pem");
    if (!std::filesystem::exists(signer)) continue;
    X509Ptr cert = first_certificate(signer);
    ASSERT_TRUE(cert) << signer;
    BothPaths r = verify_both(read_fixture_text(list), ::X509_get0_pubkey(cert.get()));
    EXPECT_EQ(r.fast, XmlsecStatus::kOk) << list;
    EXPECT_EQ(r.xmlsec, XmlsecStatus::kOk) << list;
    expect_all_fast(r.fast_runs, list.string());
    ++checked;
  }
  EXPECT_GE(checked, 31);
}

}  // namespace
}  // namespace eutl::verify::trust
