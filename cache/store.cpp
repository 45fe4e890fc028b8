#include "eutl/cache/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "cache/atomic_file.h"
#include "cache/snapshot_pins.h"

namespace eutl::cache {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSnapshotSuffix = ".json";

// Blob files are named by the digest in lower-case hex, under its first two digits.
fs::path blob_name(const tsl::Sha256& digest) {
  const std::string hex = tsl::to_hex(digest);
  return fs::path("blobs") / hex.substr(0, 2) / hex;
}

bool is_snapshot_id(const std::string& id) {
  return !id.empty() && id.size() < 80 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
         });
}

// 2025-03-01T12:00:00Z → "20250301T120000Z".
std::string compact_time(tsl::TimePoint created) {
  std::string out = tsl::format_time(created);
  std::erase_if(out, [](char c) { return c == '-' || c == ':'; });
  return out;
}

// The parts of an id that order it: creation time, counter (-1 for the older
// "<created>-<digest>" form), the rest. Views into `id`: ordering the snapshots of a
// store that kept years of hourly refreshes allocates nothing per comparison.
struct SortKey final {
  std::string_view time;
  long long counter = -1;
  std::string_view rest;
  auto operator<=>(const SortKey&) const = default;
};

SortKey sort_key(std::string_view id) {
  const std::size_t first = id.find('-');
  if (first == std::string_view::npos) {
    return {id, -1, {}};
  }
  const std::size_t second = id.find('-', first + 1);
  if (second != std::string_view::npos && second - first - 1 > 0 && second - first - 1 <= 9) {
    const std::string_view digits = id.substr(first + 1, second - first - 1);
    long long counter = 0;
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      std::from_chars(digits.data(), digits.data() + digits.size(), counter);  // at most nine digits
      return {id.substr(0, first), counter, id.substr(second + 1)};
    }
  }
  return {id.substr(0, first), -1, id.substr(first + 1)};
}

std::string snapshot_file(const std::string& id) { return id + std::string(kSnapshotSuffix); }

Error pruned(const std::string& id) {
  return Error(Errc::kNotFound, "snapshot " + id + " is not in the store (it was pruned, or never written)");
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

}  // namespace


// One shared flock() per snapshot a Store object has read; closed when the last copy
// of that Store goes.
fs::path default_store_dir() {
  if (const char* e = std::getenv("EUTL_STORE"); e != nullptr && *e != '\0') {
    return e;
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x != '\0') {
    return fs::path(x) / "eutl";
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    return fs::path(h) / ".cache" / "eutl";
  }
  return fs::path(".eutl-store");
}

StoreLock& StoreLock::operator=(StoreLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = other.m_fd;
    other.m_fd = -1;
  }
  return *this;
}

StoreLock::~StoreLock() {
  if (m_fd >= 0) {
    ::close(m_fd);  // releases the flock
  }
}

Store::Store(fs::path dir) : m_dir(std::move(dir)), m_pins(std::make_shared<SnapshotPins>()) {}

Result<Store> Store::open(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);  // the root may be a symlink: the user chose where the store lives
  if (ec) {
    return Error(Errc::kIo, "cannot create store directory " + dir.string() + ": " + ec.message());
  }
  for (const char* sub : {"blobs", "snapshots"}) {
    if (auto d = detail::open_dir_beneath(dir, sub, detail::CreateDirs::kYes); !d) {
      return std::move(d).error();
    }
  }
  return Store(dir);
}

Result<StoreLock> Store::lock_for_writing() const {
  const fs::path path = m_dir / "lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int err = errno;
    return Error(Errc::kIo, "cannot open " + path.string() + ": " + std::strerror(err) +
                                (err == ELOOP ? " (a symbolic link, never followed: remove it)" : ""));
  }
  StoreLock lock(fd);  // owns fd from here
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return Error(Errc::kIo, "the store " + m_dir.string() + " is being written by another eutl process");
  }
  return lock;
}

fs::path Store::blob_path(const tsl::Sha256& digest) const { return m_dir / blob_name(digest); }

bool Store::has_blob(const tsl::Sha256& digest) const {
  return detail::open_file_beneath(m_dir, blob_name(digest)).has_value();
}

Result<tsl::Sha256> Store::put_blob(tsl::ByteView bytes) const {
  const tsl::Sha256 digest = tsl::sha256(bytes);
  if (auto existing = read_blob(digest); existing) {
    return digest;  // content-addressed: the same name holds the same bytes (re-checked above)
  }
  // Absent, corrupt, or not a regular file: (re)write it; rename() replaces whatever
  // non-directory was there without following it.
  if (auto r = detail::write_file_atomically(m_dir, blob_name(digest), bytes); !r) {
    return r.error();
  }
  return digest;
}

Result<tsl::Bytes> Store::read_blob(const tsl::Sha256& digest) const {
  auto bytes = detail::read_file_beneath(m_dir, blob_name(digest));
  if (!bytes) {
    return bytes.error();
  }
  if (tsl::sha256(*bytes) != digest) {
    return Error(Errc::kMalformed, "blob " + tsl::to_hex(digest) + " is corrupt (digest mismatch)");
  }
  return bytes;
}

bool Store::snapshot_id_less(const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); }

Result<std::string> Store::write_snapshot(const Snapshot& snapshot) const {
  const std::string json = snapshot_to_json(snapshot);
  const std::string digest = tsl::to_hex(tsl::sha256(tsl::as_bytes(json)));
  const std::string when = compact_time(snapshot.created);
  // The next counter among the snapshots of the same second; nothing else is read.
  long long next = 0;
  if (auto dir = detail::open_dir_beneath(m_dir, "snapshots", detail::CreateDirs::kNo)) {
    detail::for_each_name(dir->get(), [&](std::string_view name) {
      if (name.starts_with(when) && name.ends_with(kSnapshotSuffix)) {
        if (const SortKey key = sort_key(name.substr(0, name.size() - kSnapshotSuffix.size())); key.time == when) {
          next = std::max(next, key.counter + 1);
        }
      }
    });
  }
  std::string counter = std::to_string(next);
  counter.insert(0, counter.size() < 3 ? 3 - counter.size() : 0, '0');
  const std::string id = when + "-" + counter + "-" + digest.substr(0, 16);
  if (auto r = detail::write_file_atomically(m_dir, fs::path("snapshots") / snapshot_file(id), tsl::as_bytes(json));
      !r) {
    return r.error();
  }
  return id;
}

Result<Snapshot> Store::read_snapshot(const std::string& id) const {
  auto file = read_snapshot_file(id);
  if (!file) {
    return std::move(file).error();
  }
  return parse_snapshot_file(*file);
}

Result<SnapshotFile> Store::read_snapshot_file(const std::string& id, Pin pin) const {
  if (!is_snapshot_id(id)) {
    return Error(Errc::kMalformed, "not a snapshot id: " + id);
  }
  auto dir = detail::open_dir_beneath(m_dir, "snapshots", detail::CreateDirs::kNo);
  if (!dir) {
    return std::move(dir).error();
  }
  auto fd = detail::open_file_at(dir->get(), snapshot_file(id), m_dir / "snapshots" / snapshot_file(id));
  if (!fd) {
    return fd.error().code == Errc::kNotFound ? pruned(id) : std::move(fd).error();
  }
  // Pin: prune() takes an exclusive lock before it unlinks, so once the shared lock is
  // granted the file either is still linked (and stays so) or is already gone.
  while (::flock(fd->get(), LOCK_SH) != 0) {
    if (errno != EINTR) {
      return Error(Errc::kIo, "cannot lock snapshot " + id + ": " + std::strerror(errno));
    }
  }
  struct stat st {};
  if (::fstat(fd->get(), &st) != 0 || st.st_nlink == 0) {
    return pruned(id);
  }
  auto bytes = detail::read_fd(fd->get(), m_dir / "snapshots" / snapshot_file(id));
  if (!bytes) {
    return bytes.error();
  }
  if (pin == Pin::kYes) {
    m_pins->keep(id, std::move(*fd));
  }
  return SnapshotFile{id, std::move(*bytes)};
}

Result<Snapshot> Store::parse_snapshot_file(const SnapshotFile& file) const {
  if (auto same = m_pins->parsed(file.id, file.json)) {
    return std::move(*same);
  }
  auto snap = snapshot_from_json(std::string_view(reinterpret_cast<const char*>(file.json.data()), file.json.size()),
                                 file.id);
  if (!snap) {  // name the file: a damaged or hostile snapshot is the user's to look at
    return Error(snap.error().code,
                 (m_dir / "snapshots" / snapshot_file(file.id)).string() + ": " + snap.error().message);
  }
  m_pins->remember(file.id, file.json, *snap);
  return snap;
}

std::vector<std::string> Store::snapshot_ids() const {
  std::vector<std::string> ids;
  auto dir = detail::open_dir_beneath(m_dir, "snapshots", detail::CreateDirs::kNo);
  if (!dir) {
    return ids;
  }
  for (const std::string& name : detail::list_names(dir->get())) {
    if (name.starts_with(detail::kTempPrefix) || !name.ends_with(kSnapshotSuffix)) {
      continue;
    }
    std::string id = name.substr(0, name.size() - kSnapshotSuffix.size());
    if (is_snapshot_id(id)) {
      ids.push_back(std::move(id));
    }
  }
  std::sort(ids.begin(), ids.end(), snapshot_id_less);
  return ids;
}

Result<void> Store::set_current(const std::string& id) const {
  struct stat st {};
  auto dir = detail::open_dir_beneath(m_dir, "snapshots", detail::CreateDirs::kNo);
  if (!is_snapshot_id(id) || !dir || !detail::lstat_at(dir->get(), snapshot_file(id), st) || !S_ISREG(st.st_mode)) {
    return Error(Errc::kNotFound, "no snapshot " + id);
  }
  const std::string text = id + "\n";
  return detail::write_file_atomically(m_dir, "current", tsl::as_bytes(text));
}

Result<std::string> Store::current_id() const {
  auto bytes = detail::read_file_beneath(m_dir, "current");
  if (!bytes) {
    return bytes.error().code == Errc::kNotFound ? Result<std::string>(std::string()) : bytes.error();
  }
  return trim(std::string(bytes->begin(), bytes->end()));
}

Result<std::optional<Snapshot>> Store::current() const {
  auto file = current_file();
  if (!file || !*file) {
    return file ? Result<std::optional<Snapshot>>(std::optional<Snapshot>{}) : std::move(file).error();
  }
  auto snap = parse_snapshot_file(**file);
  if (!snap) {
    return std::move(snap).error();
  }
  return std::optional<Snapshot>(std::move(*snap));
}

Result<std::optional<SnapshotFile>> Store::current_file() const {
  constexpr int kAttempts = 16;
  for (int attempt = 0;; ++attempt) {
    auto bytes = detail::read_file_beneath(m_dir, "current");
    if (!bytes) {
      if (bytes.error().code == Errc::kNotFound) {
        return std::optional<SnapshotFile>{};
      }
      return bytes.error();
    }
    std::string id = trim(std::string(bytes->begin(), bytes->end()));
    auto file = read_snapshot_file(id);
    if (file) {
      return std::optional<SnapshotFile>(std::move(*file));
    }
    // Gone between reading `current` and pinning it: a writer moved `current` on and
    // a prune removed the old one. `current` names a newer snapshot now.
    if (file.error().code != Errc::kNotFound || attempt + 1 >= kAttempts) {
      return file.error();
    }
  }
}

}  // namespace eutl::cache
