// ListSetRequest::tl_signers: a national list trusted through a signer the caller
// gives, without a LOTL (TS 119 615 leaves that trust decision to the relying party),
// on the generated fixtures and on a real 2026 list (EL, TSL v6, ECDSA P-256).
#include <gtest/gtest.h>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

using test::fixtures;
using test::has_reason;

std::vector<tsl::Bytes> pem(const std::filesystem::path& file) {
  auto certs = load_pem_certificates(file);
  EXPECT_TRUE(certs.has_value()) << file;
  return certs ? *certs : std::vector<tsl::Bytes>{};
}

ListSetResult run_with_signers(const std::vector<std::filesystem::path>& paths, std::vector<tsl::Bytes> tl_signers,
                  std::vector<tsl::Bytes> lotl_anchors = {}, const char* when = "2025-03-01T00:00:00Z") {
  ListSetRequest req;
  req.tl_signers = std::move(tl_signers);
  req.lotl_anchors = std::move(lotl_anchors);
  req.at = test::at(when);
  return verify_list_set(test::load_inputs(paths), req);
}

class TlSigners : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(fixtures() / "MANIFEST.txt")) {
      GTEST_FAIL() << "fixtures missing: build the eutl_fixtures target";
    }
  }
};

TEST_F(TlSigners, ListSignedByTheGivenSignerIsValidWithoutALotl) {
  auto r = run_with_signers({fixtures() / "lists/tl-AA.xml"}, pem(fixtures() / "pki/tl-signer-AA.pem"));
  ASSERT_EQ(r.lists.size(), 1u);
  const VerifiedList& aa = r.lists.front();
  EXPECT_EQ(aa.status, ListStatus::kValid) << test::codes(aa);
  EXPECT_EQ(trust_of(aa), ListTrust::kCallerSigner);
  EXPECT_EQ(to_string(trust_of(aa)), "caller-signer");
  EXPECT_EQ(aa.signature.matched.rfind("caller signer ", 0), 0u) << aa.signature.matched;
  EXPECT_FALSE(r.lotl.has_value());
}

TEST_F(TlSigners, ListSignedBySomeoneElseIsRefused) {
  auto r = run_with_signers({fixtures() / "lists/tl-AA.xml"}, pem(fixtures() / "pki/tl-signer-BB.pem"));
  ASSERT_EQ(r.lists.size(), 1u);
  const VerifiedList& aa = r.lists.front();
  EXPECT_EQ(aa.status, ListStatus::kInvalid) << test::codes(aa);
  EXPECT_TRUE(has_reason(aa, "signer-not-tl-signer")) << test::codes(aa);
  EXPECT_EQ(trust_of(aa), ListTrust::kNone);
}

TEST_F(TlSigners, WithoutSignersOrLotlTheListIsIndeterminate) {
  auto r = run_with_signers({fixtures() / "lists/tl-AA.xml"}, {});
  ASSERT_EQ(r.lists.size(), 1u);
  EXPECT_EQ(r.lists.front().status, ListStatus::kIndeterminate);
  EXPECT_TRUE(has_reason(r.lists.front(), "no-lotl")) << test::codes(r.lists.front());
}

// With a LOTL too, the caller's signers alone vouch for national lists: BB's list,
// which the LOTL would accept, is refused when only AA's signer is given.
TEST_F(TlSigners, GivenSignersReplaceTheLotlForNationalLists) {
  auto r = run_with_signers({fixtures() / "lists"}, pem(fixtures() / "pki/tl-signer-AA.pem"), pem(fixtures() / "pki/oj-anchors.pem"));
  const VerifiedList* lotl = test::find(r, "lotl.xml");
  const VerifiedList* aa = test::find(r, "tl-AA.xml");
  const VerifiedList* bb = test::find(r, "tl-BB.xml");
  ASSERT_TRUE(lotl && aa && bb);
  EXPECT_EQ(lotl->status, ListStatus::kValid) << test::codes(*lotl);
  EXPECT_EQ(trust_of(*lotl), ListTrust::kOfficialJournal);
  EXPECT_EQ(trust_of(*aa), ListTrust::kCallerSigner);
  EXPECT_EQ(aa->status, ListStatus::kValid) << test::codes(*aa);
  EXPECT_EQ(bb->status, ListStatus::kInvalid) << test::codes(*bb);
  EXPECT_TRUE(has_reason(*bb, "signer-not-tl-signer")) << test::codes(*bb);
}

TEST_F(TlSigners, ThroughTheLotlTheTrustIsTheLotls) {
  auto r = run_with_signers({fixtures() / "lists"}, {}, pem(fixtures() / "pki/oj-anchors.pem"));
  const VerifiedList* aa = test::find(r, "tl-AA.xml");
  ASSERT_TRUE(aa);
  EXPECT_EQ(aa->status, ListStatus::kValid) << test::codes(*aa);
  EXPECT_EQ(trust_of(*aa), ListTrust::kLotl);
}

// MANIFEST-2026.md: EL-seq85 is TSL v6, signed with ECDSA P-256 (ecdsa-sha512), valid
// 2026-04-14 .. 2026-10-14; signers/EL-seq85.signer.pem is its KeyInfo certificate.
TEST(TlSignersRealdata, Real2026ListWithItsSigner) {
  EUTL_REQUIRE_REALDATA();
  const auto rd = test::realdata();
  auto good = run_with_signers({rd / "tl/2026/EL-seq85.xml"}, pem(rd / "signers/EL-seq85.signer.pem"), {}, "2026-08-21T12:00:00Z");
  ASSERT_EQ(good.lists.size(), 1u);
  EXPECT_EQ(good.lists.front().status, ListStatus::kValid) << test::codes(good.lists.front());
  EXPECT_EQ(trust_of(good.lists.front()), ListTrust::kCallerSigner);
  ASSERT_TRUE(good.lists.front().list.has_value());
  EXPECT_EQ(good.lists.front().list->scheme.version, 6);

  auto wrong = run_with_signers({rd / "tl/2026/EL-seq85.xml"}, pem(rd / "signers/SK-seq145.signer.pem"), {}, "2026-08-21T12:00:00Z");
  ASSERT_EQ(wrong.lists.size(), 1u);
  EXPECT_EQ(wrong.lists.front().status, ListStatus::kInvalid) << test::codes(wrong.lists.front());
  EXPECT_TRUE(has_reason(wrong.lists.front(), "signer-not-tl-signer")) << test::codes(wrong.lists.front());
}

}  // namespace
}  // namespace eutl::verify
