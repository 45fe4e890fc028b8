// The one bounded reader for user-named files (include/eutl/tsl/read_file.h).
#include "eutl/tsl/read_file.h"

#include "tsl/detail/posix_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <string>

namespace eutl::tsl {
namespace {

using eutl::detail::Fd;

// open(2) failures: a bad path is the caller's input error; the rest could not run.
Error open_error(const std::filesystem::path& path, int err, const char* what) {
  const std::string why = std::strerror(err);
  switch (err) {
    case ENOENT:
      return Error(Errc::kNotFound, path.string() + ": cannot open the " + what + ": " + why);
    case ELOOP:
      return Error(Errc::kUsage, path.string() + ": is a symbolic link, not followed (" + what + ")");
    case EACCES:
    case EPERM:
    case ENOTDIR:
    case ENAMETOOLONG:
    case EISDIR:
    case ENXIO:
    case ENODEV:
    case EOVERFLOW:
    case EROFS:
    case ETXTBSY:
      return Error(Errc::kUsage, path.string() + ": cannot open the " + what + ": " + why);
    default:
      return Error(Errc::kIo, path.string() + ": cannot open the " + what + ": " + why);
  }
}

Error too_large(const std::filesystem::path& path, const char* what, const std::string& size,
                std::size_t max_bytes) {
  return Error(Errc::kLimit, path.string() + ": file of " + size + " bytes exceeds the limit of " +
                                 std::to_string(max_bytes) + " bytes for a " + what);
}

Result<Bytes> read_bounded(const std::filesystem::path& path, std::size_t max_bytes, FollowSymlinks follow,
                           const char* what, bool allow_empty) {
  int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  if (follow == FollowSymlinks::kNo) {
    flags |= O_NOFOLLOW;
  }
  int raw = -1;
  do {
    raw = ::open(path.c_str(), flags);
  } while (raw < 0 && errno == EINTR);
  if (raw < 0) {
    return open_error(path, errno, what);
  }
  Fd fd(raw);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Error(Errc::kIo, path.string() + ": cannot stat the " + what + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return Error(Errc::kUsage,
                 path.string() + ": is " + eutl::detail::file_type_name(st.st_mode) + ", not a regular file (" +
                     what + " expected)");
  }
  if (st.st_size < 0 || static_cast<unsigned long long>(st.st_size) > max_bytes) {
    return too_large(path, what, std::to_string(st.st_size), max_bytes);
  }
  Bytes data;
  data.resize(static_cast<std::size_t>(st.st_size));
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) {
      // The file may have grown since fstat: read on, never past the limit + 1.
      if (data.size() > max_bytes) {
        return too_large(path, what, "more than " + std::to_string(max_bytes), max_bytes);
      }
      data.resize(std::min(max_bytes + 1, std::max<std::size_t>(data.size() * 2, 4096)));
    }
    ssize_t n = ::read(fd.get(), data.data() + used, data.size() - used);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return Error(Errc::kIo, path.string() + ": cannot read the " + what + ": " + std::strerror(errno));
    }
    if (n == 0) {
      break;
    }
    used += static_cast<std::size_t>(n);
    if (used > max_bytes) {
      return too_large(path, what, "more than " + std::to_string(max_bytes), max_bytes);
    }
  }
  data.resize(used);
  if (data.empty() && !allow_empty) {
    return Error(Errc::kUsage, path.string() + ": is empty (" + what + " expected)");
  }
  return data;
}

}  // namespace

std::size_t max_file_bytes(FileKind kind) noexcept {
  switch (kind) {
    case FileKind::kCertificate:
      return kMaxCertificateFileBytes;
    case FileKind::kAnchors:
      return kMaxAnchorsFileBytes;
    case FileKind::kEvidence:
      return kMaxEvidenceFileBytes;
    case FileKind::kList:
      break;
  }
  return kMaxListFileBytes;
}

const char* file_kind_name(FileKind kind) noexcept {
  switch (kind) {
    case FileKind::kCertificate:
      return "certificate file";
    case FileKind::kAnchors:
      return "anchors file";
    case FileKind::kEvidence:
      return "evidence record";
    case FileKind::kList:
      break;
  }
  return "list file";
}

Result<Bytes> read_file(const std::filesystem::path& path, FileKind kind, FollowSymlinks follow) {
  return read_bounded(path, max_file_bytes(kind), follow, file_kind_name(kind), false);
}

Result<Bytes> read_file(const std::filesystem::path& path, std::size_t max_bytes, FollowSymlinks follow) {
  return read_bounded(path, max_bytes, follow, "file", true);
}

}  // namespace eutl::tsl
