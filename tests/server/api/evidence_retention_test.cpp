// Evidence retention: records older than the age go, beyond the count the oldest go
// first, stale temporaries of store_evidence go, and nothing else in the directory is
// touched: not other names, not links (nor what they point to), not directories. Time
// is passed in and file times are set with last_write_time: no test sleeps.
#include "server/api/evidence_retention.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace eutl::server {
namespace {

namespace fs = std::filesystem;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::seconds;

const tsl::TimePoint kNow{std::chrono::sys_days{std::chrono::year{2026} / 12 / 5} + hours{12}};

std::string id(char c) { return std::string(64, c); }
std::string record(char c) { return id(c) + ".json"; }

class EvidenceRetention : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-evidence-retention-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // A file named `name` last written at `when`.
  void file(const std::string& name, tsl::TimePoint when) {
    std::ofstream(m_dir / name) << "{}";
    fs::last_write_time(m_dir / name, std::chrono::file_clock::from_sys(when));
  }
  bool exists(const std::string& name) const {
    return fs::exists(fs::symlink_status(m_dir / name));
  }

  fs::path m_dir;
};

TEST(EvidenceFileKind, ByExactName) {
  EXPECT_EQ(evidence_file_kind(record('a')), EvidenceFileKind::kRecord);
  EXPECT_EQ(evidence_file_kind(".tmp-" + id('a') + "-1234567890"), EvidenceFileKind::kTemporary);
  for (const std::string& other : std::vector<std::string>{id('a'), id('A') + ".json", std::string(63, 'a') + ".json", id('a') + ".json.bak", id('a') + ".jsonx",
        "x" + record('a'), id('g') + ".json", ".tmp-" + id('a'), ".tmp-" + id('a') + "-", ".tmp-" + id('a') + "-12a",
        ".tmp-" + id('A') + "-1", "notes.txt", ".", ".."}) {
    EXPECT_EQ(evidence_file_kind(other), EvidenceFileKind::kOther) << other;
  }
}

TEST(PrunePlan, AgeThenCountOldestFirst) {
  std::vector<EvidenceFile> files{
      {record('a'), kNow - days{100}, EvidenceFileKind::kRecord},  // past 90 days
      {record('b'), kNow - days{10}, EvidenceFileKind::kRecord},
      {record('c'), kNow - days{30}, EvidenceFileKind::kRecord},
      {record('d'), kNow - days{1}, EvidenceFileKind::kRecord},
      {record('e'), kNow - days{30}, EvidenceFileKind::kRecord},  // the same time as c: name order
  };
  const PrunePlan plan = plan_prune(files, {days{90}, 2}, kNow);
  EXPECT_EQ(plan.remove, (std::vector<std::string>{record('a'), record('c'), record('e')}));
  EXPECT_EQ(plan.records_kept, 2u);

  const PrunePlan by_age = plan_prune(files, {days{90}, 0}, kNow);  // no count limit
  EXPECT_EQ(by_age.remove, (std::vector<std::string>{record('a')}));
  EXPECT_EQ(by_age.records_kept, 4u);

  const PrunePlan by_count = plan_prune(files, {seconds{0}, 4}, kNow);  // no age limit
  EXPECT_EQ(by_count.remove, (std::vector<std::string>{record('a')}));

  EXPECT_TRUE(plan_prune(files, {seconds{0}, 0}, kNow).remove.empty());  // keep everything
  EXPECT_TRUE(plan_prune(files, {days{90}, 5}, kNow - days{20}).remove.empty());  // earlier: nothing is old
}

TEST(PrunePlan, RecordsAtExactlyTheAgeStayAndTheFutureIsNotOld) {
  std::vector<EvidenceFile> files{{record('a'), kNow - days{90}, EvidenceFileKind::kRecord},
                                  {record('b'), kNow + hours{1}, EvidenceFileKind::kRecord}};
  EXPECT_TRUE(plan_prune(files, {days{90}, 0}, kNow).remove.empty());
}

TEST_F(EvidenceRetention, RemovesOldAndExcessRecordsFromTheDirectory) {
  file(record('a'), kNow - days{91});
  file(record('b'), kNow - days{3});
  file(record('c'), kNow - days{2});
  file(record('d'), kNow - days{1});
  const PruneResult result = prune_evidence(m_dir, {days{90}, 2}, kNow);
  EXPECT_TRUE(result.failures.empty()) << result.failures.front();
  EXPECT_EQ(result.removed, 2u);
  EXPECT_EQ(result.records, 2u);
  EXPECT_FALSE(exists(record('a')));
  EXPECT_FALSE(exists(record('b')));
  EXPECT_TRUE(exists(record('c')));
  EXPECT_TRUE(exists(record('d')));
}

TEST_F(EvidenceRetention, LeavesOtherNamesLinksAndDirectoriesAlone) {
  const tsl::TimePoint old = kNow - days{400};
  file("notes.txt", old);
  file(id('a'), old);                 // no .json
  file(record('a') + ".bak", old);
  file(std::string(64, 'A') + ".json", old);  // upper case: not an ID
  fs::create_directory(m_dir / record('b'));  // a directory named like a record
  // A link named like a record, to a file outside that is old and would be removed.
  const fs::path outside = m_dir.string() + "-outside.json";
  std::ofstream(outside) << "keep me";
  fs::last_write_time(outside, std::chrono::file_clock::from_sys(old));
  fs::create_symlink(outside, m_dir / record('c'));
  file(record('d'), old);  // the one real old record

  const PruneResult result = prune_evidence(m_dir, {days{1}, 1}, kNow);
  EXPECT_EQ(result.removed, 1u);
  EXPECT_EQ(result.records, 0u);
  EXPECT_FALSE(exists(record('d')));
  for (const std::string& kept : {std::string("notes.txt"), id('a'), record('a') + ".bak",
                                  std::string(64, 'A') + ".json", record('b'), record('c')}) {
    EXPECT_TRUE(exists(kept)) << kept;
  }
  EXPECT_TRUE(fs::is_symlink(m_dir / record('c')));
  EXPECT_TRUE(fs::exists(outside));  // never followed
  fs::remove(outside);
}

TEST_F(EvidenceRetention, StaleTemporariesGoFreshOnesStay) {
  const std::string stale = ".tmp-" + id('a') + "-42";
  const std::string fresh = ".tmp-" + id('b') + "-43";
  file(stale, kNow - kTemporaryGrace - seconds{1});
  file(fresh, kNow - seconds{5});
  const PruneResult result = prune_evidence(m_dir, {seconds{0}, 0}, kNow);  // records kept forever
  EXPECT_EQ(result.removed, 1u);
  EXPECT_FALSE(exists(stale));
  EXPECT_TRUE(exists(fresh));
}

TEST_F(EvidenceRetention, AMissingDirectoryHasNoRecordsAndNoFailure) {
  const PruneResult result = prune_evidence(m_dir / "not-yet", {days{90}, 10}, kNow);
  EXPECT_EQ(result.records, 0u);
  EXPECT_TRUE(result.failures.empty());
}

TEST_F(EvidenceRetention, ADirectoryThatCannotBeReadIsReportedNotThrown) {
  file("not-a-directory", kNow);
  const PruneResult result = prune_evidence(m_dir / "not-a-directory", {days{90}, 10}, kNow);
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_NE(result.failures[0].find("not-a-directory"), std::string::npos) << result.failures[0];
  EXPECT_EQ(result.removed, 0u);
}

}  // namespace
}  // namespace eutl::server
