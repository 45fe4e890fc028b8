// verify_list_set rules on the generated fixtures (fixtures/generate.sh; each case's
// intent is in build/fixtures/MANIFEST.txt). Valid at 2025-03-01.
#include <gtest/gtest.h>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

using test::fixtures;
using test::has_reason;

ListSetResult run(const std::vector<std::filesystem::path>& paths, const char* when = "2025-03-01T00:00:00Z") {
  ListSetRequest req;
  auto anchors = load_pem_certificates(fixtures() / "pki/oj-anchors.pem");
  EXPECT_TRUE(anchors.has_value());
  if (anchors) req.lotl_anchors = *anchors;
  req.at = test::at(when);
  return verify_list_set(test::load_inputs(paths), req);
}

ListSetResult run_with_lotl(const std::string& bad) {
  return run({fixtures() / "lists/lotl.xml", fixtures() / "lists/pivot-101.xml", fixtures() / "bad" / bad});
}

TEST(ListSetFixtures, GoodSetIsValid) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run({fixtures() / "lists"});
  ASSERT_TRUE(r.lotl.has_value());
  for (const auto& l : r.lists) {
    EXPECT_EQ(l.status, ListStatus::kValid) << l.source << ": " << test::codes(l);
  }
  EXPECT_EQ(r.lists[*r.lotl].signature.matched, "pivot 101");
  const auto* aa = test::find(r, "tl-AA.xml");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->signature.matched, "pointer AA in LOTL 102");
}

TEST(ListSetFixtures, LotlWithoutPivotIsNotTrusted) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run({fixtures() / "lists/lotl.xml"});
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kInvalid);
  EXPECT_TRUE(has_reason(r.lists[*r.lotl], "signer-not-trusted"));
  EXPECT_TRUE(has_reason(r.lists[*r.lotl], "pivot-missing"));
}

struct BadTl {
  const char* file;
  ListStatus status;
  const char* code;
};

const BadTl kBadTls[] = {
    {"tl-AA-wrong-territory-signer.xml", ListStatus::kInvalid, "signer-not-in-pointer"},
    {"tl-AA-untrusted-signer.xml", ListStatus::kInvalid, "signer-not-in-pointer"},
    {"tl-AA-two-signatures.xml", ListStatus::kInvalid, "sig-multiple"},
    {"tl-AA-subelement-ref.xml", ListStatus::kInvalid, "sig-ref-not-whole-document"},
    {"tl-AA-wrapped.xml", ListStatus::kInvalid, "sig-duplicate-id"},
    {"tl-AA-wrapped-extension.xml", ListStatus::kInvalid, "sig-ref-not-whole-document"},
    {"tl-AA-unsigned.xml", ListStatus::kInvalid, "sig-missing"},
    {"tl-AA-tampered.xml", ListStatus::kInvalid, "sig-digest-mismatch"},
    {"tl-AA-expired.xml", ListStatus::kExpired, "expired"},
    {"tl-AA-future.xml", ListStatus::kInvalid, "issued-in-future"},
    {"tl-BB-v6-sigcert-v1.xml", ListStatus::kInvalid, "signing-cert-v1-in-v6"},
    {"tl-AA-sigcert-mismatch.xml", ListStatus::kInvalid, "signing-cert-mismatch"},
    {"not-wellformed.xml", ListStatus::kInvalid, "not-wellformed"},
    {"not-a-tsl.xml", ListStatus::kInvalid, "not-a-tsl"},
};

TEST(ListSetFixtures, EachBadListFailsWithItsReason) {
  EUTL_REQUIRE_FIXTURES();
  for (const auto& c : kBadTls) {
    auto r = run_with_lotl(c.file);
    ASSERT_TRUE(r.lotl.has_value());
    EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kValid);
    const auto* l = test::find(r, c.file);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->status, c.status) << c.file << ": " << test::codes(*l);
    EXPECT_TRUE(has_reason(*l, c.code)) << c.file << ": " << test::codes(*l);
  }
}

TEST(ListSetFixtures, WrongTerritorySignerNamesWhereItIsListed) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run_with_lotl("tl-AA-wrong-territory-signer.xml");
  const auto* l = test::find(r, "tl-AA-wrong-territory-signer.xml");
  ASSERT_NE(l, nullptr);
  ASSERT_FALSE(l->reasons.empty());
  EXPECT_NE(l->reasons.front().message.find("pointer for BB"), std::string::npos) << test::codes(*l);
  EXPECT_TRUE(l->signature.matched.empty());
}

TEST(ListSetFixtures, ResignedByUntrustedKeyIsNotTrustedEvenThoughTheSignatureIsValid) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run_with_lotl("tl-AA-untrusted-signer.xml");
  const auto* l = test::find(r, "tl-AA-untrusted-signer.xml");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->status, ListStatus::kInvalid);
  // The KeyInfo key verifies the content: only the trust is missing.
  EXPECT_FALSE(has_reason(*l, "sig-digest-mismatch")) << test::codes(*l);
  ASSERT_TRUE(l->signature.signer_sha256.has_value());
}

TEST(ListSetFixtures, PivotChainWithBrokenLinkFails) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run({fixtures() / "bad/lotl-after-broken-pivot.xml", fixtures() / "bad/pivot-broken-link.xml"});
  ASSERT_TRUE(r.lotl.has_value());
  const auto& lotl = r.lists[*r.lotl];
  EXPECT_EQ(lotl.status, ListStatus::kInvalid);
  EXPECT_TRUE(has_reason(lotl, "signer-not-trusted")) << test::codes(lotl);
  EXPECT_TRUE(has_reason(lotl, "pivot-chain-broken")) << test::codes(lotl);
  const auto* pivot = test::find(r, "pivot-broken-link.xml");
  ASSERT_NE(pivot, nullptr);
  EXPECT_EQ(pivot->kind, ListKind::kPivot);
  EXPECT_EQ(pivot->status, ListStatus::kInvalid);
}

TEST(ListSetFixtures, PivotLoopIsDetected) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run({fixtures() / "bad/pivot-loop-a.xml", fixtures() / "bad/pivot-loop-b.xml"}, "2024-03-01T00:00:00Z");
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kInvalid);
  EXPECT_TRUE(has_reason(r.lists[*r.lotl], "pivot-loop")) << test::codes(r.lists[*r.lotl]);
}

TEST(ListSetFixtures, PivotExpiryDoesNotFailTheChain) {
  EUTL_REQUIRE_FIXTURES();
  // MANIFEST: pivot-101 NextUpdate 2024-07-01, passed at 2025-03-01.
  auto r = run({fixtures() / "lists/lotl.xml", fixtures() / "lists/pivot-101.xml"});
  const auto* pivot = test::find(r, "pivot-101.xml");
  ASSERT_NE(pivot, nullptr);
  EXPECT_EQ(pivot->status, ListStatus::kValid) << test::codes(*pivot);
  EXPECT_FALSE(has_reason(*pivot, "expired"));
}

TEST(ListSetFixtures, NoLotlMeansIndeterminate) {
  EUTL_REQUIRE_FIXTURES();
  auto r = run({fixtures() / "lists/tl-AA.xml"});
  EXPECT_FALSE(r.lotl.has_value());
  ASSERT_EQ(r.lists.size(), 1u);
  EXPECT_EQ(r.lists[0].status, ListStatus::kIndeterminate);
  EXPECT_TRUE(has_reason(r.lists[0], "no-lotl"));
}

TEST(ListSetFixtures, DigestIsSha256OfTheBytes) {
  EUTL_REQUIRE_FIXTURES();
  auto bytes = tsl::read_file(fixtures() / "lists/tl-CC.xml");
  ASSERT_TRUE(bytes.has_value());
  auto r = run({fixtures() / "lists/tl-CC.xml"});
  ASSERT_EQ(r.lists.size(), 1u);
  EXPECT_EQ(r.lists[0].digest, tsl::sha256(*bytes));
}

}  // namespace
}  // namespace eutl::verify
