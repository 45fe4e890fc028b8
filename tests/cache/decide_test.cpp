// A refresh or import verifies the LOTL and its pivots once (decide_lotl), and then
// only national lists against that result (decide_lists, ListSetRequest::verified_lotl),
// also when a new national list fails and the one in use is verified again.
// Generated, signed fixtures; the real verifier behind a counter.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "eutl/cache/refresh.h"
#include "eutl/tsl/read_file.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

class DecideOnce : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures missing: build eutl_fixtures";
    m_dir = fs::temp_directory_path() / ("eutl-decide-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    auto anchors = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors.has_value());
    m_anchors = std::move(*anchors);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Imports fixture files (relative to the fixtures folder) and counts how often the
  // verifier was handed each file's bytes.
  RefreshReport import(const std::vector<std::string>& files) {
    m_seen.clear();
    std::vector<ImportFile> in;
    for (const auto& f : files) {
      auto bytes = tsl::read_file(test::fixtures() / f);
      EXPECT_TRUE(bytes.has_value()) << f;
      m_names[tsl::sha256(*bytes)] = f;
      in.push_back({f, std::move(*bytes)});
    }
    auto store = Store::open(m_dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    const Verifier counting = [this](std::vector<verify::ListSetInput> inputs, const verify::ListSetRequest& r) {
      for (const auto& i : inputs) {
        ++m_seen[m_names[tsl::sha256(i.bytes)]];
      }
      return verify::verify_list_set(std::move(inputs), r);
    };
    RefreshRequest req;
    req.lotl_anchors = m_anchors;
    req.at = tsl::parse_datetime(test::kFixtureAt).value().time;
    req.created = req.at + std::chrono::seconds(++m_clock);
    auto report = import_lists(*store, *lock, counting, std::move(in), req);
    EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().message);
    return report ? std::move(*report) : RefreshReport{};
  }

  int seen(const std::string& file) const {
    auto it = m_seen.find(file);
    return it == m_seen.end() ? 0 : it->second;
  }

  fs::path m_dir;
  std::vector<tsl::Bytes> m_anchors;
  std::map<tsl::Sha256, std::string> m_names;
  std::map<std::string, int> m_seen;
  int m_clock = 0;
};

const std::vector<std::string> kGoodSet = {"lists/lotl.xml", "lists/pivot-101.xml", "lists/tl-AA.xml",
                                           "lists/tl-BB.xml", "lists/tl-CC.xml"};

TEST_F(DecideOnce, AnImportVerifiesTheLotlAndPivotOnce) {
  RefreshReport r = import(kGoodSet);
  EXPECT_TRUE(r.lotl_verified);
  EXPECT_EQ(seen("lists/lotl.xml"), 1);
  EXPECT_EQ(seen("lists/pivot-101.xml"), 1);
  for (const char* t : {"AA", "BB", "CC"}) {
    EXPECT_EQ(seen(std::string("lists/tl-") + t + ".xml"), 1) << t;
    const ListRecord* l = r.snapshot.find_list(t);
    ASSERT_NE(l, nullptr) << t;
    EXPECT_EQ(l->result, verify::ListStatus::kValid) << t;
  }
}

TEST_F(DecideOnce, KeepingTheListInUseDoesNotVerifyTheLotlAgain) {
  import(kGoodSet);
  // A tampered AA: refused, so the AA in use is verified again (pass 2) and kept.
  RefreshReport r = import({"lists/lotl.xml", "lists/pivot-101.xml", "bad/tl-AA-tampered.xml"});
  EXPECT_EQ(seen("lists/lotl.xml"), 1);
  EXPECT_EQ(seen("lists/pivot-101.xml"), 1);
  EXPECT_EQ(seen("bad/tl-AA-tampered.xml"), 1);
  EXPECT_EQ(seen("lists/tl-AA.xml"), 1);  // the list in use, read back from the store
  const ListRecord* aa = r.snapshot.find_list("AA");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->in_use, InUse::kKept);
  EXPECT_EQ(aa->result, verify::ListStatus::kValid);
}

}  // namespace
}  // namespace eutl::cache
