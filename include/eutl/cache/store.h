// The local store: content-addressed blobs, immutable snapshots and a `current`
// pointer, all under one directory.
//
//   DIR/blobs/ab/abcdef…      every list (and anchor certificate) once, named by SHA-256
//   DIR/snapshots/<id>.json   one per refresh, never modified (see snapshot.h for ids)
//   DIR/current               the id of the snapshot in use
//   DIR/lock                  flock()ed by the single writer
//
// Every file is written to a temporary name in its final directory, fsync()ed,
// renamed into place and the directory fsync()ed. Blobs and the snapshot are written
// before `current` moves, so a crash at any point leaves the previous state intact
// (at worst some unreferenced blobs or temporaries, which prune() removes).
#pragma once

#include <cstddef>
#include <filesystem>
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
};

class Store final {
 public:
  // Creates the directory layout when missing.
  [[nodiscard]] static Result<Store> open(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const noexcept { return m_dir; }

  // Fails (kIo) at once when another process holds the lock.
  [[nodiscard]] Result<StoreLock> lock_for_writing() const;

  // Writes the blob if absent; returns its hex SHA-256.
  [[nodiscard]] Result<std::string> put_blob(tsl::ByteView bytes) const;
  bool has_blob(const std::string& hex) const;
  // Reads and re-checks the digest (kMalformed when the bytes do not match).
  [[nodiscard]] Result<tsl::Bytes> read_blob(const std::string& hex) const;
  std::filesystem::path blob_path(const std::string& hex) const;

  // Writes snapshots/<id>.json (id derived from the content) and returns the id.
  // Does not move `current`.
  [[nodiscard]] Result<std::string> write_snapshot(const Snapshot& snapshot) const;
  [[nodiscard]] Result<Snapshot> read_snapshot(const std::string& id) const;
  // Snapshot ids, oldest first.
  std::vector<std::string> snapshot_ids() const;

  // Atomically points `current` at an existing snapshot.
  [[nodiscard]] Result<void> set_current(const std::string& id) const;
  // nullopt when the store has no current snapshot yet.
  [[nodiscard]] Result<std::optional<Snapshot>> current() const;

  // Keeps the newest `keep` snapshots (and always the current one), removes the
  // others and every blob no remaining snapshot references. Needs the lock.
  [[nodiscard]] Result<PruneResult> prune(std::size_t keep, const StoreLock& lock) const;

 private:
  explicit Store(std::filesystem::path dir) : m_dir(std::move(dir)) {}
  std::filesystem::path m_dir;
};

}  // namespace eutl::cache
