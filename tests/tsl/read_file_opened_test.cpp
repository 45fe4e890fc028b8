// tsl::OpenedFile (include/eutl/tsl/read_file.h): a file opened and checked now, with
// read_file's refusals, and read later, once, whole.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "eutl/tsl/read_file.h"

namespace eutl::tsl {
namespace {

namespace fs = std::filesystem;

class OpenedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-opened-file-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path write(const std::string& name, const std::string& content) const {
    auto p = m_dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  fs::path m_dir;
};

TEST_F(OpenedFileTest, IsReadWholeOnceAfterOpening) {
  const std::string content(100000, 'x');
  const fs::path p = write("list.xml", content);
  auto f = OpenedFile::open(p, FileKind::kList);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->size_hint(), content.size());
  // Removed after opening: the descriptor still reads what was opened.
  fs::remove(p);
  auto bytes = f->read_unfilled();
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(std::string(bytes->view().begin(), bytes->view().end()), content);
  auto again = f->read_unfilled();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kInternal);
  EXPECT_NE(again.error().message.find("read twice"), std::string::npos) << again.error().message;
}

TEST_F(OpenedFileTest, RefusesAtOpenWhatReadFileRefuses) {
  auto missing = OpenedFile::open(m_dir / "none.xml", FileKind::kList);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  EXPECT_NE(missing.error().message.find("none.xml"), std::string::npos) << missing.error().message;

  auto dir = OpenedFile::open(m_dir, FileKind::kList);
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().code, Errc::kUsage);
  EXPECT_NE(dir.error().message.find("is a directory"), std::string::npos) << dir.error().message;

  auto empty = OpenedFile::open(write("empty.xml", ""), FileKind::kList);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, Errc::kUsage);
  EXPECT_NE(empty.error().message.find("is empty (list file expected)"), std::string::npos)
      << empty.error().message;

  auto big = OpenedFile::open(write("big.pem", std::string(kMaxCertificateFileBytes + 1, 'a')), FileKind::kCertificate);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, Errc::kLimit);
}

TEST_F(OpenedFileTest, GrowthPastTheLimitAfterOpeningIsRefusedAtRead) {
  const fs::path p = write("cert.pem", "abc");
  auto f = OpenedFile::open(p, FileKind::kCertificate);
  ASSERT_TRUE(f) << f.error().message;
  std::ofstream(p, std::ios::binary | std::ios::app) << std::string(kMaxCertificateFileBytes, 'b');
  auto bytes = f->read_unfilled();
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, Errc::kLimit);
  EXPECT_NE(bytes.error().message.find("more than"), std::string::npos) << bytes.error().message;
}

TEST_F(OpenedFileTest, AFileReportingSizeZeroIsReadAtOpen) {
  // /proc files report st_size 0 and deliver more. What was read at open is what the
  // read gives, once.
  auto f = OpenedFile::open("/proc/self/status", FileKind::kList);
  ASSERT_TRUE(f) << f.error().message;
  auto bytes = f->read_unfilled();
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_NE(std::string(bytes->view().begin(), bytes->view().end()).find("Name:"), std::string::npos);
  auto again = f->read_unfilled();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kInternal);
}

TEST_F(OpenedFileTest, ReadUnfilledHoldsTheWholeFileAsRead) {
  const fs::path p = write("list.xml", "<a/>");
  auto f = OpenedFile::open(p, FileKind::kList);
  ASSERT_TRUE(f) << f.error().message;
  // Grown after fstat: the buffer of the fstat size is extended.
  std::ofstream(p, std::ios::binary | std::ios::app) << std::string(10000, 'b');
  auto bytes = f->read_unfilled();
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(std::string(bytes->view().begin(), bytes->view().end()), "<a/>" + std::string(10000, 'b'));
  auto again = f->read_unfilled();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kInternal);
}

}  // namespace
}  // namespace eutl::tsl
