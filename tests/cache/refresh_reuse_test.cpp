// A fetch reuses the previous snapshot's verification for bytes that did not change
// (cache/refresh_reuse.h) and re-decides only what depends on the time. Over the
// loopback HTTPS server serving the generated, signed fixture lists: every decision of
// a refresh that reused equals that of a full verification of the same bytes at the
// same instant (a second store refreshed through a verifier that is not
// verify_list_set itself, so it never reuses), also past NextUpdate and before the
// issue date; other anchors, a changed list or a missing model cache are verified again.
#include <gtest/gtest.h>

#include "cache/model_cache_file.h"
#include "cache/refresh_reuse.h"
#include "eutl/cache/refresh.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/verify/list_freshness.h"
#include "tests/cache/list_record_compare.h"
#include "tests/cache/model_cache_test_support.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

using test::at;

// verify_list_set itself: the fetch may reuse.
const Verifier kReusing = &verify::verify_list_set;
// The same verification behind a wrapper: the fetch verifies everything.
const Verifier kFull = [](std::vector<verify::ListSetInput> in, const verify::ListSetRequest& req) {
  return verify::verify_list_set(std::move(in), req);
};

void expect_same_record(const ListRecord& a, const ListRecord& b) {
  test_support::expect_same_decision(a, b);
  const std::string at = a.territory + " " + a.url;
  EXPECT_EQ(a.issue_date, b.issue_date) << at;
  EXPECT_EQ(a.certificate_count, b.certificate_count) << at;
  EXPECT_EQ(a.verified_at, b.verified_at) << at;
  EXPECT_EQ(a.fetch.digest, b.fetch.digest) << at;
}

void expect_same_decisions(const Snapshot& a, const Snapshot& b) {
  expect_same_record(a.lotl, b.lotl);
  ASSERT_EQ(a.pivots.size(), b.pivots.size());
  for (std::size_t i = 0; i < a.pivots.size(); ++i) {
    expect_same_record(a.pivots[i], b.pivots[i]);
  }
  ASSERT_EQ(a.lists.size(), b.lists.size());
  for (std::size_t i = 0; i < a.lists.size(); ++i) {
    expect_same_record(a.lists[i], b.lists[i]);
  }
}

class FixtureReuse : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    m_reusing = fs::temp_directory_path() / ("eutl-reuse-" + std::to_string(::getpid()) + "-" + name);
    m_full = fs::temp_directory_path() / ("eutl-reuse-full-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(m_reusing);
    fs::remove_all(m_full);
    ASSERT_EQ(test::serve_fixture_lists(m_server, test::fixtures()), 5);
    auto anchors = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors) << anchors.error().message;
    m_anchors = std::move(*anchors);
  }
  void TearDown() override {
    fs::remove_all(m_reusing);
    fs::remove_all(m_full);
  }

  RefreshReport refresh(const fs::path& dir, const Verifier& verifier, tsl::TimePoint when,
                        std::vector<tsl::Bytes> anchors = {}) {
    auto store = Store::open(dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    net::FetchOptions o;
    o.cacert = m_server.ca_file().string();
    o.connect_to = {m_server.connect_to()};
    net::Fetcher fetcher(o);
    RefreshRequest req;
    req.lotl_url = test::kFixtureLotlUrl;
    req.lotl_anchors = anchors.empty() ? m_anchors : std::move(anchors);
    req.at = when;
    req.created = at(test::kFixtureAt) + std::chrono::seconds(++m_clock);
    auto r = refresh_from_network(*store, *lock, fetcher, verifier, req);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RefreshReport{};
  }

  // Both stores refreshed at `first`, then at `second`: the reusing one's second report.
  RefreshReport twice(const char* first, const char* second) {
    refresh(m_reusing, kReusing, at(first));
    refresh(m_full, kFull, at(first));
    RefreshReport reused = refresh(m_reusing, kReusing, at(second));
    RefreshReport full = refresh(m_full, kFull, at(second));
    EXPECT_EQ(full.lists_reused, 0u);
    EXPECT_EQ(full.lists_verified, 5u);
    expect_same_decisions(reused.snapshot, full.snapshot);
    EXPECT_EQ(reused.lotl_verified, full.lotl_verified);
    EXPECT_EQ(reused.list_failures, full.list_failures);
    return reused;
  }

  fs::path m_reusing;
  fs::path m_full;
  test::HttpsServer m_server;
  std::vector<tsl::Bytes> m_anchors;
  int m_clock = 0;
};

TEST_F(FixtureReuse, AFirstFetchVerifiesEveryListAndWritesTheModelCache) {
  RefreshReport r = refresh(m_reusing, kReusing, at(test::kFixtureAt));
  EXPECT_EQ(r.lists_verified, 5u);  // LOTL, pivot 101, AA, BB, CC
  EXPECT_EQ(r.lists_reused, 0u);
  EXPECT_EQ(r.reuse_note, "no previous snapshot");
  EXPECT_EQ(r.model_note, "");
  EXPECT_TRUE(fs::exists(detail::model_cache_path(*Store::open(m_reusing), r.snapshot.id)));
}

TEST_F(FixtureReuse, AnUnchangedFetchReusesEveryVerificationAndDecidesAsAFullOne) {
  RefreshReport r = twice(test::kFixtureAt, test::kFixtureAt);
  EXPECT_EQ(r.lists_verified, 0u);
  EXPECT_EQ(r.lists_reused, 5u);
  EXPECT_EQ(r.reuse_note, "");
  EXPECT_TRUE(r.lotl_verified);
  for (const ListRecord& l : r.snapshot.lists) {
    EXPECT_EQ(l.fetch.status, net::FetchStatus::kNotModified) << l.territory;
    EXPECT_EQ(l.result, verify::ListStatus::kValid) << l.territory;
  }
  // The previous snapshot's model cache was handed over to the new one, not copied.
  std::vector<std::string> models;
  for (const auto& e : fs::directory_iterator(m_reusing / "models")) {
    models.push_back(e.path().filename().string());
  }
  EXPECT_EQ(models, std::vector<std::string>{r.snapshot.id + ".bin"});
  EXPECT_EQ(r.model_note, "");
}

TEST_F(FixtureReuse, PastNextUpdateTheReusedListsExpireAsInAFullVerification) {
  // NextUpdate of every fixture list is 2025-07-01.
  RefreshReport r = twice(test::kFixtureAt, "2025-08-01T00:00:00Z");
  EXPECT_EQ(r.lists_reused, 5u);
  EXPECT_EQ(r.snapshot.lotl.result, verify::ListStatus::kExpired);
  for (const ListRecord& l : r.snapshot.lists) {
    EXPECT_NE(l.result, verify::ListStatus::kValid) << l.territory;
  }
  EXPECT_FALSE(r.lotl_verified);
}

TEST_F(FixtureReuse, BeforeTheIssueDateTheReusedListsAreNotInForceAsInAFullVerification) {
  RefreshReport r = twice(test::kFixtureAt, "2024-06-01T00:00:00Z");
  EXPECT_EQ(r.lists_reused, 5u);
  EXPECT_NE(r.snapshot.lotl.result, verify::ListStatus::kValid);
}

TEST_F(FixtureReuse, OtherAnchorsForceAFullVerification) {
  refresh(m_reusing, kReusing, at(test::kFixtureAt));
  // An anchors file with one more certificate: the LOTL still verifies, but the
  // snapshot's anchors differ, so nothing is reused.
  auto extra = verify::load_pem_certificates(test::fixtures() / "pki/ca-qc-AA.pem");
  ASSERT_TRUE(extra.has_value());
  std::vector<tsl::Bytes> other = m_anchors;
  other.insert(other.end(), extra->begin(), extra->end());
  RefreshReport r = refresh(m_reusing, kReusing, at(test::kFixtureAt), other);
  EXPECT_EQ(r.lists_reused, 0u);
  EXPECT_EQ(r.lists_verified, 5u);
  EXPECT_EQ(r.reuse_note, "other LOTL anchors than the previous snapshot's");
}

TEST_F(FixtureReuse, AChangedListIsVerifiedAgainAndTheOthersAreReused) {
  refresh(m_reusing, kReusing, at(test::kFixtureAt));
  refresh(m_full, kFull, at(test::kFixtureAt));
  m_server.set_route("/tl-AA.xml", {test::read_text(test::fixtures() / "bad/tl-AA-expired.xml"), test::Fault::kNone});
  RefreshReport reused = refresh(m_reusing, kReusing, at(test::kFixtureAt));
  RefreshReport full = refresh(m_full, kFull, at(test::kFixtureAt));
  // The new AA bytes are verified; the LOTL, the pivot, BB, CC and the AA list in use
  // (kept, since the new one is not valid) are reused.
  EXPECT_EQ(reused.lists_verified, 1u);
  EXPECT_EQ(reused.lists_reused, 5u);
  EXPECT_EQ(reused.snapshot.find_list("AA")->in_use, InUse::kKept);
  expect_same_decisions(reused.snapshot, full.snapshot);
  EXPECT_NE(reused.snapshot.find_list("AA")->fetch.result, verify::ListStatus::kValid);
  // The reuse read only the heads of the previous model; the model written for the new
  // snapshot holds the reused lists whole (ReuseBasis::make_whole), as the blobs
  // verified again give them.
  EXPECT_TRUE(reused.model_note.empty()) << reused.model_note;
  auto store = Store::open(m_reusing);
  ASSERT_TRUE(store.has_value());
  auto cached = detail::read_model_cache(*store, reused.snapshot);
  ASSERT_TRUE(cached.has_value()) << cached.error().message;
  verify::reassess_freshness(cached->lists, at(test::kFixtureAt));
  auto rebuilt = load_snapshot_lists(*store, reused.snapshot, at(test::kFixtureAt));
  ASSERT_TRUE(rebuilt.has_value()) << rebuilt.error().message;
  test::expect_same_lists(rebuilt->lists, cached->lists);
  std::size_t services = 0;
  for (const auto& v : cached->lists) {
    for (const auto& tsp : v.list->providers) {
      services += tsp.services.size();
    }
  }
  EXPECT_GT(services, 0u);
}

TEST_F(FixtureReuse, WithoutTheModelCacheEveryListIsVerified) {
  refresh(m_reusing, kReusing, at(test::kFixtureAt));
  fs::remove_all(m_reusing / "models");
  RefreshReport r = refresh(m_reusing, kReusing, at(test::kFixtureAt));
  EXPECT_EQ(r.lists_reused, 0u);
  EXPECT_EQ(r.lists_verified, 5u);
  EXPECT_NE(r.reuse_note.find("no model cache"), std::string::npos) << r.reuse_note;
}

TEST_F(FixtureReuse, AnotherVerifierNeitherReusesNorWritesTheModelCache) {
  refresh(m_full, kFull, at(test::kFixtureAt));
  RefreshReport r = refresh(m_full, kFull, at(test::kFixtureAt));
  EXPECT_EQ(r.lists_reused, 0u);
  EXPECT_EQ(r.model_note, "the verifier is not verify_list_set");
  EXPECT_FALSE(fs::exists(m_full / "models"));
}

TEST_F(FixtureReuse, TheModelCacheAFetchWritesEqualsTheBlobsVerifiedAgain) {
  for (const char* when : {test::kFixtureAt, test::kFixtureAt, "2025-08-01T00:00:00Z"}) {
    SCOPED_TRACE(when);
    RefreshReport r = refresh(m_reusing, kReusing, at(when));
    auto store = Store::open(m_reusing);
    ASSERT_TRUE(store.has_value());
    auto cached = detail::read_model_cache(*store, r.snapshot);
    ASSERT_TRUE(cached.has_value()) << cached.error().message;
    verify::reassess_freshness(cached->lists, at(when));
    auto rebuilt = load_snapshot_lists(*store, r.snapshot, at(when));
    ASSERT_TRUE(rebuilt.has_value()) << rebuilt.error().message;
    test::expect_same_lists(rebuilt->lists, cached->lists);
  }
}

}  // namespace
}  // namespace eutl::cache
