// The model cache file (cache/model_cache_file.h): reading, writing and handing it
// over (its bytes: model_cache_format.cpp).
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

namespace eutl::cache::detail {
namespace {

constexpr std::string_view kMagic = "EUTLMODL";
constexpr std::size_t kChecksumSize = 8;  // the header's checksum, the least a file has after its id

// A read-only private mapping of a whole file (RAII, style C5): the decoder reads the
// page cache directly instead of copying ~10 MB into a fresh buffer first.
class MappedFile final {
 public:
  // The file is opened without following a symlink anywhere below the store root.
  // `populate`: map every page at once, for a reader that reads them all (one
  // decoding only some lists lets the pages it touches fault in).
  static Result<MappedFile> open(const std::filesystem::path& root, const std::filesystem::path& rel,
                                 bool populate) {
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
      void* p = ::mmap(nullptr, out.m_size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
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

}  // namespace

std::filesystem::path model_cache_rel(std::string_view snapshot_id) {
  return std::filesystem::path("models") / (std::string(snapshot_id) + ".bin");
}

std::filesystem::path model_cache_path(const Store& store, std::string_view snapshot_id) {
  return store.dir() / model_cache_rel(snapshot_id);
}

tsl::Sha256 snapshot_json_binding(const Store& store, const Snapshot& snapshot) {
  auto file = store.read_snapshot_file(snapshot.id, Store::Pin::kNo);
  if (!file) {
    return {};
  }
  // The file of a snapshot just committed is what snapshot_to_json() writes of it, and
  // then names exactly its anchors, blobs and signers: one serialisation (about a
  // fifth of a parse) instead of parsing it back.
  const tsl::Sha256 digest = tsl::sha256(file->json);
  if (digest == tsl::sha256(tsl::as_bytes(snapshot_to_json(snapshot)))) {
    return digest;
  }
  auto parsed = store.parse_snapshot_file(*file);
  if (!parsed || parsed->lotl_anchor_digests != snapshot.lotl_anchor_digests ||
      parsed->tl_signer_digests != snapshot.tl_signer_digests ||
      model_list_digests(*parsed) != model_list_digests(snapshot)) {
    return {};
  }
  return digest;
}

Result<void> write_model_cache(const Store& store, const Snapshot& snapshot, const SnapshotLists& lists) {
  // Creates models/ when missing; a symlink anywhere below the store root is refused.
  return write_file_atomically(store.dir(), model_cache_rel(snapshot.id),
                               encode_model_cache(snapshot, lists, snapshot_json_binding(store, snapshot)));
}

Result<void> move_model_cache(const Store& store, const Snapshot& from, const Snapshot& to) {
  if (from.id.size() != to.id.size() || from.lotl_anchor_digests != to.lotl_anchor_digests ||
      from.tl_signer_digests != to.tl_signer_digests || model_list_digests(from) != model_list_digests(to)) {
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
  const tsl::Sha256 json = snapshot_json_binding(store, to);
  if (fd.get() < 0 || ::flock(fd.get(), LOCK_EX) != 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::size_t>(st.st_size) < id_at + to.id.size() + json.size() + kChecksumSize) {
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
  // The checksum does not cover the id and the JSON digest: only they change, and the
  // rest is checked by the next read as before (a corrupt file moved stays corrupt and
  // is rebuilt then).
  if (matches) {
    std::memcpy(data + id_at, to.id.data(), to.id.size());
    std::memcpy(data + id_at + to.id.size(), json.data(), json.size());
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

Result<SnapshotLists> read_model_cache(const Store& store, const Snapshot& snapshot, const IssuerScope* scope,
                                       std::vector<ListSize>* sizes, OtherPointers pointers) {
  auto mapped = MappedFile::open(store.dir(), model_cache_rel(snapshot.id), scope == nullptr);
  if (!mapped) {
    return std::move(mapped).error();
  }
  return decode_model_cache(mapped->bytes(), snapshot, scope, sizes, pointers);
}

Result<BoundModel> read_bound_model_cache(const Store& store, std::string_view snapshot_id, const tsl::Sha256& json,
                                          const IssuerScope* scope) {
  auto mapped = MappedFile::open(store.dir(), model_cache_rel(snapshot_id), scope == nullptr);
  if (!mapped) {
    return std::move(mapped).error();
  }
  return decode_bound_model_cache(mapped->bytes(), snapshot_id, json, scope);
}

}  // namespace eutl::cache::detail
