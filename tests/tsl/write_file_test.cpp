// The one writer (include/eutl/tsl/write_file.h): regular files are created or
// truncated; a FIFO nobody reads and a directory are refused at once, naming the path,
// instead of blocking or failing later; a FIFO with a reader and /dev/null are written.
#include "eutl/tsl/write_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <string>

namespace eutl::tsl {
namespace {

namespace fs = std::filesystem;

class WriteFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "eutl-write-file-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    m_dir = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  fs::path m_dir;
};

TEST_F(WriteFile, CreatesAndTruncatesARegularFile) {
  const fs::path p = m_dir / "out.json";
  ASSERT_TRUE(write_file(p, "a longer first content"));
  ASSERT_TRUE(write_file(p, "short"));
  EXPECT_EQ(slurp(p), "short");
}

TEST_F(WriteFile, FifoWithoutReaderIsRefusedAtOnce) {
  const fs::path p = m_dir / "fifo";
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  // Without O_NONBLOCK this open would block until a reader comes: run it where a hang
  // shows up as a timeout rather than a stuck suite.
  auto result = std::async(std::launch::async, [&] { return write_file(p, "data"); });
  ASSERT_EQ(result.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "write_file blocked on a FIFO";
  auto r = result.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kUsage);
  EXPECT_NE(r.error().message.find(p.string()), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("FIFO"), std::string::npos) << r.error().message;
}

TEST_F(WriteFile, FifoWithAReaderIsWritten) {
  const fs::path p = m_dir / "fifo";
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  const int reader = ::open(p.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(write_file(p, "through the pipe"));
  char buf[64] = {};
  const ssize_t n = ::read(reader, buf, sizeof buf);
  ::close(reader);
  EXPECT_EQ(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), "through the pipe");
}

TEST_F(WriteFile, DirectoryAndMissingDirectoryAreInputErrors) {
  auto dir = write_file(m_dir, "x");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().code, Errc::kUsage);
  EXPECT_NE(dir.error().message.find("directory"), std::string::npos) << dir.error().message;
  auto missing = write_file(m_dir / "no-such-dir" / "out.json", "x");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kUsage);
  EXPECT_NE(missing.error().message.find("no-such-dir"), std::string::npos) << missing.error().message;
}

TEST_F(WriteFile, DevNullIsAccepted) { EXPECT_TRUE(write_file("/dev/null", "discarded")); }

}  // namespace
}  // namespace eutl::tsl
