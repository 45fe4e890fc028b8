// `eutl store prune --keep N`: snapshots are evidence, so only the user removes them.
//
// Everything is done through directory descriptors opened with O_NOFOLLOW and
// unlinkat()/fstatat(AT_SYMLINK_NOFOLLOW): a symlink planted in the store is skipped
// (verify_store() reports it), so nothing outside the store is ever removed.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "cache/atomic_file.h"
#include "eutl/cache/store.h"

namespace eutl::cache {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kModelSuffix = ".bin";

// Blob file names (lower-case hex) the record references.
void collect_digests(const ListRecord& l, std::set<std::string>& out) {
  for (const std::optional<tsl::Sha256>* d : {&l.in_use_digest, &l.fetch.digest}) {
    if (*d) {
      out.insert(tsl::to_hex(**d));
    }
  }
}

enum class Removal { kRemoved, kPinned, kGone };

// Unlinks the entry; in a dry run only says it would.
bool unlink_entry(int dirfd, const std::string& name, PruneMode mode) {
  return mode == PruneMode::kDryRun || ::unlinkat(dirfd, name.c_str(), 0) == 0;
}

// A stale temporary removed (or, in a dry run, found).
bool remove_temporary(int dirfd, const std::string& name, PruneMode mode) {
  return mode == PruneMode::kDryRun ? detail::probe_temporary(dirfd, name) == detail::TempState::kStale
                                    : detail::remove_if_stale(dirfd, name);
}

// Removes snapshots/<name> unless a reader pins it (a shared flock, see store.h). The
// exclusive lock is held across the unlink, so a reader waiting for its shared lock
// then sees a link count of zero and knows the snapshot was pruned.
Removal remove_snapshot_file(int dirfd, const std::string& name, PruneMode mode) {
  detail::Fd fd(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    return Removal::kGone;  // absent, or a symlink: never ours to follow or remove here
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Removal::kGone;
  }
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    return Removal::kPinned;
  }
  return unlink_entry(dirfd, name, mode) ? Removal::kRemoved : Removal::kGone;
}

bool is_regular_at(int dirfd, const std::string& name) {
  struct stat st {};
  return detail::lstat_at(dirfd, name, st) && S_ISREG(st.st_mode);
}

bool is_directory_at(int dirfd, const std::string& name) {
  struct stat st {};
  return detail::lstat_at(dirfd, name, st) && S_ISDIR(st.st_mode);
}

// Stale temporaries in one directory of the store.
std::size_t remove_stale_temporaries(int dirfd, PruneMode mode) {
  std::size_t n = 0;
  for (const std::string& name : detail::list_names(dirfd)) {
    if (name.starts_with(detail::kTempPrefix) && is_regular_at(dirfd, name) && remove_temporary(dirfd, name, mode)) {
      ++n;
    }
  }
  return n;
}

}  // namespace

Result<PruneResult> Store::prune(std::size_t keep, const StoreLock& /*held by the caller*/, PruneMode mode) const {
  PruneResult result;
  std::vector<std::string> ids = snapshot_ids();
  // Read without pinning (as the kept snapshots below): this Store must not hold on to
  // snapshots a later prune through it should remove.
  auto cur = this->current_id();
  if (!cur) {
    return cur.error();
  }
  const std::string current_id = *cur;
  auto snapdir = detail::open_dir_beneath(m_dir, "snapshots", detail::CreateDirs::kNo);
  if (!snapdir) {
    return std::move(snapdir).error();
  }

  std::set<std::string> kept_ids(ids.end() - static_cast<std::ptrdiff_t>(std::min(keep, ids.size())), ids.end());
  if (!current_id.empty()) {
    kept_ids.insert(current_id);
  }
  std::set<std::string> removed_ids;
  for (const std::string& id : ids) {
    if (kept_ids.count(id) != 0) {
      continue;
    }
    switch (remove_snapshot_file(snapdir->get(), id + ".json", mode)) {
      case Removal::kRemoved:
        ++result.snapshots_removed;
        removed_ids.insert(id);
        break;
      case Removal::kPinned:
        ++result.snapshots_in_use;
        kept_ids.insert(id);
        break;
      case Removal::kGone:
        break;
    }
  }
  if (mode == PruneMode::kRemove) {
    (void)::fsync(snapdir->get());
  }

  // Blobs of every remaining snapshot (no new one can appear: the caller holds the
  // writer lock) and of those a reader pins.
  std::set<std::string> referenced;
  for (const std::string& id : kept_ids) {
    auto file = read_snapshot_file(id, Pin::kNo);
    auto snap = file ? parse_snapshot_file(*file) : Result<Snapshot>(file.error());
    if (!snap) {
      // An unreadable kept snapshot: refuse rather than risk deleting its blobs.
      return Error(Errc::kMalformed, "cannot prune: " + snap.error().message);
    }
    collect_digests(snap->lotl, referenced);
    for (const ListRecord& p : snap->pivots) {
      collect_digests(p, referenced);
    }
    for (const ListRecord& l : snap->lists) {
      collect_digests(l, referenced);
    }
    for (const auto* digests : {&snap->lotl_anchor_digests, &snap->tl_signer_digests}) {
      for (const tsl::Sha256& d : *digests) {
        referenced.insert(tsl::to_hex(d));
      }
    }
  }

  if (auto root = detail::open_dir_beneath(m_dir, "", detail::CreateDirs::kNo); root) {
    result.temporaries_removed += remove_stale_temporaries(root->get(), mode);
  }
  result.temporaries_removed += remove_stale_temporaries(snapdir->get(), mode);

  // Model caches: those of snapshots no longer in the store (removed now, or earlier
  // by an older eutl that left them behind).
  if (auto models = detail::open_dir_beneath(m_dir, "models", detail::CreateDirs::kNo); models) {
    result.temporaries_removed += remove_stale_temporaries(models->get(), mode);
    for (const std::string& name : detail::list_names(models->get())) {
      if (name.starts_with(detail::kTempPrefix) || !name.ends_with(kModelSuffix) ||
          !is_regular_at(models->get(), name)) {
        continue;
      }
      const std::string id = name.substr(0, name.size() - kModelSuffix.size());
      const bool snapshot_gone = removed_ids.count(id) != 0 || !is_regular_at(snapdir->get(), id + ".json");
      if (kept_ids.count(id) == 0 && snapshot_gone && unlink_entry(models->get(), name, mode)) {
        ++result.models_removed;
      }
    }
  }

  auto blobs = detail::open_dir_beneath(m_dir, "blobs", detail::CreateDirs::kNo);
  if (!blobs) {
    return result;
  }
  for (const std::string& sub : detail::list_names(blobs->get())) {
    if (!is_directory_at(blobs->get(), sub)) {
      continue;  // a symlink (or stray file) where a fan-out directory belongs: never followed
    }
    auto subdir = detail::open_dir_beneath(m_dir, fs::path("blobs") / sub, detail::CreateDirs::kNo);
    if (!subdir) {
      continue;
    }
    for (const std::string& name : detail::list_names(subdir->get())) {
      if (name.starts_with(detail::kTempPrefix)) {
        result.temporaries_removed += is_regular_at(subdir->get(), name) && remove_temporary(subdir->get(), name, mode);
      } else if (referenced.count(name) == 0 && is_regular_at(subdir->get(), name)) {
        result.blobs_removed += unlink_entry(subdir->get(), name, mode) ? 1 : 0;
      }
    }
  }
  return result;
}

}  // namespace eutl::cache
