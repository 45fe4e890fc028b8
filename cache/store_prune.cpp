// `eutl store prune --keep N`: snapshots are evidence, so only the user removes them.
#include <algorithm>
#include <set>
#include <system_error>

#include "cache/atomic_file.h"
#include "eutl/cache/store.h"

namespace eutl::cache {
namespace fs = std::filesystem;

namespace {

void collect_digests(const ListRecord& l, std::set<std::string>& out) {
  for (const std::string* d : {&l.in_use_digest, &l.fetch.digest}) {
    if (!d->empty()) {
      out.insert(*d);
    }
  }
}

}  // namespace

Result<PruneResult> Store::prune(std::size_t keep, const StoreLock& /*held by the caller*/) const {
  PruneResult result;
  std::vector<std::string> ids = snapshot_ids();
  auto cur = current();
  if (!cur) {
    return cur.error();
  }
  const std::string current_id = *cur ? (*cur)->id : std::string();

  std::set<std::string> kept_ids(ids.end() - static_cast<std::ptrdiff_t>(std::min(keep, ids.size())), ids.end());
  if (!current_id.empty()) {
    kept_ids.insert(current_id);
  }
  std::set<std::string> referenced;
  for (const std::string& id : kept_ids) {
    auto snap = read_snapshot(id);
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
    referenced.insert(snap->lotl_anchor_digests.begin(), snap->lotl_anchor_digests.end());
  }

  std::error_code ec;
  for (const std::string& id : ids) {
    if (kept_ids.count(id) == 0 && fs::remove(m_dir / "snapshots" / (id + ".json"), ec)) {
      ++result.snapshots_removed;
    }
  }
  for (const fs::path& dir : {m_dir, m_dir / "snapshots"}) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().starts_with(detail::kTempPrefix) && fs::remove(entry.path(), ec)) {
        ++result.temporaries_removed;
      }
    }
  }
  for (const auto& sub : fs::directory_iterator(m_dir / "blobs", ec)) {
    if (!sub.is_directory()) {
      continue;
    }
    for (const auto& entry : fs::directory_iterator(sub.path(), ec)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(detail::kTempPrefix)) {
        result.temporaries_removed += fs::remove(entry.path(), ec) ? 1 : 0;
      } else if (referenced.count(name) == 0) {
        result.blobs_removed += fs::remove(entry.path(), ec) ? 1 : 0;
      }
    }
  }
  (void)detail::fsync_directory(m_dir / "snapshots");
  return result;
}

}  // namespace eutl::cache
