// The model cache file (cache/model_cache_file.h): its layout and its validation
// against the snapshot.
#include "cache/model_cache_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "cache/atomic_file.h"
#include "cache/model_cache_codec.h"
#include "cache/model_cache_wire.h"

// Header-only: the functions are compiled here, nothing is linked at run time.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace eutl::cache::detail {
namespace {

constexpr std::string_view kMagic = "EUTLMODL";
constexpr std::size_t kChecksumSize = 8;  // model_cache_checksum() trailer

}  // namespace

// XXH3-64 (Debian's libxxhash, used header-only): it detects torn writes and bit
// flips, which is all the trailer is for (see the header: forgery is out of scope).
// SHA-256 here cost more than decoding the file; XXH3 reads a 10 MB model in about
// 0.7 ms where the hand-written multiply-xorshift it replaces took 3.1 ms.
std::uint64_t model_cache_checksum(tsl::ByteView data) { return XXH3_64bits(data.data(), data.size()); }

namespace {

// The blobs `snapshot` uses, in the order load_snapshot_lists() verifies them, as hex
// (the file's spelling of a digest).
std::vector<std::string> list_digests(const Snapshot& snapshot) {
  std::vector<std::string> out;
  auto add = [&](const ListRecord& r) {
    if (r.in_use != InUse::kNone && r.in_use_digest) {
      out.push_back(tsl::to_hex(*r.in_use_digest));
    }
  };
  add(snapshot.lotl);
  for (const auto& p : snapshot.pivots) {
    add(p);
  }
  for (const auto& l : snapshot.lists) {
    add(l);
  }
  return out;
}

// A read-only private mapping of a whole file (RAII, style C5): the decoder reads the
// page cache directly instead of copying ~10 MB into a fresh buffer first.
class MappedFile final {
 public:
  // The file is opened without following a symlink anywhere below the store root.
  static Result<MappedFile> open(const std::filesystem::path& root, const std::filesystem::path& rel) {
    auto file = open_file_beneath(root, rel);
    if (!file) {
      return file.error().code == Errc::kNotFound
                 ? Error(Errc::kNotFound, (root / rel).string() + ": no model cache")
                 : std::move(file).error();
    }
    const int fd = file->get();
    struct stat st {};
    MappedFile out;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      out.m_size = static_cast<std::size_t>(st.st_size);
      void* p = ::mmap(nullptr, out.m_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      out.m_data = p == MAP_FAILED ? nullptr : static_cast<const std::uint8_t*>(p);
    }
    int err = errno;
    if (out.m_data == nullptr && out.m_size != 0) {
      return Error(Errc::kIo, (root / rel).string() + ": mmap: " + std::strerror(err));
    }
    return out;
  }
  MappedFile(MappedFile&& o) noexcept : m_data(std::exchange(o.m_data, nullptr)), m_size(std::exchange(o.m_size, 0)) {}
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (m_data != nullptr) {
      ::munmap(const_cast<std::uint8_t*>(m_data), m_size);
    }
  }
  tsl::ByteView bytes() const noexcept { return {m_data, m_data == nullptr ? 0 : m_size}; }

 private:
  MappedFile() = default;
  const std::uint8_t* m_data = nullptr;
  std::size_t m_size = 0;
};

Error mismatch(std::string what) { return Error(Errc::kMalformed, "model cache: " + std::move(what)); }

std::vector<std::string> read_strings(WireReader& r) {
  std::vector<std::string> out(r.count());
  for (auto& s : out) {
    s = r.str();
  }
  return out;
}

}  // namespace

std::filesystem::path model_cache_rel(std::string_view snapshot_id) {
  return std::filesystem::path("models") / (std::string(snapshot_id) + ".bin");
}

std::filesystem::path model_cache_path(const Store& store, std::string_view snapshot_id) {
  return store.dir() / model_cache_rel(snapshot_id);
}

tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists) {
  WireWriter w;
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kModelCacheVersion);
  w.str(snapshot.id);
  const std::size_t checked_from = w.out().size();  // the checksum covers what follows the id
  w.u32(static_cast<std::uint32_t>(snapshot.lotl_anchor_digests.size()));
  for (const auto& d : snapshot.lotl_anchor_digests) {
    w.str(tsl::to_hex(d));
  }
  std::vector<std::string> digests = list_digests(snapshot);
  w.u32(static_cast<std::uint32_t>(digests.size()));
  for (const auto& d : digests) {
    w.str(d);
  }
  w.u32(static_cast<std::uint32_t>(lists.lotl_anchors.size()));
  for (const auto& a : lists.lotl_anchors) {
    w.bytes(a);
  }
  encode_lists(w, lists.lists);
  w.u64(model_cache_checksum(tsl::ByteView(w.out()).subspan(checked_from)));
  return std::move(w.out());
}

Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot) {
  if (bytes.size() < kMagic.size() + 4 + kChecksumSize ||
      std::string_view(reinterpret_cast<const char*>(bytes.data()), kMagic.size()) != kMagic) {
    return mismatch("not a model cache file");
  }
  tsl::ByteView body = bytes.first(bytes.size() - kChecksumSize);
  WireReader r(body.subspan(kMagic.size()));
  if (std::uint32_t v = r.u32(); v != kModelCacheVersion) {
    return mismatch("format version " + std::to_string(v) + ", expected " + std::to_string(kModelCacheVersion));
  }
  std::string id = r.str();
  if (!r.ok()) {
    return mismatch("checksum mismatch (truncated or corrupt)");
  }
  if (id != snapshot.id) {
    return mismatch("written for snapshot " + id + ", not " + snapshot.id);
  }
  // Magic, version and id are compared above; the checksum covers the rest.
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), kChecksumSize);
  if (stored != model_cache_checksum(body.last(r.remaining()))) {
    return mismatch("checksum mismatch (truncated or corrupt)");
  }
  std::vector<std::string> anchors;
  for (const auto& d : snapshot.lotl_anchor_digests) {
    anchors.push_back(tsl::to_hex(d));
  }
  if (read_strings(r) != anchors) {
    return mismatch("LOTL anchors differ from the snapshot's");
  }
  std::vector<std::string> digests = list_digests(snapshot);
  if (read_strings(r) != digests) {
    return mismatch("list blobs differ from the snapshot's");
  }
  SnapshotLists out;
  out.lotl_anchors.resize(r.count());
  for (std::size_t i = 0; i < out.lotl_anchors.size(); ++i) {
    tsl::ByteView a = r.bytes();
    out.lotl_anchors[i].assign(a.begin(), a.end());
    if (i >= snapshot.lotl_anchor_digests.size() || tsl::sha256(a) != snapshot.lotl_anchor_digests[i]) {
      return mismatch("LOTL anchor " + std::to_string(i) + " does not match its digest");
    }
  }
  if (!decode_lists(r, out.lists) || !r.at_end()) {
    return mismatch("truncated or corrupt list data");
  }
  if (out.lists.size() != digests.size()) {
    return mismatch("list count differs from the snapshot's");
  }
  for (std::size_t i = 0; i < digests.size(); ++i) {
    if (tsl::to_hex(out.lists[i].digest) != digests[i]) {
      return mismatch("list " + std::to_string(i) + " is not blob " + digests[i]);
    }
  }
  return out;
}

Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists) {
  // Creates models/ when missing; a symlink anywhere below the store root is refused.
  return write_file_atomically(store.dir(), model_cache_rel(snapshot.id), encode_model_cache(snapshot, lists));
}

Result<void> move_model_cache(const Store& store, const Snapshot& from, const Snapshot& to) {
  if (from.id.size() != to.id.size() || from.lotl_anchor_digests != to.lotl_anchor_digests ||
      list_digests(from) != list_digests(to)) {
    return Error(Errc::kUnsupported, "model cache: " + to.id + " does not use exactly the blobs of " + from.id);
  }
  auto dir = open_dir_beneath(store.dir(), "models", CreateDirs::kNo);
  if (!dir) {
    return std::move(dir).error();
  }
  const std::string from_name = model_cache_rel(from.id).filename().string();
  const std::string to_name = model_cache_rel(to.id).filename().string();
  const std::string tmp = std::string(kTempPrefix) + to_name + "-moved";
  if (::renameat(dir->get(), from_name.c_str(), dir->get(), tmp.c_str()) != 0) {
    return Error(Errc::kIo, "model cache: cannot rename " + from_name + ": " + std::strerror(errno));
  }
  Fd fd(::openat(dir->get(), tmp.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC));
  auto fail = [&](Error e) {
    ::unlinkat(dir->get(), tmp.c_str(), 0);
    return e;
  };
  struct stat st {};
  const std::size_t id_at = kMagic.size() + 4 + 4;  // magic, version, length of the id
  if (fd.get() < 0 || ::flock(fd.get(), LOCK_EX) != 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::size_t>(st.st_size) < id_at + to.id.size() + kChecksumSize) {
    return fail(Error(Errc::kIo, "model cache: cannot open " + tmp));
  }
  const std::size_t size = static_cast<std::size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
  if (p == MAP_FAILED) {
    return fail(Error(Errc::kIo, "model cache: cannot map " + tmp + ": " + std::strerror(errno)));
  }
  auto* data = static_cast<std::uint8_t*>(p);
  std::uint32_t version = 0;
  std::uint32_t id_size = 0;
  std::memcpy(&version, data + kMagic.size(), 4);
  std::memcpy(&id_size, data + kMagic.size() + 4, 4);
  const bool matches = std::memcmp(data, kMagic.data(), kMagic.size()) == 0 && version == kModelCacheVersion &&
                       id_size == from.id.size() &&
                       std::memcmp(data + id_at, from.id.data(), from.id.size()) == 0;
  // The checksum does not cover the id: only the id changes, and the rest is checked by
  // the next read as before (a corrupt file moved stays corrupt and is rebuilt then).
  if (matches) {
    std::memcpy(data + id_at, to.id.data(), to.id.size());
  }
  const bool synced = matches && ::msync(p, size, MS_SYNC) == 0 && ::fsync(fd.get()) == 0;
  ::munmap(p, size);
  if (!matches) {
    return fail(mismatch("the file of " + from.id + " does not match it"));
  }
  if (!synced || ::renameat(dir->get(), tmp.c_str(), dir->get(), to_name.c_str()) != 0) {
    return fail(Error(Errc::kIo, "model cache: cannot write " + to_name + ": " + std::strerror(errno)));
  }
  return fsync_directory(store.dir(), "models");
}

Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot) {
  auto mapped = MappedFile::open(store.dir(), model_cache_rel(snapshot.id));
  if (!mapped) {
    return std::move(mapped).error();
  }
  return decode_model_cache(mapped->bytes(), snapshot);
}

}  // namespace eutl::cache::detail
