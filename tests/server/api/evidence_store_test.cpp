// The evidence records of `eutl serve`: IDs are exactly 64 lower-case hex characters,
// records are written whole under their digest and read back, and nothing but a
// validated ID ever becomes a path; a symbolic link in the directory is not followed.
#include "server/api/evidence_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eutl/tsl/bytes.h"

namespace eutl::server {
namespace {

namespace fs = std::filesystem;

class EvidenceStore : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-evidence-store-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    m_config.store = m_dir / "store";
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
  ServerConfig m_config;
};

TEST(EvidenceId, OnlySixtyFourLowerCaseHexCharacters) {
  const std::string good(64, 'a');
  EXPECT_TRUE(is_evidence_id(good));
  EXPECT_TRUE(is_evidence_id("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  for (const std::string& bad : {std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'A'), std::string(),
                                std::string("../../etc/passwd"), std::string("%2e%2e"), std::string(".."),
                                std::string(62, 'a') + "/a", std::string(63, 'a') + "g", std::string(63, 'a') + '\0'}) {
    EXPECT_FALSE(is_evidence_id(bad)) << bad;
  }
}

TEST_F(EvidenceStore, StoresUnderTheDigestAndReadsBack) {
  const std::string record = "{\"schema\":\"eutl-evidence/3\"}\n";
  auto id = store_evidence(m_config, record);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(*id, tsl::to_hex(tsl::sha256(tsl::as_bytes(record))));
  EXPECT_EQ(evidence_dir(m_config), m_config.store / "evidence");
  EXPECT_TRUE(fs::is_regular_file(m_config.store / "evidence" / (*id + ".json")));
  auto again = store_evidence(m_config, record);  // the same bytes: the same ID, one file
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *id);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(m_config.store / "evidence")) {
    ++files;
  }
  EXPECT_EQ(files, 1u) << "no temporary file is left behind";
  auto read = read_evidence(m_config, *id);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, record);
}

TEST_F(EvidenceStore, AConfiguredDirectoryIsUsed) {
  m_config.evidence_dir = m_dir / "records";
  auto id = store_evidence(m_config, "{}");
  ASSERT_TRUE(id);
  EXPECT_TRUE(fs::is_regular_file(m_dir / "records" / (*id + ".json")));
}

TEST_F(EvidenceStore, BadAndUnknownIdsAreRefused) {
  auto bad = read_evidence(m_config, "../../etc/passwd");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::kUsage);
  auto unknown = read_evidence(m_config, std::string(64, 'b'));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::kNotFound);
  EXPECT_NE(unknown.error().message.find(std::string(64, 'b')), std::string::npos);
}

TEST_F(EvidenceStore, ASymbolicLinkIsNotFollowed) {
  fs::create_directories(m_config.store / "evidence");
  const fs::path secret = m_dir / "secret.json";
  std::ofstream(secret) << "{\"secret\":true}";
  const std::string id(64, 'c');
  fs::create_symlink(secret, m_config.store / "evidence" / (id + ".json"));
  auto read = read_evidence(m_config, id);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, Errc::kNotFound) << read.error().message;
}

TEST_F(EvidenceStore, ARecordHandedOutAgainStartsItsAgeAgainAndNewOnesAreCounted) {
  int stored = 0;
  m_config.on_evidence_stored = [&stored] { ++stored; };
  auto id = store_evidence(m_config, "{\"a\":1}");
  ASSERT_TRUE(id);
  EXPECT_EQ(stored, 1);
  const fs::path path = m_config.store / "evidence" / (*id + ".json");
  const auto old = fs::file_time_type::clock::now() - std::chrono::days{365};
  fs::last_write_time(path, old);
  ASSERT_TRUE(store_evidence(m_config, "{\"a\":1}"));  // the same record again
  EXPECT_EQ(stored, 1) << "not a new record";
  EXPECT_GT(fs::last_write_time(path), old + std::chrono::days{364});
}

TEST_F(EvidenceStore, AMissingRecordNamesTheRetention) {
  const std::string id(64, 'd');
  m_config.evidence_keep = std::chrono::days{90};
  m_config.evidence_max_records = 100'000;
  auto both = read_evidence(m_config, id);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code, Errc::kNotFound);
  EXPECT_NE(both.error().message.find("records are kept for 90 days, and only the newest 100000 records"),
            std::string::npos)
      << both.error().message;
  m_config.evidence_keep = std::chrono::hours{36};
  m_config.evidence_max_records = 0;
  EXPECT_NE(read_evidence(m_config, id).error().message.find("records are kept for 129600 seconds;"), std::string::npos)
      << read_evidence(m_config, id).error().message;
  m_config.evidence_keep = std::chrono::seconds{0};
  m_config.evidence_max_records = 5;
  EXPECT_NE(read_evidence(m_config, id).error().message.find("only the newest 5 records are kept"), std::string::npos);
  m_config.evidence_max_records = 0;  // kept forever: nothing to say
  EXPECT_EQ(read_evidence(m_config, id).error().message, "no evidence record " + id);
}

}  // namespace
}  // namespace eutl::server
