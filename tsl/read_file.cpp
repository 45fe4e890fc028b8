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
#include <utility>

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

// The descriptor of a regular file within the limit, and its size at fstat time.
struct Checked final {
  Fd fd;
  std::size_t size = 0;
};

Result<Checked> open_checked(const std::filesystem::path& path, std::size_t max_bytes, FollowSymlinks follow,
                             const char* what) {
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
  return Checked{std::move(fd), static_cast<std::size_t>(st.st_size)};
}

ssize_t read_some(int fd, std::uint8_t* into, std::size_t room) {
  for (;;) {
    ssize_t n = ::read(fd, into, room);
    if (n >= 0 || errno != EINTR) {
      return n;
    }
  }
}

void shrink_to(Bytes& b, std::size_t n) { b.resize(n); }
void shrink_to(FileBytes& b, std::size_t n) { b.shrink(n); }
void append_to(Bytes& b, const std::uint8_t* from, std::size_t n) { b.insert(b.end(), from, from + n); }
void append_to(FileBytes& b, const std::uint8_t* from, std::size_t n) { b.append(from, n); }

// One buffer of the fstat size, filled by read(2); then one probe read into a small
// stack buffer to see whether the file grew (no doubling of the buffer, no copy).
template <class Buffer>
Result<Buffer> read_checked(int fd, std::size_t size, const std::filesystem::path& path, std::size_t max_bytes,
                            const char* what, bool allow_empty) {
  auto read_error = [&] {
    return Error(Errc::kIo, path.string() + ": cannot read the " + what + ": " + std::strerror(errno));
  };
  Buffer data(size);
  std::size_t used = 0;
  while (used < data.size()) {
    ssize_t n = read_some(fd, data.data() + used, data.size() - used);
    if (n < 0) {
      return read_error();
    }
    if (n == 0) {
      break;  // shrank since fstat
    }
    used += static_cast<std::size_t>(n);
  }
  shrink_to(data, used);
  if (used == size) {
    // The file may have grown since fstat: read on, never past the limit + 4 KiB.
    std::uint8_t chunk[4096];
    for (;;) {
      ssize_t n = read_some(fd, chunk, sizeof chunk);
      if (n < 0) {
        return read_error();
      }
      if (n == 0) {
        break;
      }
      append_to(data, chunk, static_cast<std::size_t>(n));
      if (data.size() > max_bytes) {
        return too_large(path, what, "more than " + std::to_string(max_bytes), max_bytes);
      }
    }
  }
  if (data.empty() && !allow_empty) {
    return Error(Errc::kUsage, path.string() + ": is empty (" + what + " expected)");
  }
  return data;
}

Result<Bytes> read_bounded(const std::filesystem::path& path, std::size_t max_bytes, FollowSymlinks follow,
                           const char* what, bool allow_empty) {
  auto checked = open_checked(path, max_bytes, follow, what);
  if (!checked) {
    return std::move(checked).error();
  }
  return read_checked<Bytes>(checked->fd.get(), checked->size, path, max_bytes, what, allow_empty);
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

OpenedFile::OpenedFile(OpenedFile&& o) noexcept
    : m_path(std::move(o.m_path)), m_kind(o.m_kind), m_fd(o.m_fd), m_size(o.m_size), m_read(std::move(o.m_read)) {
  o.m_fd = -1;
}

OpenedFile::~OpenedFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

Result<OpenedFile> OpenedFile::open(const std::filesystem::path& path, FileKind kind, FollowSymlinks follow) {
  auto checked = open_checked(path, max_file_bytes(kind), follow, file_kind_name(kind));
  if (!checked) {
    return std::move(checked).error();
  }
  OpenedFile f;
  f.m_path = path;
  f.m_kind = kind;
  if (checked->size == 0) {
    // An empty file is refused now, as read_file refuses it; a file that only reports
    // size 0 (as under /proc) is read now and kept.
    auto bytes = read_checked<FileBytes>(checked->fd.get(), 0, path, max_file_bytes(kind), file_kind_name(kind), false);
    if (!bytes) {
      return std::move(bytes).error();
    }
    f.m_read = std::move(*bytes);
    return f;
  }
  f.m_size = checked->size;
  f.m_fd = checked->fd.release();  // new owner: the OpenedFile (closed by its destructor)
  return f;
}

Result<FileBytes> OpenedFile::read_unfilled() {
  if (m_read) {
    FileBytes out = std::move(*m_read);
    m_read.reset();
    return out;
  }
  if (m_fd < 0) {
    return Error(Errc::kInternal, m_path.string() + ": read twice");
  }
  Fd owned(std::exchange(m_fd, -1));  // closed once read
  return read_checked<FileBytes>(owned.get(), m_size, m_path, max_file_bytes(m_kind), file_kind_name(m_kind), false);
}

void FileBytes::append(const std::uint8_t* from, std::size_t n) {
  if (m_capacity - m_size < n) {
    const std::size_t capacity = std::max(2 * m_capacity, m_size + n);
    auto grown = std::make_unique_for_overwrite<std::uint8_t[]>(capacity);
    std::copy(m_data.get(), m_data.get() + m_size, grown.get());
    m_data = std::move(grown);
    m_capacity = capacity;
  }
  std::copy(from, from + n, m_data.get() + m_size);
  m_size += n;
}

}  // namespace eutl::tsl
