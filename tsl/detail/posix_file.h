// POSIX file helpers shared by the reader, the writer and the store: one owner for a
// file descriptor (RAII, like c_handle.h for C library handles) and one name for each
// kind of file, for messages.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

namespace eutl::detail {

// Owns one POSIX file descriptor; -1 owns nothing.
class Fd final {
 public:
  Fd() = default;
  explicit Fd(int fd) noexcept : m_fd(fd) {}
  Fd(Fd&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      reset();
      m_fd = o.m_fd;
      o.m_fd = -1;
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const noexcept { return m_fd; }
  // Gives the descriptor up without closing it; the caller names its new owner.
  int release() noexcept {
    const int fd = m_fd;
    m_fd = -1;
    return fd;
  }
  // Closes now and reports whether close() succeeded (a delayed write error, as NFS
  // reports them, shows up here).
  bool close_checked() noexcept {
    const int fd = m_fd;
    m_fd = -1;
    return ::close(fd) == 0;
  }

 private:
  void reset() noexcept {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = -1;
  }
  int m_fd = -1;
};

// "a directory", "a FIFO (named pipe)", … for a file that is not what was expected.
inline const char* file_type_name(mode_t mode) noexcept {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

}  // namespace eutl::detail
