#include "cache/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "tsl/detail/c_handle.h"

namespace eutl::cache::detail {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxRetries = 8;

Error io_error(const std::string& what, const fs::path& p, int err = errno) {
  return Error(Errc::kIo, what + " " + p.string() + ": " + std::strerror(err));
}

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  return std::to_string(::getpid()) + "-" + std::to_string(dist(rd));
}

// ELOOP (O_NOFOLLOW on a link) and ENOTDIR (O_DIRECTORY on a link or file) both mean
// "something other than what the store puts there".
Error open_error(const fs::path& p, int err) {
  if (err == ENOENT) {
    return Error(Errc::kNotFound, "no such file " + p.string());
  }
  if (err == ELOOP || err == ENOTDIR) {
    return Error(Errc::kIo, p.string() + " is a symbolic link or not the expected kind of file (never followed)");
  }
  return io_error("cannot open", p, err);
}

// `rel` below the directory `dirfd` in one openat2(2) call: RESOLVE_NO_SYMLINKS refuses a
// symbolic link in any component, as the walk's O_NOFOLLOW at each step does, and
// RESOLVE_BENEATH any way out of `dirfd`. -1 on any failure, including a kernel
// before 5.6 or a sandbox without openat2: the caller then walks the path one
// component at a time, which also gives the error its exact place.
int open_in_one_call(int dirfd, const fs::path& rel, int flags) {
  open_how how{};
  how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC | O_NOFOLLOW);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  return static_cast<int>(::syscall(SYS_openat2, dirfd, rel.c_str(), &how, sizeof how));
}

bool leaves_root(const fs::path& rel) {
  return std::any_of(rel.begin(), rel.end(), [](const fs::path& part) { return part == ".."; });
}

}  // namespace

bool lstat_at(int dirfd, const std::string& name, struct stat& st) {
  return ::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

void for_each_name(int dirfd, const std::function<void(std::string_view)>& visit) {
  int copy = ::fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) {
    return;
  }
  const eutl::detail::CHandle<DIR, ::closedir> d(::fdopendir(copy));  // owns `copy` once open
  if (!d) {
    ::close(copy);
    return;
  }
  ::rewinddir(d.get());
  while (const dirent* e = ::readdir(d.get())) {
    const std::string_view name = e->d_name;
    if (name != "." && name != "..") {
      visit(name);
    }
  }
}

std::vector<std::string> list_names(int dirfd) {
  std::vector<std::string> out;
  for_each_name(dirfd, [&](std::string_view name) { out.emplace_back(name); });
  std::sort(out.begin(), out.end());
  return out;
}

Result<Fd> open_dir_beneath(const fs::path& root, const fs::path& rel, CreateDirs create) {
  Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) {
    return open_error(root, errno);
  }
  if (create == CreateDirs::kNo && !rel.empty() && !leaves_root(rel)) {
    if (Fd fd(open_in_one_call(dir.get(), rel, O_RDONLY | O_DIRECTORY)); fd.get() >= 0) {
      return fd;
    }
  }
  fs::path walked = root;
  for (const fs::path& part : rel) {
    const std::string name = part.string();
    if (name.empty() || name == ".") {
      continue;
    }
    walked /= part;
    if (name == "..") {
      return Error(Errc::kUsage, "path leaves the store: " + walked.string());
    }
    int fd = ::openat(dir.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create == CreateDirs::kYes) {
      if (::mkdirat(dir.get(), name.c_str(), 0755) != 0 && errno != EEXIST) {
        return io_error("cannot create directory", walked);
      }
      fd = ::openat(dir.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0) {
      return open_error(walked, errno);
    }
    dir = Fd(fd);
  }
  return dir;
}

Result<Fd> open_file_at(int dirfd, const std::string& name, const fs::path& what) {
  // O_NONBLOCK: a FIFO planted in the store must not hang the reader.
  Fd fd(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    return open_error(what, errno);
  }
  return regular_file(std::move(fd), what);
}

// O_NONBLOCK stays set: it changes nothing for a regular file.
Result<Fd> regular_file(Fd fd, const fs::path& what) {
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return io_error("cannot stat", what);
  }
  if (!S_ISREG(st.st_mode)) {
    return Error(Errc::kIo, what.string() + " is not a regular file");
  }
  return fd;
}

Result<Fd> open_file_beneath(const fs::path& root, const fs::path& rel) {
  if (!leaves_root(rel)) {
    if (Fd root_fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)); root_fd.get() >= 0) {
      if (Fd fd(open_in_one_call(root_fd.get(), rel, O_RDONLY | O_NONBLOCK)); fd.get() >= 0) {
        return regular_file(std::move(fd), root / rel);
      }
    }
  }
  auto dir = open_dir_beneath(root, rel.parent_path(), CreateDirs::kNo);
  if (!dir) {
    return std::move(dir).error();
  }
  return open_file_at(dir->get(), rel.filename().string(), root / rel);
}

Result<tsl::Bytes> read_fd(int fd, const fs::path& what) {
  tsl::Bytes out;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  std::uint8_t buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return io_error("cannot read", what);
    }
    if (n == 0) {
      break;
    }
    out.insert(out.end(), buf, buf + n);
  }
  return out;
}

Result<tsl::Bytes> read_file_beneath(const fs::path& root, const fs::path& rel) {
  auto fd = open_file_beneath(root, rel);
  if (!fd) {
    return std::move(fd).error();
  }
  return read_fd(fd->get(), root / rel);
}

Result<void> fsync_directory(const fs::path& root, const fs::path& rel) {
  auto dir = open_dir_beneath(root, rel, CreateDirs::kNo);
  if (!dir) {
    return std::move(dir).error();
  }
  if (::fsync(dir->get()) != 0) {
    return io_error("cannot fsync directory", root / rel);
  }
  return {};
}

Result<void> write_file_atomically(const fs::path& root, const fs::path& rel, tsl::ByteView bytes, FileRole role) {
  const fs::path path = root / rel;
  auto dir = open_dir_beneath(root, rel.parent_path(), CreateDirs::kYes);
  if (!dir) {
    return std::move(dir).error();
  }
  const std::string name = rel.filename().string();
  std::string tmp_name;
  Fd fd;
  for (int attempt = 0;; ++attempt) {
    tmp_name = std::string(kTempPrefix) + name + "-" + random_suffix();
    fd = Fd(::openat(dir->get(), tmp_name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                      role == FileRole::kPrivateCache ? 0600 : 0644));
    if (fd.get() < 0) {
      return io_error("cannot create", path.parent_path() / tmp_name);
    }
    // Marks the temporary live (see the header). A pruner may have taken the file in the
    // instant between create and lock; it unlinks under its lock, so a zero link count
    // after ours is granted means "start again under a new name".
    struct stat st {};
    if (::flock(fd.get(), LOCK_EX) == 0 && ::fstat(fd.get(), &st) == 0 && st.st_nlink > 0) {
      break;
    }
    if (attempt >= kMaxRetries) {
      return Error(Errc::kIo, "cannot keep a temporary file in " + path.parent_path().string());
    }
  }
  auto fail = [&](const std::string& what) {
    Error e = io_error(what, path.parent_path() / tmp_name);
    ::unlinkat(dir->get(), tmp_name.c_str(), 0);
    return e;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  const bool durable = role == FileRole::kRecord;
  if (durable && ::fsync(fd.get()) != 0) {
    return fail("cannot flush");
  }
  // rename() replaces a symlink or other non-directory at `name` without following it.
  if (::renameat(dir->get(), tmp_name.c_str(), dir->get(), name.c_str()) != 0) {
    Error e = io_error("cannot rename into", path);
    ::unlinkat(dir->get(), tmp_name.c_str(), 0);
    return e;
  }
  if (!fd.close_checked()) {
    return io_error("cannot flush", path);
  }
  if (durable && ::fsync(dir->get()) != 0) {
    return io_error("cannot fsync directory", path.parent_path());
  }
  return {};
}

TempState probe_temporary(int dirfd, const std::string& name) {
  Fd fd(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    return errno == ENOENT ? TempState::kGone : TempState::kStale;  // a link or unreadable: not a live writer's
  }
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    return TempState::kLive;
  }
  return TempState::kStale;
}

bool remove_if_stale(int dirfd, const std::string& name) {
  Fd fd(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    // A symlink (ELOOP) or another odd thing under a temporary's name: the entry itself
    // goes, never what it points to.
    return errno != ENOENT && ::unlinkat(dirfd, name.c_str(), 0) == 0;
  }
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    return false;  // a live writer holds it
  }
  // Still the file we locked (not renamed away and replaced)?
  struct stat locked {};
  struct stat now {};
  if (::fstat(fd.get(), &locked) != 0 || !lstat_at(dirfd, name, now) || locked.st_ino != now.st_ino ||
      locked.st_dev != now.st_dev) {
    return false;
  }
  return ::unlinkat(dirfd, name.c_str(), 0) == 0;  // unlinked while we hold the lock
}

}  // namespace eutl::cache::detail
