// verify_store() (include/eutl/cache/store_verify.h): every file of a store checked
// through directory descriptors opened with O_NOFOLLOW; a symlink is reported, never
// followed, and --repair removes the link itself.
#include "eutl/cache/store_verify.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "cache/atomic_file.h"
#include "cache/model_cache_file.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache {
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxSourceBytes = 256ull << 20;  // a --from file larger than this is no list

class StoreChecker final {
 public:
  StoreChecker(const Store& store, const StoreVerifyRequest& request) : m_store(store), m_request(request) {}

  Result<StoreVerifyResult> run() {
    auto root = detail::open_dir_beneath(m_store.dir(), "", detail::CreateDirs::kNo);
    if (!root) {
      return std::move(root).error();
    }
    check_root(root->get());
    check_snapshots();
    check_current(root->get());
    check_blobs();
    restore_blobs();
    check_models();
    return std::move(m_result);
  }

 private:
  bool repairing() const { return m_request.repair == Repair::kYes; }

  StoreFinding& add(StoreFindingKind kind, std::string path, std::string detail) {
    m_result.findings.push_back(StoreFinding{kind, std::move(path), std::move(detail), false});
    return m_result.findings.back();
  }

  // A temporary: reported when stale (no live writer holds it), removed on repair.
  void temporary(int dirfd, const fs::path& rel) {
    const std::string name = rel.filename().string();
    if (detail::probe_temporary(dirfd, name) != detail::TempState::kStale) {
      return;  // being written right now, or already gone
    }
    StoreFinding& f = add(StoreFindingKind::kStaleTemporary, rel.string(),
                          "left by a process that stopped while writing; no process holds it");
    if (repairing()) {
      f.repaired = detail::remove_if_stale(dirfd, name);
    }
  }

  // An entry that must be a regular file (or directory with want_dir) but is not.
  // Returns true when the entry is fine.
  bool expect_kind(int dirfd, const fs::path& rel, bool want_dir) {
    struct stat st {};
    const std::string name = rel.filename().string();
    if (!detail::lstat_at(dirfd, name, st)) {
      return false;
    }
    if (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) {
      return true;
    }
    StoreFinding& f = add(StoreFindingKind::kNotRegularFile, rel.string(),
                          "is " + std::string(eutl::detail::file_type_name(st.st_mode)) + ", expected " + (want_dir ? "a directory" : "a regular file") +
                              " (never followed)");
    if (repairing() && !S_ISDIR(st.st_mode)) {
      f.repaired = ::unlinkat(dirfd, name.c_str(), 0) == 0;  // the entry itself, not its target
    }
    return false;
  }

  void check_root(int root) {
    for (const std::string& name : detail::list_names(root)) {
      if (name.starts_with(detail::kTempPrefix)) {
        temporary(root, name);
      } else if (name == "blobs" || name == "snapshots" || name == "models") {
        expect_kind(root, name, true);
      } else if (name == "current" || name == "lock") {
        expect_kind(root, name, false);
      }
    }
  }

  // The maps below are keyed by blob file name: the digest in lower-case hex.
  void need(const std::optional<tsl::Sha256>& digest, const std::string& id) {
    if (digest) {
      const std::string hex = tsl::to_hex(*digest);
      m_needed[hex].insert(id);
      m_referenced.insert(hex);
    }
  }

  void check_snapshots() {
    auto dir = detail::open_dir_beneath(m_store.dir(), "snapshots", detail::CreateDirs::kNo);
    if (!dir) {
      return;
    }
    for (const std::string& name : detail::list_names(dir->get())) {
      const fs::path rel = fs::path("snapshots") / name;
      if (name.starts_with(detail::kTempPrefix)) {
        temporary(dir->get(), rel);
        continue;
      }
      if (!name.ends_with(".json") || !expect_kind(dir->get(), rel, false)) {
        continue;
      }
      const std::string id = name.substr(0, name.size() - 5);
      auto snap = m_store.read_snapshot(id);
      ++m_result.snapshots_checked;
      if (!snap) {
        if (snap.error().code != Errc::kNotFound) {  // kNotFound: pruned while we looked
          add(StoreFindingKind::kCorruptSnapshot, rel.string(), snap.error().message);
        }
        continue;
      }
      auto use = [&](const ListRecord& r) {
        if (r.in_use != InUse::kNone) {
          need(r.in_use_digest, id);
        }
        if (r.fetch.digest) {
          // Kept by prune when present; may be absent (refused bodies).
          m_referenced.insert(tsl::to_hex(*r.fetch.digest));
        }
      };
      use(snap->lotl);
      std::for_each(snap->pivots.begin(), snap->pivots.end(), use);
      std::for_each(snap->lists.begin(), snap->lists.end(), use);
      for (const tsl::Sha256& d : snap->lotl_anchor_digests) {
        need(d, id);
      }
      for (const tsl::Sha256& d : snap->tl_signer_digests) {  // the caller's list signers (import --tl-signers)
        need(d, id);
      }
      m_snapshots.emplace(id, std::move(*snap));
    }
  }

  void check_current(int root) {
    struct stat st {};
    if (!detail::lstat_at(root, "current", st) || !S_ISREG(st.st_mode)) {
      return;  // absent (empty store) or already reported
    }
    auto bytes = detail::read_file_beneath(m_store.dir(), "current");
    std::string id = bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
    while (!id.empty() && (id.back() == '\n' || id.back() == '\r' || id.back() == ' ')) {
      id.pop_back();
    }
    if (!bytes || m_snapshots.count(id) == 0) {
      // Re-read through the store: a writer may have moved it while we looked.
      auto cur = m_store.current();
      if (!cur || !*cur) {
        add(StoreFindingKind::kBadCurrent, "current",
            bytes ? "names snapshot " + id + ", which is not in the store" : bytes.error().message);
      }
    }
  }

  void check_blobs() {
    auto blobs = detail::open_dir_beneath(m_store.dir(), "blobs", detail::CreateDirs::kNo);
    if (!blobs) {
      return;
    }
    for (const std::string& sub : detail::list_names(blobs->get())) {
      const fs::path sub_rel = fs::path("blobs") / sub;
      if (!expect_kind(blobs->get(), sub_rel, true)) {
        continue;
      }
      auto dir = detail::open_dir_beneath(m_store.dir(), sub_rel, detail::CreateDirs::kNo);
      if (!dir) {
        continue;
      }
      for (const std::string& name : detail::list_names(dir->get())) {
        check_blob(dir->get(), sub, name);
      }
    }
  }

  void check_blob(int dirfd, const std::string& sub, const std::string& name) {
    const fs::path rel = fs::path("blobs") / sub / name;
    if (name.starts_with(detail::kTempPrefix)) {
      temporary(dirfd, rel);
      return;
    }
    if (!expect_kind(dirfd, rel, false)) {
      return;
    }
    const std::optional<tsl::Sha256> digest = tsl::sha256_from_hex(name);
    if (!digest || name.substr(0, 2) != sub) {
      StoreFinding& f = add(StoreFindingKind::kUnexpectedFile, rel.string(), "not named by a SHA-256 digest");
      if (repairing()) {
        f.repaired = ::unlinkat(dirfd, name.c_str(), 0) == 0;
      }
      return;
    }
    ++m_result.blobs_checked;
    auto bytes = m_store.read_blob(*digest);
    if (bytes) {
      m_intact.insert(name);
      if (m_referenced.count(name) == 0) {
        add(StoreFindingKind::kUnreferencedBlob, rel.string(), "no snapshot uses it");
      }
      return;
    }
    if (bytes.error().code == Errc::kNotFound) {
      return;  // removed while we looked (a prune)
    }
    StoreFinding& f = add(StoreFindingKind::kCorruptBlob, rel.string(), bytes.error().message);
    m_corrupt.emplace(name, m_result.findings.size() - 1);
    if (repairing()) {
      f.repaired = ::unlinkat(dirfd, name.c_str(), 0) == 0 && m_needed.count(name) == 0;
      if (m_needed.count(name) != 0) {
        f.detail += "; removed";
      }
    }
  }

  static void offer(std::map<std::string, tsl::Bytes>& out, const std::set<std::string>& wanted, tsl::Bytes bytes) {
    std::string hex = tsl::to_hex(tsl::sha256(bytes));
    if (wanted.count(hex) != 0) {
      out.emplace(std::move(hex), std::move(bytes));
    }
  }

  // Bytes of the --from files, by digest (read once, only when a blob is missing).
  std::map<std::string, tsl::Bytes> source_bytes(const std::set<std::string>& wanted) {
    std::map<std::string, tsl::Bytes> out;
    std::vector<fs::path> files;
    for (const fs::path& p : m_request.sources) {
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        for (const auto& e : fs::directory_iterator(p, ec)) {
          files.push_back(e.path());
        }
      } else {
        files.push_back(p);
      }
    }
    for (const fs::path& p : files) {
      detail::Fd fd(::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
      struct stat st {};
      if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
          static_cast<std::uint64_t>(st.st_size) > kMaxSourceBytes) {
        continue;
      }
      auto bytes = detail::read_fd(fd.get(), p);
      if (!bytes) {
        continue;
      }
      // LOTL anchors and list signers are stored as DER: a PEM file (as given to
      // --lotl-signers or --tl-signers) offers each of its certificates too.
      const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
      if (text.find("-----BEGIN CERTIFICATE-----") != std::string_view::npos) {
        if (auto certs = verify::load_pem_certificates(p); certs) {
          for (tsl::Bytes& der : *certs) {
            offer(out, wanted, std::move(der));
          }
        }
      }
      offer(out, wanted, std::move(*bytes));
    }
    return out;
  }

  void restore_blobs() {
    std::set<std::string> wanted;
    for (const auto& [digest, users] : m_needed) {
      if (m_intact.count(digest) != 0) {
        continue;
      }
      wanted.insert(digest);
      if (m_corrupt.count(digest) == 0) {
        std::string names;
        for (const std::string& id : users) {
          names += (names.empty() ? "" : ", ") + id;
        }
        add(StoreFindingKind::kMissingBlob,
            (fs::path("blobs") / digest.substr(0, 2) / digest).string(),
            "used by snapshot " + names + " but absent");
        m_missing.emplace(digest, m_result.findings.size() - 1);
      }
    }
    if (!repairing() || wanted.empty()) {
      return;
    }
    std::map<std::string, tsl::Bytes> found = source_bytes(wanted);
    for (const std::string& digest : wanted) {
      const std::size_t index = m_corrupt.count(digest) != 0 ? m_corrupt[digest] : m_missing[digest];
      StoreFinding& f = m_result.findings[index];
      auto it = found.find(digest);
      if (it == found.end()) {
        f.detail += "; no --from file has these bytes";
        continue;
      }
      auto put = m_store.put_blob(it->second);
      f.repaired = put.has_value();
      f.detail += put ? "; re-written from a --from file" : "; cannot re-write: " + put.error().message;
    }
  }

  void check_models() {
    auto dir = detail::open_dir_beneath(m_store.dir(), "models", detail::CreateDirs::kNo);
    if (!dir) {
      return;
    }
    for (const std::string& name : detail::list_names(dir->get())) {
      const fs::path rel = fs::path("models") / name;
      if (name.starts_with(detail::kTempPrefix)) {
        temporary(dir->get(), rel);
        continue;
      }
      if (!name.ends_with(".bin") || !expect_kind(dir->get(), rel, false)) {
        continue;
      }
      const std::string id = name.substr(0, name.size() - 4);
      auto snap = m_snapshots.find(id);
      StoreFinding* f = nullptr;
      if (snap == m_snapshots.end()) {
        f = &add(StoreFindingKind::kOrphanModel, rel.string(), "its snapshot is not in the store");
      } else {
        ++m_result.models_checked;
        auto model = detail::read_model_cache(m_store, snap->second);
        if (model || model.error().code == Errc::kNotFound) {
          continue;
        }
        f = &add(StoreFindingKind::kCorruptModel, rel.string(),
                 model.error().message + " (rebuilt from the blobs on next use)");
      }
      if (repairing()) {
        f->repaired = ::unlinkat(dir->get(), name.c_str(), 0) == 0;
      }
    }
  }

  const Store& m_store;
  const StoreVerifyRequest& m_request;
  StoreVerifyResult m_result;
  std::map<std::string, Snapshot> m_snapshots;
  std::map<std::string, std::set<std::string>> m_needed;  // digest -> snapshots that use it
  std::set<std::string> m_referenced;
  std::set<std::string> m_intact;
  std::map<std::string, std::size_t> m_corrupt;  // digest -> finding index
  std::map<std::string, std::size_t> m_missing;
};

}  // namespace

std::string_view to_string(StoreFindingKind k) {
  switch (k) {
    case StoreFindingKind::kCorruptBlob: return "corrupt-blob";
    case StoreFindingKind::kMissingBlob: return "missing-blob";
    case StoreFindingKind::kNotRegularFile: return "not-regular-file";
    case StoreFindingKind::kUnexpectedFile: return "unexpected-file";
    case StoreFindingKind::kCorruptSnapshot: return "corrupt-snapshot";
    case StoreFindingKind::kBadCurrent: return "bad-current";
    case StoreFindingKind::kCorruptModel: return "corrupt-model";
    case StoreFindingKind::kStaleTemporary: return "stale-temporary";
    case StoreFindingKind::kOrphanModel: return "orphan-model";
    case StoreFindingKind::kUnreferencedBlob: return "unreferenced-blob";
  }
  return "unknown";
}

bool is_problem(StoreFindingKind k) {
  return k != StoreFindingKind::kStaleTemporary && k != StoreFindingKind::kOrphanModel &&
         k != StoreFindingKind::kUnreferencedBlob;
}

std::size_t StoreVerifyResult::open_problems() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const StoreFinding& f) {
    return is_problem(f.kind) && !f.repaired;
  }));
}

Result<StoreVerifyResult> verify_store(const Store& store, const StoreVerifyRequest& request, const StoreLock* lock) {
  if (request.repair == Repair::kYes && lock == nullptr) {
    return Error(Errc::kUsage, "repairing a store needs its writer lock");
  }
  return StoreChecker(store, request).run();
}

}  // namespace eutl::cache
