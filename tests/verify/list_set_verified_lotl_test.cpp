// ListSetRequest::verified_lotl: national lists verified against a LOTL an earlier
// call verified, without verifying it again (a refresh verifies the LOTL once).
// Generated fixtures, valid at 2025-03-01.
#include <gtest/gtest.h>

#include <memory>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

using test::fixtures;

class VerifiedLotl : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(fixtures() / "MANIFEST.txt")) << "fixtures missing: build eutl_fixtures";
    auto anchors = load_pem_certificates(fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors.has_value());
    m_request.lotl_anchors = *anchors;
  }

  // The LOTL (with its pivot) verified at `when`, as a refresh's first step does.
  std::shared_ptr<const VerifiedList> lotl(const char* when) {
    m_request.at = test::at(when);
    auto r = verify_list_set(test::load_inputs({fixtures() / "lists/lotl.xml", fixtures() / "lists/pivot-101.xml"}),
                             m_request);
    EXPECT_TRUE(r.lotl.has_value());
    return r.lotl ? std::make_shared<const VerifiedList>(std::move(r.lists.at(*r.lotl))) : nullptr;
  }

  ListSetResult nationals(std::shared_ptr<const VerifiedList> verified, const std::vector<std::filesystem::path>& files) {
    ListSetRequest req = m_request;
    req.verified_lotl = std::move(verified);
    return verify_list_set(test::load_inputs(files), req);
  }

  ListSetRequest m_request;
};

TEST_F(VerifiedLotl, NationalListsAreVerifiedAgainstItsPointers) {
  auto v = lotl("2025-03-01T00:00:00Z");
  ASSERT_NE(v, nullptr);
  ASSERT_EQ(v->status, ListStatus::kValid);
  auto r = nationals(v, {fixtures() / "lists/tl-AA.xml", fixtures() / "lists/tl-BB.xml"});
  EXPECT_FALSE(r.lotl.has_value());  // no LOTL among the inputs
  ASSERT_EQ(r.lists.size(), 2u);
  for (const auto& l : r.lists) {
    EXPECT_EQ(l.status, ListStatus::kValid) << l.source << ": " << test::codes(l);
    EXPECT_EQ(trust_of(l), ListTrust::kLotl);
  }
  EXPECT_EQ(r.lists[0].signature.matched, "pointer AA in LOTL 102");
}

TEST_F(VerifiedLotl, ASignerOutsideThePointerIsStillRefused) {
  auto r = nationals(lotl("2025-03-01T00:00:00Z"), {fixtures() / "bad/tl-AA-wrong-territory-signer.xml"});
  ASSERT_EQ(r.lists.size(), 1u);
  EXPECT_EQ(r.lists[0].status, ListStatus::kInvalid) << test::codes(r.lists[0]);
  EXPECT_TRUE(test::has_reason(r.lists[0], "signer-not-in-pointer")) << test::codes(r.lists[0]);
}

TEST_F(VerifiedLotl, ItsStatusCarriesOver) {
  // At 2025-08-01 the LOTL is past its NextUpdate: its national lists depend on a LOTL
  // that is not valid, as when verified in one call.
  auto v = lotl("2025-08-01T00:00:00Z");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->status, ListStatus::kExpired);
  auto r = nationals(v, {fixtures() / "lists/tl-AA.xml"});
  ASSERT_EQ(r.lists.size(), 1u);
  EXPECT_TRUE(test::has_reason(r.lists[0], "lotl-not-valid")) << test::codes(r.lists[0]);

  m_request.at = test::at("2025-08-01T00:00:00Z");
  auto together = verify_list_set(
      test::load_inputs({fixtures() / "lists/lotl.xml", fixtures() / "lists/pivot-101.xml", fixtures() / "lists/tl-AA.xml"}),
      m_request);
  const VerifiedList* aa = test::find(together, "tl-AA.xml");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(test::codes(r.lists[0]), test::codes(*aa));
  EXPECT_EQ(r.lists[0].status, aa->status);
}

TEST_F(VerifiedLotl, ListsOfListsAmongTheInputsAreNotVerifiedAgain) {
  auto r = nationals(lotl("2025-03-01T00:00:00Z"), {fixtures() / "lists/lotl.xml", fixtures() / "lists/tl-AA.xml"});
  EXPECT_FALSE(r.lotl.has_value());
  ASSERT_EQ(r.lists.size(), 2u);
  EXPECT_EQ(r.lists[0].status, ListStatus::kIndeterminate);
  EXPECT_TRUE(test::has_reason(r.lists[0], "no-lotl")) << test::codes(r.lists[0]);
  EXPECT_TRUE(r.lists[0].signature.matched.empty());
  EXPECT_EQ(r.lists[1].status, ListStatus::kValid) << test::codes(r.lists[1]);
}

}  // namespace
}  // namespace eutl::verify
