#include "eutl/cache/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "cache/atomic_file.h"

namespace eutl::cache {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSnapshotSuffix = ".json";

bool is_hex_digest(const std::string& hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_snapshot_id(const std::string& id) {
  return !id.empty() && id.size() < 80 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
         });
}

// "2025-03-01T12:00:00Z" → "20250301T120000Z".
std::string compact_time(const std::string& created) {
  std::string out;
  for (char c : created) {
    if (c != '-' && c != ':') {
      out += c;
    }
  }
  return out.empty() ? "00000000T000000Z" : out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

}  // namespace

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

Result<Store> Store::open(const fs::path& dir) {
  std::error_code ec;
  for (const fs::path& p : {dir, dir / "blobs", dir / "snapshots"}) {
    fs::create_directories(p, ec);
    if (ec) {
      return Error(Errc::kIo, "cannot create store directory " + p.string() + ": " + ec.message());
    }
  }
  return Store(dir);
}

Result<StoreLock> Store::lock_for_writing() const {
  const fs::path path = m_dir / "lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Error(Errc::kIo, "cannot open " + path.string() + ": " + std::strerror(errno));
  }
  StoreLock lock(fd);  // owns fd from here
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return Error(Errc::kIo, "the store " + m_dir.string() + " is being written by another eutl process");
  }
  return lock;
}

fs::path Store::blob_path(const std::string& hex) const { return m_dir / "blobs" / hex.substr(0, 2) / hex; }

bool Store::has_blob(const std::string& hex) const {
  std::error_code ec;
  return is_hex_digest(hex) && fs::is_regular_file(blob_path(hex), ec);
}

Result<std::string> Store::put_blob(tsl::ByteView bytes) const {
  std::string hex = tsl::to_hex(tsl::sha256(bytes));
  if (has_blob(hex)) {
    return hex;  // content-addressed: the same name always holds the same bytes
  }
  std::error_code ec;
  fs::create_directories(blob_path(hex).parent_path(), ec);
  if (ec) {
    return Error(Errc::kIo, "cannot create " + blob_path(hex).parent_path().string() + ": " + ec.message());
  }
  if (auto r = detail::write_file_atomically(blob_path(hex), bytes); !r) {
    return r.error();
  }
  return hex;
}

Result<tsl::Bytes> Store::read_blob(const std::string& hex) const {
  if (!is_hex_digest(hex)) {
    return Error(Errc::kUsage, "not a SHA-256 digest: " + hex);
  }
  auto bytes = detail::read_whole_file(blob_path(hex));
  if (!bytes) {
    return bytes.error();
  }
  if (tsl::to_hex(tsl::sha256(*bytes)) != hex) {
    return Error(Errc::kMalformed, "blob " + hex + " is corrupt (digest mismatch)");
  }
  return bytes;
}

Result<std::string> Store::write_snapshot(const Snapshot& snapshot) const {
  const std::string json = snapshot_to_json(snapshot);
  const std::string digest = tsl::to_hex(tsl::sha256(tsl::as_bytes(json)));
  const std::string id = compact_time(snapshot.created) + "-" + digest.substr(0, 16);
  if (auto r = detail::write_file_atomically(m_dir / "snapshots" / (id + std::string(kSnapshotSuffix)),
                                             tsl::as_bytes(json));
      !r) {
    return r.error();
  }
  return id;
}

Result<Snapshot> Store::read_snapshot(const std::string& id) const {
  if (!is_snapshot_id(id)) {
    return Error(Errc::kMalformed, "not a snapshot id: " + id);
  }
  auto bytes = detail::read_whole_file(m_dir / "snapshots" / (id + std::string(kSnapshotSuffix)));
  if (!bytes) {
    return bytes.error();
  }
  return snapshot_from_json(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), id);
}

std::vector<std::string> Store::snapshot_ids() const {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(m_dir / "snapshots", ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(detail::kTempPrefix) || !name.ends_with(kSnapshotSuffix)) {
      continue;
    }
    ids.push_back(name.substr(0, name.size() - kSnapshotSuffix.size()));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Result<void> Store::set_current(const std::string& id) const {
  std::error_code ec;
  if (!is_snapshot_id(id) || !fs::exists(m_dir / "snapshots" / (id + std::string(kSnapshotSuffix)), ec)) {
    return Error(Errc::kNotFound, "no snapshot " + id);
  }
  const std::string text = id + "\n";
  return detail::write_file_atomically(m_dir / "current", tsl::as_bytes(text));
}

Result<std::optional<Snapshot>> Store::current() const {
  auto bytes = detail::read_whole_file(m_dir / "current");
  if (!bytes) {
    if (bytes.error().code == Errc::kNotFound) {
      return std::optional<Snapshot>{};
    }
    return bytes.error();
  }
  std::string id = trim(std::string(bytes->begin(), bytes->end()));
  auto snap = read_snapshot(id);
  if (!snap) {
    return snap.error();
  }
  return std::optional<Snapshot>(std::move(*snap));
}

}  // namespace eutl::cache
