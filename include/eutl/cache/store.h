// The local store: content-addressed blobs, immutable snapshots and a `current`
// pointer, all under one directory.
//
//   DIR/blobs/ab/abcdef…      every list (and anchor certificate) once, named by SHA-256
//   DIR/snapshots/<id>.json   one per refresh, never modified (see snapshot.h for ids)
//   DIR/current               the id of the snapshot in use
//   DIR/lock                  flock()ed by the single writer
//   DIR/models/<id>.bin       the decoded model of a snapshot (model_cache.h)
//
// Every file is written to a temporary name in its final directory, fsync()ed,
// renamed into place and the directory fsync()ed. Blobs and the snapshot are written
// before `current` moves, so a crash at any point leaves the previous state intact
// (at worst some unreferenced blobs or temporaries, which prune() removes and
// verify_store() reports as reclaimable).
//
// Nothing below DIR is followed when it is a symbolic link (every component is opened
// with O_NOFOLLOW): a symlink inside the store is an error that verify_store() reports,
// and prune() never reaches through one.
//
// Readers and writers: one writer at a time (lock_for_writing, exclusive, fails at once
// when taken). Readers take no store-wide lock; instead every snapshot a Store object
// reads (read_snapshot, current) stays *pinned* by a shared flock() on its file for as
// long as that object (or a copy) lives, and prune() skips pinned snapshots and keeps
// their blobs. So a reader never sees a blob vanish under it, a writer never waits for
// readers, and a reader that named an old snapshot which was pruned before it could
// pin it gets kNotFound saying so.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cache {

// $EUTL_STORE, else $XDG_CACHE_HOME/eutl, else $HOME/.cache/eutl. Only the CLI calls it.
std::filesystem::path default_store_dir();

// Held by a writer; releasing it (or the process dying) unlocks.
class StoreLock final {
 public:
  StoreLock() = default;
  explicit StoreLock(int fd) : m_fd(fd) {}
  StoreLock(StoreLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
  StoreLock& operator=(StoreLock&& other) noexcept;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  ~StoreLock();

 private:
  int m_fd = -1;
};

struct PruneResult final {
  std::size_t snapshots_removed = 0;
  std::size_t blobs_removed = 0;
  std::size_t temporaries_removed = 0;
  std::size_t models_removed = 0;     // models/<id>.bin of removed (or vanished) snapshots
  std::size_t snapshots_in_use = 0;   // due for removal but pinned by a running reader: kept
};

// kDryRun: prune() removes nothing and counts what it would remove.
enum class PruneMode : bool { kRemove, kDryRun };

// A snapshot's JSON file as it is in the store (snapshots/<id>.json).
struct SnapshotFile final {
  std::string id;
  tsl::Bytes json;
};

class SnapshotPins;  // cache/snapshot_pins.h: the snapshots a Store pinned, and its last parse

class Store final {
 public:
  // Creates the directory layout when missing.
  [[nodiscard]] static Result<Store> open(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const noexcept { return m_dir; }

  // Fails (kIo) at once when another process holds the lock.
  [[nodiscard]] Result<StoreLock> lock_for_writing() const;

  // Writes the blob unless a regular file with exactly these bytes is already there: a
  // corrupt blob, or a symlink or other non-regular file in its place, is replaced (the
  // store heals on the next write of the same bytes). Returns its SHA-256. Blob files
  // are named by the digest in lower-case hex.
  [[nodiscard]] Result<tsl::Sha256> put_blob(tsl::ByteView bytes) const;
  // A regular file (not a symlink) exists under that name; its bytes are not checked.
  bool has_blob(const tsl::Sha256& digest) const;
  // Reads and re-checks the digest (kMalformed when the bytes do not match).
  [[nodiscard]] Result<tsl::Bytes> read_blob(const tsl::Sha256& digest) const;
  std::filesystem::path blob_path(const tsl::Sha256& digest) const;

  // Writes snapshots/<id>.json and returns the id, "<created>-<n>-<digest>": the
  // creation time (20250301T120000Z), a counter that orders snapshots created within
  // the same second (000, 001, …) and the first 16 hex digits of the content's SHA-256.
  // Ids of the older form "<created>-<digest>" are still read and sort before the newer
  // form of the same second. Does not move `current`. Called by the writer.
  [[nodiscard]] Result<std::string> write_snapshot(const Snapshot& snapshot) const;
  // Reads and pins the snapshot (see above); kNotFound when it is not (or no longer) in
  // the store.
  [[nodiscard]] Result<Snapshot> read_snapshot(const std::string& id) const;
  // Snapshot ids, oldest first (creation time, then counter).
  std::vector<std::string> snapshot_ids() const;
  // Orders two snapshot ids by creation (both forms above); true when a is older.
  static bool snapshot_id_less(const std::string& a, const std::string& b);

  // Atomically points `current` at an existing snapshot.
  [[nodiscard]] Result<void> set_current(const std::string& id) const;
  // nullopt when the store has no current snapshot yet. Reads `current` and pins the
  // snapshot it names; when a writer moved `current` and a prune removed the old
  // snapshot in between, reads `current` again.
  [[nodiscard]] Result<std::optional<Snapshot>> current() const;
  // The same two steps with the file's bytes, read and pinned but not parsed, for a
  // reader that can tell from their digest that it need not parse them (the model
  // cache, include/eutl/cache/model_cache.h); parse_snapshot_file() is the rest.
  // Pin::kNo reads without pinning, for a look that does not outlast the call.
  enum class Pin : bool { kNo, kYes };
  [[nodiscard]] Result<SnapshotFile> read_snapshot_file(const std::string& id, Pin pin = Pin::kYes) const;
  [[nodiscard]] Result<std::optional<SnapshotFile>> current_file() const;
  // kMalformed naming the file when its JSON is not a snapshot.
  [[nodiscard]] Result<Snapshot> parse_snapshot_file(const SnapshotFile& file) const;

  // Keeps the newest `keep` snapshots (and always the current one, and any a reader has
  // pinned), removes the others with their model caches, every blob no remaining
  // snapshot references, orphan model caches and stale temporaries (those no live
  // writer holds). Never follows a symlink: links are left for verify_store() to
  // report. Needs the lock. With PruneMode::kDryRun the same choices are made and
  // counted, and nothing is removed.
  [[nodiscard]] Result<PruneResult> prune(std::size_t keep, const StoreLock& lock,
                                          PruneMode mode = PruneMode::kRemove) const;

 private:
  explicit Store(std::filesystem::path dir);
  // The id `current` names ("" when none), read without pinning (prune, under the lock).
  [[nodiscard]] Result<std::string> current_id() const;
  std::filesystem::path m_dir;
  std::shared_ptr<SnapshotPins> m_pins;
};

}  // namespace eutl::cache
