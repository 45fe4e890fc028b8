// The evidence pruner of a serving process: a prune updates the gauge and the counter
// of /metrics, note_stored counts on the request path and, past the count and its
// slack, wakes the pruner at once instead of at its interval; a --read-only replica
// gets no pruner, and store_evidence reaches the pruner through the config.
#include "server/api/evidence_pruner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/api/evidence_store.h"
#include "tests/support/text_file.h"

namespace eutl::server {
namespace {

namespace fs = std::filesystem;

const tsl::TimePoint kPruneNow{std::chrono::sys_days{std::chrono::year{2026} / 12 / 5}};

using test::has_line;

class EvidencePrunerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-evidence-pruner-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    m_config.store = m_dir / "store";
    m_config.evidence_dir = m_dir / "evidence";
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string metrics() const { return m_metrics.render(SnapshotView{}, kPruneNow); }
  std::size_t records() const {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(m_config.evidence_dir)) {
      n += entry.path().extension() == ".json" ? 1 : 0;
    }
    return n;
  }

  fs::path m_dir;
  ServerConfig m_config;
  Metrics m_metrics;
};

TEST(PruneSlack, OnePercentAtMostAThousand) {
  EXPECT_EQ(prune_slack(0), 0u);
  EXPECT_EQ(prune_slack(2), 0u);
  EXPECT_EQ(prune_slack(100'000), 1000u);
  EXPECT_EQ(prune_slack(10'000'000), 1000u);
  EXPECT_EQ(prune_slack(5'000), 50u);
}

TEST_F(EvidencePrunerTest, StoredRecordsAreCountedAndAPruneCorrectsTheGauge) {
  m_config.evidence_max_records = 2;
  auto pruner = evidence_pruner_for(m_config, false, m_metrics, [] { return kPruneNow; }, nullptr);
  ASSERT_NE(pruner, nullptr);
  ASSERT_TRUE(m_config.on_evidence_stored);
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(store_evidence(m_config, "{\"n\":" + std::to_string(i) + "}"));
  }
  ASSERT_TRUE(store_evidence(m_config, "{\"n\":0}"));  // the same bytes: not a new record
  EXPECT_TRUE(has_line(metrics(), "eutl_evidence_records 4")) << metrics();
  const PruneResult result = pruner->prune_once();
  EXPECT_EQ(result.removed, 2u);
  EXPECT_EQ(records(), 2u);
  EXPECT_TRUE(has_line(metrics(), "eutl_evidence_records 2")) << metrics();
  EXPECT_TRUE(has_line(metrics(), "eutl_evidence_pruned_total 2")) << metrics();
}

TEST_F(EvidencePrunerTest, PastTheCountThePrunerRunsWithoutWaitingForItsInterval) {
  m_config.evidence_max_records = 2;
  auto pruner = evidence_pruner_for(m_config, false, m_metrics, [] { return kPruneNow; }, nullptr);
  pruner->start(std::chrono::hours(1));  // the first prune at once, the next in an hour…
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(store_evidence(m_config, "{\"n\":" + std::to_string(i) + "}"));
  }
  // …unless the count is passed: bounded wait for the background prune.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while ((records() > 2 || !has_line(metrics(), "eutl_evidence_records 2")) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pruner->stop();
  EXPECT_EQ(records(), 2u);
  EXPECT_TRUE(has_line(metrics(), "eutl_evidence_records 2")) << metrics();
}

TEST_F(EvidencePrunerTest, AReadOnlyReplicaDoesNotPrune) {
  EXPECT_EQ(evidence_pruner_for(m_config, true, m_metrics, [] { return kPruneNow; }, nullptr), nullptr);
  EXPECT_FALSE(m_config.on_evidence_stored);
}

}  // namespace
}  // namespace eutl::server
