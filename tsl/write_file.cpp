#include "eutl/tsl/write_file.h"

#include "tsl/detail/posix_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace eutl::tsl {
namespace {

using eutl::detail::Fd;

Error open_error(const std::filesystem::path& path, int err) {
  const std::string p = path.string();
  switch (err) {
    case ENXIO:
      return Error(Errc::kUsage, p + ": a FIFO that nobody reads (writing would block forever)");
    case EISDIR:
      return Error(Errc::kUsage, p + ": is a directory, not a file to write");
    case ENOENT:
    case ENOTDIR:
      return Error(Errc::kUsage, p + ": cannot create the file: its directory does not exist");
    case EACCES:
    case EPERM:
    case EROFS:
    case ETXTBSY:
      return Error(Errc::kUsage, p + ": cannot write: " + std::strerror(err));
    default:
      return Error(Errc::kIo, p + ": cannot open for writing: " + std::strerror(err));
  }
}

}  // namespace

Result<void> write_file(const std::filesystem::path& path, std::string_view data) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0644));
  if (fd.get() < 0) {
    return open_error(path, errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Error(Errc::kIo, path.string() + ": cannot stat: " + std::strerror(errno));
  }
  if (S_ISSOCK(st.st_mode) || S_ISDIR(st.st_mode)) {
    return Error(Errc::kUsage, path.string() + ": not a file to write (a socket or directory)");
  }
  // A reader is there (or it is a file or device): from now on writes may block normally.
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) {
    return Error(Errc::kIo, path.string() + ": cannot set blocking mode: " + std::strerror(errno));
  }
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd.get(), data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return Error(Errc::kIo, path.string() + ": cannot write: " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  if (!fd.close_checked()) {
    return Error(Errc::kIo, path.string() + ": cannot write: " + std::strerror(errno));
  }
  return {};
}

}  // namespace eutl::tsl
