// Reads inside the store never follow a symbolic link below its root, nor leave it
// (cache/atomic_file.h), whether the path is opened in one openat2(2) call or walked one
// component at a time; the outcome of each kind of entry is the same either way.
#include "cache/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace eutl::cache::detail {
namespace {

namespace fs = std::filesystem;

class BeneathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_root = fs::temp_directory_path() / ("eutl-beneath-" + std::to_string(::getpid()));
    m_outside = m_root.string() + "-outside";
    fs::remove_all(m_root);
    fs::remove_all(m_outside);
    fs::create_directories(m_root / "blobs" / "ab");
    fs::create_directories(m_outside / "cd");
    std::ofstream(m_root / "blobs" / "ab" / "file") << "inside";
    std::ofstream(m_outside / "cd" / "file") << "outside";
    fs::create_directory_symlink(m_outside / "cd", m_root / "blobs" / "cd");   // a linked directory
    fs::create_symlink(m_outside / "cd" / "file", m_root / "blobs" / "ab" / "link");  // a linked file
    ::mkfifo((m_root / "blobs" / "ab" / "fifo").c_str(), 0600);
  }
  void TearDown() override {
    fs::remove_all(m_root);
    fs::remove_all(m_outside);
  }
  fs::path m_root;
  fs::path m_outside;
};

TEST_F(BeneathTest, AFileIsReadOnlyWhenEveryComponentBelowTheRootIsReal) {
  struct Case {
    const char* rel;
    bool readable;
    Errc code;  // when not readable
  };
  const Case cases[] = {
      {"blobs/ab/file", true, Errc::kIo},
      {"blobs/cd/file", false, Errc::kIo},        // through a linked directory
      {"blobs/ab/link", false, Errc::kIo},        // a linked file
      {"blobs/ab/fifo", false, Errc::kIo},        // not a regular file, and no hang
      {"blobs/ab", false, Errc::kIo},             // a directory
      {"blobs/ab/missing", false, Errc::kNotFound},
      {"blobs/zz/file", false, Errc::kNotFound},  // a missing directory
      {"blobs/../blobs/ab/file", false, Errc::kUsage},
  };
  for (const Case& c : cases) {
    auto bytes = read_file_beneath(m_root, c.rel);
    EXPECT_EQ(bytes.has_value(), c.readable) << c.rel;
    if (bytes) {
      EXPECT_EQ(std::string(bytes->begin(), bytes->end()), "inside") << c.rel;
    } else {
      EXPECT_EQ(bytes.error().code, c.code) << c.rel << ": " << bytes.error().message;
      EXPECT_NE(bytes.error().message.find(m_root.string()), std::string::npos) << "names the path: " << c.rel;
    }
  }
}

TEST_F(BeneathTest, ADirectoryIsOpenedOnlyWhenEveryComponentBelowTheRootIsReal) {
  struct Case {
    const char* rel;
    bool opens;
  };
  const Case cases[] = {
      {"", true}, {"blobs", true}, {"blobs/ab", true}, {"blobs/cd", false}, {"blobs/ab/file", false},
      {"blobs/zz", false}, {"blobs/..", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(open_dir_beneath(m_root, c.rel, CreateDirs::kNo).has_value(), c.opens) << c.rel;
  }
}

TEST_F(BeneathTest, TheRootItselfMayBeALink) {
  const fs::path link = m_root.string() + "-link";
  fs::remove(link);
  fs::create_directory_symlink(m_root, link);
  auto bytes = read_file_beneath(link, "blobs/ab/file");
  EXPECT_TRUE(bytes.has_value()) << "the user's choice of where the store lives";
  EXPECT_FALSE(read_file_beneath(link, "blobs/cd/file").has_value());
  fs::remove(link);
}

// Every entry once ("." and ".." left out), a link as a name like any other (nothing
// is followed); list_names() gives the same names, sorted.
TEST_F(BeneathTest, EachNameOfADirectoryIsVisitedOnce) {
  auto dir = open_dir_beneath(m_root, "blobs/ab", CreateDirs::kNo);
  ASSERT_TRUE(dir.has_value());
  std::vector<std::string> seen;
  for_each_name(dir->get(), [&](std::string_view name) { seen.emplace_back(name); });
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"fifo", "file", "link"}));
  EXPECT_EQ(list_names(dir->get()), seen);
  // The directory's own descriptor is left as it was: a second scan sees the same.
  std::size_t again = 0;
  for_each_name(dir->get(), [&](std::string_view) { ++again; });
  EXPECT_EQ(again, seen.size());
}

}  // namespace
}  // namespace eutl::cache::detail
