// verify_store(): every kind of finding, reported and (with Repair::kYes) repaired.
#include "eutl/cache/store_verify.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

class StoreVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-verify-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::remove_all(outside());
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store);
    m_digest = *store->put_blob(tsl::as_bytes("the list"));
    Snapshot s;
    s.created = tsl::parse_datetime("2025-03-01T10:00:00Z").value().time;
    s.origin = "import";
    s.lotl.territory = "EU";
    ListRecord l;
    l.territory = "AA";
    l.in_use = InUse::kFetched;
    l.in_use_digest = m_digest;
    s.lists.push_back(l);
    m_id = *store->write_snapshot(s);
    ASSERT_TRUE(store->set_current(m_id));
  }
  void TearDown() override {
    fs::remove_all(m_dir);
    fs::remove_all(outside());
  }

  fs::path outside() const { return m_dir.string() + "-outside"; }
  fs::path blob() const { return m_dir / "blobs" / tsl::to_hex(m_digest).substr(0, 2) / tsl::to_hex(m_digest); }

  StoreVerifyResult run(Repair repair, std::vector<fs::path> sources = {}) {
    auto store = Store::open(m_dir);
    auto lock = store->lock_for_writing();
    StoreVerifyRequest req;
    req.repair = repair;
    req.sources = std::move(sources);
    auto r = verify_store(*store, req, &*lock);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : StoreVerifyResult{};
  }

  static std::vector<StoreFindingKind> kinds(const StoreVerifyResult& r) {
    std::vector<StoreFindingKind> out;
    for (const auto& f : r.findings) {
      out.push_back(f.kind);
    }
    return out;
  }

  fs::path m_dir;
  tsl::Sha256 m_digest{};
  std::string m_id;
};

TEST_F(StoreVerifyTest, FreshStoreIsClean) {
  auto r = run(Repair::kNo);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.open_problems(), 0u);
  EXPECT_EQ(r.blobs_checked, 1u);
  EXPECT_EQ(r.snapshots_checked, 1u);
}

TEST_F(StoreVerifyTest, FlippedBlobIsAProblemRepairedFromASourceFile) {
  std::fstream(blob(), std::ios::in | std::ios::out | std::ios::binary).write("X", 1);
  auto r = run(Repair::kNo);
  EXPECT_EQ(kinds(r), std::vector<StoreFindingKind>{StoreFindingKind::kCorruptBlob});
  EXPECT_EQ(r.open_problems(), 1u);

  fs::create_directories(outside());
  std::ofstream(outside() / "unrelated.xml") << "other bytes";
  std::ofstream(outside() / "aa.xml") << "the list";
  auto repaired = run(Repair::kYes, {outside()});
  ASSERT_EQ(repaired.findings.size(), 1u);
  EXPECT_TRUE(repaired.findings[0].repaired) << repaired.findings[0].detail;
  EXPECT_EQ(repaired.open_problems(), 0u);
  EXPECT_TRUE(run(Repair::kNo).findings.empty());
}

TEST_F(StoreVerifyTest, MissingBlobWithoutASourceStaysAProblem) {
  fs::remove(blob());
  auto r = run(Repair::kYes, {});
  EXPECT_EQ(kinds(r), std::vector<StoreFindingKind>{StoreFindingKind::kMissingBlob});
  EXPECT_EQ(r.open_problems(), 1u);
  EXPECT_NE(r.findings[0].detail.find(m_id), std::string::npos) << r.findings[0].detail;
}

TEST_F(StoreVerifyTest, SymlinkIsReportedAndOnlyTheLinkIsRemoved) {
  fs::create_directories(outside());
  std::ofstream(outside() / "target") << "the list";  // even the right bytes are not followed
  fs::remove(blob());
  fs::create_symlink(outside() / "target", blob());
  auto r = run(Repair::kNo);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].kind, StoreFindingKind::kNotRegularFile);
  EXPECT_GE(r.open_problems(), 1u);

  auto repaired = run(Repair::kYes, {outside() / "target"});
  EXPECT_EQ(repaired.open_problems(), 0u);
  EXPECT_TRUE(fs::exists(outside() / "target"));
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(blob())));
  EXPECT_TRUE(run(Repair::kNo).findings.empty());
}

TEST_F(StoreVerifyTest, StaleTemporaryIsReclaimableAndALiveOneIsNotReported) {
  std::ofstream(m_dir / "snapshots" / ".tmp-killed") << "partial";
  std::ofstream(m_dir / "snapshots" / ".tmp-live") << "partial";
  int live = ::open((m_dir / "snapshots" / ".tmp-live").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_EQ(::flock(live, LOCK_EX), 0);
  auto r = run(Repair::kNo);
  EXPECT_EQ(kinds(r), std::vector<StoreFindingKind>{StoreFindingKind::kStaleTemporary});
  EXPECT_EQ(r.open_problems(), 0u) << "reclaimable, not a problem";
  auto repaired = run(Repair::kYes);
  ::close(live);
  EXPECT_FALSE(fs::exists(m_dir / "snapshots" / ".tmp-killed"));
  EXPECT_TRUE(fs::exists(m_dir / "snapshots" / ".tmp-live"));
}

TEST_F(StoreVerifyTest, CorruptModelIsAProblemAndAnOrphanIsReclaimable) {
  fs::create_directories(m_dir / "models");
  std::ofstream(m_dir / "models" / (m_id + ".bin")) << "EUTLMODL not really";
  std::ofstream(m_dir / "models" / "20200101T000000Z-000-0000000000000000.bin") << "old";
  auto r = run(Repair::kNo);
  EXPECT_EQ(kinds(r), (std::vector<StoreFindingKind>{StoreFindingKind::kOrphanModel, StoreFindingKind::kCorruptModel}));
  EXPECT_EQ(r.open_problems(), 1u);
  auto repaired = run(Repair::kYes);
  EXPECT_EQ(repaired.open_problems(), 0u);
  EXPECT_TRUE(run(Repair::kNo).findings.empty());
}

TEST_F(StoreVerifyTest, CurrentNamingNoSnapshotIsAProblem) {
  std::ofstream(m_dir / "current") << "20200101T000000Z-000-0000000000000000\n";
  auto r = run(Repair::kNo);
  EXPECT_EQ(kinds(r), std::vector<StoreFindingKind>{StoreFindingKind::kBadCurrent});
}

TEST_F(StoreVerifyTest, UnreferencedBlobIsReclaimable) {
  auto store = Store::open(m_dir);
  ASSERT_TRUE(store->put_blob(tsl::as_bytes("left by a killed import")));
  auto r = run(Repair::kNo);
  EXPECT_EQ(kinds(r), std::vector<StoreFindingKind>{StoreFindingKind::kUnreferencedBlob});
  EXPECT_EQ(r.open_problems(), 0u);
}

TEST_F(StoreVerifyTest, RepairWithoutTheLockIsRefused) {
  auto store = Store::open(m_dir);
  StoreVerifyRequest req;
  req.repair = Repair::kYes;
  EXPECT_FALSE(verify_store(*store, req, nullptr));
}

}  // namespace
}  // namespace eutl::cache
