// The reuse of a previous verification (cache/refresh_reuse.h) on the real 2026 EU set
// served on loopback under the URLs LOTL 390 names (tests/support/real_lists_web.h):
// a second fetch, where the LOTL and every list answer 304, reuses every verification
// and decides every list exactly as a full verification of the same bytes at the same
// instant, on 2026-08-21 and at a later instant when more lists are past NextUpdate.
#include <gtest/gtest.h>
#include <unistd.h>

#include "eutl/cache/refresh.h"
#include "tests/cache/list_record_compare.h"
#include "tests/support/real_2026_web_test.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

using test::at;

class Real2026Reuse : public test::Real2026WebTest {
 protected:
  void SetUp() override {
    Real2026WebTest::SetUp();
    if (IsSkipped()) {
      return;
    }
    m_reusing = scratch("eutl-reuse2026");
    m_full = scratch("eutl-reuse2026-full");
    // The Official Journal anchors eutl bundles: OJ C 276/2019 and OJ C/2026/1944.
    for (const char* pem : {"oj/oj-C276-2019-lotl-signers.pem", "oj/oj-C2026-1944-lotl-signers.pem"}) {
      auto certs = verify::load_pem_certificates(test::realdata() / pem);
      ASSERT_TRUE(certs.has_value()) << pem;
      m_anchors.insert(m_anchors.end(), certs->begin(), certs->end());
    }
  }

  RefreshReport refresh(const fs::path& dir, const Verifier& verifier, const char* when) {
    auto store = Store::open(dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    const std::vector<std::string> args = m_web->fetch_transport_args();  // --cacert F --connect-to A --connect-to B
    net::FetchOptions o;
    o.cacert = args.at(1);
    o.connect_to = {args.at(3), args.at(5)};
    net::Fetcher fetcher(o);
    RefreshRequest req;
    req.lotl_url = test::kEuLotlUrl;
    req.lotl_anchors = m_anchors;
    req.at = at(when);
    req.created = at("2026-08-21T12:00:00Z") + std::chrono::seconds(++m_clock);
    auto r = refresh_from_network(*store, *lock, fetcher, verifier, req);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RefreshReport{};
  }

  fs::path m_reusing;
  fs::path m_full;
  std::vector<tsl::Bytes> m_anchors;
  int m_clock = 0;
};

TEST_F(Real2026Reuse, AnAll304FetchReusesEveryVerificationAndDecidesAsAFullOne) {
  const Verifier reusing = &verify::verify_list_set;
  const Verifier full = [](std::vector<verify::ListSetInput> in, const verify::ListSetRequest& req) {
    return verify::verify_list_set(std::move(in), req);
  };
  RefreshReport first = refresh(m_reusing, reusing, "2026-08-21T12:00:00Z");
  refresh(m_full, full, "2026-08-21T12:00:00Z");
  EXPECT_GE(first.lists_verified, 30u);  // LOTL 390, its pivots and 29 national lists
  EXPECT_EQ(first.model_note, "");
  // The same day, then after more lists' NextUpdate has passed.
  for (const char* when : {"2026-08-21T12:00:00Z", "2026-08-21T12:00:00Z", "2026-12-01T00:00:00Z"}) {
    SCOPED_TRACE(when);
    RefreshReport a = refresh(m_reusing, reusing, when);
    RefreshReport b = refresh(m_full, full, when);
    EXPECT_EQ(a.lists_verified, 0u) << a.reuse_note;
    // Every list in use (HR's refused bytes are not: a 304 repeats their verdict).
    std::size_t in_use = a.snapshot.lotl.in_use != InUse::kNone ? 1 : 0;
    for (const auto* group : {&a.snapshot.pivots, &a.snapshot.lists}) {
      for (const ListRecord& r : *group) {
        in_use += r.in_use != InUse::kNone ? 1 : 0;
      }
    }
    EXPECT_EQ(a.lists_reused, in_use);
    EXPECT_GE(in_use, 30u);
    EXPECT_EQ(b.lists_reused, 0u);
    EXPECT_EQ(a.list_bytes_downloaded, 0u);
    EXPECT_EQ(a.lotl_verified, b.lotl_verified);
    EXPECT_EQ(a.list_failures, b.list_failures);
    test_support::expect_same_decision(a.snapshot.lotl, b.snapshot.lotl);
    ASSERT_EQ(a.snapshot.pivots.size(), b.snapshot.pivots.size());
    for (std::size_t i = 0; i < a.snapshot.pivots.size(); ++i) {
      test_support::expect_same_decision(a.snapshot.pivots[i], b.snapshot.pivots[i]);
    }
    ASSERT_EQ(a.snapshot.lists.size(), b.snapshot.lists.size());
    for (std::size_t i = 0; i < a.snapshot.lists.size(); ++i) {
      if (a.snapshot.lists[i].in_use != InUse::kNone) {
        EXPECT_EQ(a.snapshot.lists[i].fetch.status, net::FetchStatus::kNotModified) << a.snapshot.lists[i].territory;
      }
      test_support::expect_same_decision(a.snapshot.lists[i], b.snapshot.lists[i]);
    }
  }
}

// The territories the LOTL in use points to with no list in use come from the
// snapshot's model cache when it matches (no XML parsed: the LOTL's blob is not even
// read), and are those the LOTL's XML gives; without the model, from the XML.
TEST_F(Real2026Reuse, MissingTerritoriesComeFromTheModelAsFromTheLotlsXml) {
  RefreshReport r = refresh(m_reusing, &verify::verify_list_set, "2026-08-21T12:00:00Z");
  ASSERT_EQ(r.model_note, "");
  auto store = Store::open(m_reusing);
  ASSERT_TRUE(store.has_value());
  auto spell = [](const std::vector<verify::MissingTerritory>& m) {
    std::vector<std::string> out;
    for (const auto& t : m) {
      out.push_back(t.territory + " " + t.url);
    }
    return out;
  };
  auto from_model = missing_territories(*store, r.snapshot);
  ASSERT_TRUE(from_model.has_value()) << from_model.error().message;
  EXPECT_EQ(spell(*from_model), spell(r.missing));
  ASSERT_FALSE(from_model->empty()) << "the served set has no list for LI";
  // With the LOTL's blob gone, the model still answers; without the model too, the
  // XML path says the blob is missing.
  const fs::path lotl_blob = store->blob_path(*r.snapshot.lotl.in_use_digest);
  const fs::path kept = lotl_blob.string() + ".kept";
  fs::rename(lotl_blob, kept);
  auto without_blob = missing_territories(*store, r.snapshot);
  ASSERT_TRUE(without_blob.has_value()) << without_blob.error().message;
  EXPECT_EQ(spell(*without_blob), spell(*from_model));
  fs::remove_all(m_reusing / "models");
  EXPECT_FALSE(missing_territories(*store, r.snapshot).has_value());
  fs::rename(kept, lotl_blob);
  auto from_xml = missing_territories(*store, r.snapshot);
  ASSERT_TRUE(from_xml.has_value()) << from_xml.error().message;
  EXPECT_EQ(spell(*from_xml), spell(*from_model));
}

}  // namespace
}  // namespace eutl::cache
