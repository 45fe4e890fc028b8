// The one bounded reader (include/eutl/tsl/read_file.h): regular files only, refused
// at once otherwise (never blocking on a FIFO or reading a device), a size limit per
// kind from st_size and while reading, empty files refused for every kind.
#include "eutl/tsl/read_file.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/text_file.h"

namespace eutl::tsl {
namespace {

namespace fs = std::filesystem;

class Scratch final {
 public:
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "eutl-read-file-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) m_dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  fs::path write(const std::string& name, const std::string& content) const {
    auto p = m_dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  const fs::path& dir() const { return m_dir; }

 private:
  fs::path m_dir;
};

using ::eutl::test::contains;

void expect_refused(const Result<Bytes>& r, Errc code, const fs::path& path, const std::string& what) {
  ASSERT_FALSE(r) << path << " was read";
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(path.string() + ": ", 0), 0u) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, what)) << r.error().message;
}

TEST(ReadFile, RegularFileIsReadWhole) {
  Scratch s;
  auto p = s.write("a.pem", "hello\nworld");
  auto r = read_file(p, FileKind::kCertificate);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(std::string(r->begin(), r->end()), "hello\nworld");
}

TEST(ReadFile, LimitsPerKind) {
  EXPECT_EQ(max_file_bytes(FileKind::kCertificate), 1u << 20);
  EXPECT_EQ(max_file_bytes(FileKind::kAnchors), 1u << 20);
  EXPECT_EQ(max_file_bytes(FileKind::kEvidence), 16u << 20);
  EXPECT_EQ(max_file_bytes(FileKind::kList), 64u << 20);
}

TEST(ReadFile, MissingFileIsNotFound) {
  Scratch s;
  expect_refused(read_file(s.dir() / "nope.xml", FileKind::kList), Errc::kNotFound, s.dir() / "nope.xml",
                 "cannot open the list file: No such file or directory");
}

TEST(ReadFile, DirectoryIsRefusedNamingWhatItIs) {
  Scratch s;
  expect_refused(read_file(s.dir(), FileKind::kCertificate), Errc::kUsage, s.dir(),
                 "is a directory, not a regular file (certificate file expected)");
}

TEST(ReadFile, FifoWithoutWriterIsRefusedWithoutBlocking) {
  Scratch s;
  auto fifo = s.dir() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A blocking open or read would hang here forever (nobody writes): the ctest
  // timeout is the hang detector.
  expect_refused(read_file(fifo, FileKind::kEvidence), Errc::kUsage, fifo, "is a FIFO (named pipe)");
}

TEST(ReadFile, DevicesAreRefused) {
  expect_refused(read_file("/dev/zero", FileKind::kList), Errc::kUsage, "/dev/zero", "is a character device");
  expect_refused(read_file("/dev/urandom", std::size_t{1} << 30), Errc::kUsage, "/dev/urandom",
                 "is a character device");
}

TEST(ReadFile, SocketIsRefused) {
  Scratch s;
  auto path = s.dir() / "sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.string().size(), sizeof addr.sun_path);
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  auto r = read_file(path, FileKind::kAnchors);
  ::close(fd);
  // open(2) of a socket fails with ENXIO: still an input error naming the file.
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kUsage) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(path.string() + ": ", 0), 0u) << r.error().message;
}

TEST(ReadFile, EmptyFileIsRefusedForEveryKindButReadByTheGenericReader) {
  Scratch s;
  auto p = s.write("empty", "");
  for (FileKind k : {FileKind::kCertificate, FileKind::kAnchors, FileKind::kEvidence, FileKind::kList}) {
    expect_refused(read_file(p, k), Errc::kUsage, p, std::string("is empty (") + file_kind_name(k));
  }
  auto r = read_file(p, std::size_t{16});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->empty());
}

TEST(ReadFile, SizeLimitIsExactAndCheckedBeforeReading) {
  Scratch s;
  auto p = s.write("cert.der", "x");
  fs::resize_file(p, kMaxCertificateFileBytes);
  auto at_limit = read_file(p, FileKind::kCertificate);
  ASSERT_TRUE(at_limit) << at_limit.error().message;
  EXPECT_EQ(at_limit->size(), kMaxCertificateFileBytes);
  fs::resize_file(p, kMaxCertificateFileBytes + 1);
  expect_refused(read_file(p, FileKind::kCertificate), Errc::kLimit, p,
                 "file of 1048577 bytes exceeds the limit of 1048576 bytes for a certificate file");
  // 100 MB sparse: refused from st_size, nothing read.
  fs::resize_file(p, 100'000'000);
  expect_refused(read_file(p, FileKind::kList), Errc::kLimit, p, "file of 100000000 bytes exceeds the limit");
}

TEST(ReadFile, ContentBeyondTheReportedSizeIsStillBounded) {
  // /proc files report st_size 0 and deliver more: the read itself keeps the bound.
  auto whole = read_file("/proc/self/maps", std::size_t{1} << 20);
  ASSERT_TRUE(whole) << whole.error().message;
  ASSERT_GT(whole->size(), 64u);
  expect_refused(read_file("/proc/self/maps", std::size_t{64}), Errc::kLimit, "/proc/self/maps",
                 "more than 64 bytes exceeds the limit of 64 bytes");
}

TEST(ReadFile, SymlinkIsFollowedUnlessTheCallerSaysNo) {
  Scratch s;
  auto target = s.write("target.pem", "data");
  auto link = s.dir() / "link.pem";
  fs::create_symlink(target, link);
  auto followed = read_file(link, FileKind::kCertificate);
  ASSERT_TRUE(followed) << followed.error().message;
  EXPECT_EQ(followed->size(), 4u);
  expect_refused(read_file(link, FileKind::kCertificate, FollowSymlinks::kNo), Errc::kUsage, link,
                 "is a symbolic link, not followed");
}

TEST(ReadFile, UnreadableFileIsAnInputError) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: permission bits do not stop root from reading";
  }
  Scratch s;
  auto p = s.write("secret.pem", "data");
  fs::permissions(p, fs::perms::none);
  expect_refused(read_file(p, FileKind::kCertificate), Errc::kUsage, p, "Permission denied");
}

}  // namespace
}  // namespace eutl::tsl
