#include "cache/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace eutl::cache::detail {
namespace {

// Closes a POSIX descriptor (RAII, style C5).
class Fd final {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const noexcept { return m_fd; }
  // Closes now and reports the error close() gives (NFS reports write errors here).
  bool close_checked() {
    int fd = m_fd;
    m_fd = -1;
    return ::close(fd) == 0;
  }

 private:
  int m_fd;
};

Error io_error(const std::string& what, const std::filesystem::path& p) {
  return Error(Errc::kIo, what + " " + p.string() + ": " + std::strerror(errno));
}

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  return std::to_string(::getpid()) + "-" + std::to_string(dist(rd));
}

}  // namespace

Result<void> fsync_directory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) {
    return io_error("cannot open directory", dir);
  }
  if (::fsync(fd.get()) != 0) {
    return io_error("cannot fsync directory", dir);
  }
  return {};
}

Result<void> write_file_atomically(const std::filesystem::path& path, tsl::ByteView bytes) {
  const std::filesystem::path dir = path.parent_path();
  const std::filesystem::path tmp = dir / (std::string(kTempPrefix) + path.filename().string() + "-" + random_suffix());
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    return io_error("cannot create", tmp);
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      Error e = io_error("cannot write", tmp);
      ::unlink(tmp.c_str());
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0 || !fd.close_checked()) {
    Error e = io_error("cannot flush", tmp);
    ::unlink(tmp.c_str());
    return e;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = io_error("cannot rename into", path);
    ::unlink(tmp.c_str());
    return e;
  }
  return fsync_directory(dir);
}

Result<tsl::Bytes> read_whole_file(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      return Error(Errc::kNotFound, "no such file " + path.string());
    }
    return io_error("cannot open", path);
  }
  tsl::Bytes out;
  std::uint8_t buf[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return io_error("cannot read", path);
    }
    if (n == 0) {
      break;
    }
    out.insert(out.end(), buf, buf + n);
  }
  return out;
}

}  // namespace eutl::cache::detail
