// reassess_freshness: results verified at one time, re-decided at another, equal a
// fresh verify_list_set() at that time (fixtures, good and bad, and the real 2023 set).
#include "eutl/verify/list_freshness.h"

#include <gtest/gtest.h>

#include "eutl/tsl/xml_document.h"
#include "tests/cache/model_cache_test_support.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl::verify {
namespace {

using test::at;

std::vector<ListSetInput> inputs_of(const std::vector<std::filesystem::path>& files) {
  std::vector<ListSetInput> out;
  for (const auto& f : files) {
    auto bytes = tsl::read_file(f);
    EXPECT_TRUE(bytes.has_value()) << f;
    out.push_back({f.string(), bytes ? *bytes : tsl::Bytes{}});
  }
  return out;
}

void expect_reassessed_equals_fresh(const std::vector<std::filesystem::path>& files,
                                    const std::vector<tsl::Bytes>& anchors, const char* first,
                                    const std::vector<const char*>& later) {
  ListSetRequest req;
  req.lotl_anchors = anchors;
  req.at = at(first);
  auto base = verify_list_set(inputs_of(files), req).lists;
  for (const char* t : later) {
    SCOPED_TRACE(std::string(first) + " -> " + t);
    auto moved = base;
    reassess_freshness(moved, at(t));
    req.at = at(t);
    auto fresh = verify_list_set(inputs_of(files), req).lists;
    test::expect_same_lists(fresh, moved);
  }
}

TEST(ReassessFreshness, FixturesAtEveryTimeEqualAFreshVerification) {
  auto fx = test::fixtures();
  if (!std::filesystem::exists(fx / "MANIFEST.txt")) {
    GTEST_SKIP() << "no generated fixtures";
  }
  auto anchors = load_pem_certificates(fx / "pki/oj-anchors.pem");
  ASSERT_TRUE(anchors);
  std::vector<std::filesystem::path> files{fx / "lists/pivot-101.xml",     fx / "lists/lotl.xml",
                                           fx / "lists/tl-AA.xml",         fx / "lists/tl-BB.xml",
                                           fx / "lists/tl-CC.xml",         fx / "bad/tl-AA-expired.xml",
                                           fx / "bad/tl-AA-future.xml",    fx / "bad/tl-AA-untrusted-signer.xml",
                                           fx / "bad/not-wellformed.xml",  fx / "bad/tl-AA-tampered.xml"};
  // Before issue (2025-01-01), in force, after NextUpdate (2025-07-01); both ways.
  expect_reassessed_equals_fresh(files, *anchors, "2025-03-01T00:00:00Z",
                                 {"2024-06-01T00:00:00Z", "2025-08-01T00:00:00Z", "2025-03-01T00:00:00Z"});
  expect_reassessed_equals_fresh(files, *anchors, "2025-08-01T00:00:00Z",
                                 {"2025-03-01T00:00:00Z", "2024-06-01T00:00:00Z"});
}

TEST(ReassessFreshness, LotlAloneExpiredMakesNationalListsIndeterminate) {
  auto fx = test::fixtures();
  if (!std::filesystem::exists(fx / "MANIFEST.txt")) {
    GTEST_SKIP() << "no generated fixtures";
  }
  auto anchors = load_pem_certificates(fx / "pki/oj-anchors.pem");
  ASSERT_TRUE(anchors);
  std::vector<std::filesystem::path> files{fx / "lists/pivot-101.xml", fx / "lists/lotl.xml", fx / "lists/tl-AA.xml"};
  ListSetRequest req;
  req.lotl_anchors = *anchors;
  req.at = at("2025-03-01T00:00:00Z");
  auto lists = verify_list_set(inputs_of(files), req).lists;
  reassess_freshness(lists, at("2025-08-01T00:00:00Z"));
  for (const auto& v : lists) {
    if (v.kind == ListKind::kTl) {
      EXPECT_NE(test::reasons_text(v.reasons).find("lotl-not-valid"), std::string::npos);
    }
    if (v.kind == ListKind::kLotl) {
      EXPECT_EQ(v.status, ListStatus::kExpired);
    }
  }
}

TEST(ReassessFreshness, Real2023SetBeforeAndAfterEqualsFreshVerification) {
  EUTL_REQUIRE_REALDATA();
  auto real = test::realdata();
  auto anchors = load_pem_certificates(real / "oj/oj-C276-2019-lotl-signers.pem");
  ASSERT_TRUE(anchors);
  std::vector<std::filesystem::path> files{real / "lotl/eu-lotl-seq332-2023-09-27.xml",
                                           real / "lotl/pivots/eu-lotl-pivot-282.xml",
                                           real / "lotl/pivots/eu-lotl-pivot-300.xml"};
  for (const auto& e : std::filesystem::directory_iterator(real / "tl/2023")) {
    files.push_back(e.path());
  }
  std::sort(files.begin() + 3, files.end());
  // MANIFEST.md: several lists were issued after 2023-10-01; FR 112 expired 2023-08-23;
  // LOTL 332's NextUpdate is 2024-03-26.
  expect_reassessed_equals_fresh(files, *anchors, "2023-10-28T00:00:00Z",
                                 {"2023-10-01T00:00:00Z", "2024-04-01T00:00:00Z"});
}

}  // namespace
}  // namespace eutl::verify
