// The store's TLS sessions file (include/eutl/cache/tls_sessions_file.h): written for its
// owner only, read back, and anything else in its place (a link, a file others may
// read, one too large, garbage) read as no sessions rather than followed or trusted.
#include "eutl/cache/tls_sessions_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

const tsl::TimePoint kNow{std::chrono::seconds(1'800'000'000)};

class TlsSessionsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-tls-file-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store) << store.error().message;
    m_store.emplace(std::move(*store));
    m_sessions.bind_trust(std::string(64, 'c'));
    m_sessions.keep("a.example", {0x30, 0x00}, 1'800'003'600);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path file() const { return m_dir / kTlsSessionsFile; }

  fs::path m_dir;
  std::optional<Store> m_store;
  net::TlsSessions m_sessions;
};

TEST_F(TlsSessionsFile, WrittenForItsOwnerOnlyAndReadBack) {
  ASSERT_TRUE(write_tls_sessions(*m_store, m_sessions));
  struct stat st {};
  ASSERT_EQ(::lstat(file().c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const net::TlsSessions back = read_tls_sessions(*m_store, kNow);
  EXPECT_EQ(back.to_text(), m_sessions.to_text());
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow + std::chrono::hours(2)).empty());  // expired by then
}

TEST_F(TlsSessionsFile, AbsentIsNone) { EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty()); }

TEST_F(TlsSessionsFile, ASymlinkIsNotFollowedAndIsReplacedNotWrittenThrough) {
  const fs::path elsewhere = m_dir.string() + "-elsewhere";
  ASSERT_TRUE(write_tls_sessions(*m_store, m_sessions));
  fs::rename(file(), elsewhere);
  fs::create_symlink(elsewhere, file());
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty());
  const std::uintmax_t before = fs::file_size(elsewhere);
  net::TlsSessions other;
  ASSERT_TRUE(write_tls_sessions(*m_store, other));
  EXPECT_FALSE(fs::is_symlink(file()));
  EXPECT_EQ(fs::file_size(elsewhere), before);
  fs::remove(elsewhere);
}

TEST_F(TlsSessionsFile, AFileOthersMayReadIsNotTrusted) {
  ASSERT_TRUE(write_tls_sessions(*m_store, m_sessions));
  fs::permissions(file(), fs::perms::group_read, fs::perm_options::add);
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty());
}

TEST_F(TlsSessionsFile, AFileOfAnotherUserIsNotTrusted) {
  ASSERT_TRUE(write_tls_sessions(*m_store, m_sessions));
  ASSERT_FALSE(read_tls_sessions(*m_store, kNow).empty());
  if (::geteuid() != 0) {
    GTEST_SKIP() << "giving the file to another user needs root";
  }
  ASSERT_EQ(::chown(file().c_str(), 65534, 65534), 0);  // nobody, mode still 0600
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty());
}

TEST_F(TlsSessionsFile, AFileTooLargeOrNotSessionsIsNone) {
  ASSERT_TRUE(write_tls_sessions(*m_store, m_sessions));
  {
    std::ofstream out(file(), std::ios::app);
    out << std::string(kMaxTlsSessionsFileBytes, '0');
  }
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty());
  {
    std::ofstream out(file(), std::ios::trunc);
    out << "\x7f" "ELF garbage\n";
  }
  EXPECT_TRUE(read_tls_sessions(*m_store, kNow).empty());
}

}  // namespace
}  // namespace eutl::cache
