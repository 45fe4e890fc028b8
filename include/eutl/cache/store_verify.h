// `eutl store verify [--repair]`: checks every file of a store and, on request, removes
// what is broken and re-writes missing or corrupt blobs from files the user names.
//
// What is checked: every blob is re-hashed against its name; every snapshot parses and
// every blob it uses (the lists in use and the LOTL anchors) is present and intact;
// `current` names a snapshot; every model cache decodes and matches its snapshot; no
// symbolic link or other non-regular file sits where the store keeps files.
//
// Two classes of finding. A *problem* makes the store unclean (exit 1): a corrupt or
// missing blob, a symlink, a corrupt model cache, an unreadable snapshot or `current`.
// *Reclaimable* space is expected after a crash and harmless: temporaries no live writer
// holds (a process killed mid-write leaves them), model caches of snapshots no longer in
// the store, blobs no snapshot uses (written by an import killed before its snapshot).
// They do not make the store unclean; --repair removes the first two, `store prune`
// removes all three.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "eutl/cache/store.h"
#include "eutl/result.h"

namespace eutl::cache {

enum class StoreFindingKind {
  kCorruptBlob,          // problem: bytes do not hash to the name (repair: removed, then re-written from --from)
  kMissingBlob,          // problem: a snapshot uses a blob that is absent (repair: re-written from --from)
  kNotRegularFile,       // problem: a symlink, FIFO, device… (repair: the entry itself removed, never followed)
  kUnexpectedFile,       // problem: a file under blobs/ whose name is not a digest in its fan-out directory
  kCorruptSnapshot,      // problem: a snapshot that does not parse (never removed: snapshots are evidence)
  kBadCurrent,           // problem: `current` names no snapshot
  kCorruptModel,         // problem: a model cache that does not decode or match (repair: removed; rebuilt on next use)
  kStaleTemporary,       // reclaimable (repair: removed)
  kOrphanModel,          // reclaimable: its snapshot is gone (repair: removed)
  kUnreferencedBlob,     // reclaimable: no snapshot uses it (`store prune` removes it)
};
std::string_view to_string(StoreFindingKind k);  // "corrupt-blob", "missing-blob", …
bool is_problem(StoreFindingKind k);             // false for the reclaimable kinds

struct StoreFinding final {
  StoreFindingKind kind = StoreFindingKind::kCorruptBlob;
  std::string path;    // relative to the store directory
  std::string detail;  // what exactly is wrong
  bool repaired = false;
};

enum class Repair : bool { kNo, kYes };

struct StoreVerifyRequest final {
  Repair repair = Repair::kNo;
  // Files or directories (their regular files, not recursive) whose bytes may replace a
  // missing or corrupt blob: used only when their SHA-256 is the blob's name. A PEM file
  // also offers the DER of each certificate in it (LOTL anchors are stored as DER).
  std::vector<std::filesystem::path> sources;
};

struct StoreVerifyResult final {
  std::size_t blobs_checked = 0;
  std::size_t snapshots_checked = 0;
  std::size_t models_checked = 0;
  std::vector<StoreFinding> findings;  // in the order found

  // Problems (not reclaimable) left unrepaired.
  std::size_t open_problems() const;
};

// Fails only when the store cannot be read at all. With Repair::kYes the caller must
// hold the writer lock (it is taken as proof, as for prune).
[[nodiscard]] Result<StoreVerifyResult> verify_store(const Store& store, const StoreVerifyRequest& request,
                                                     const StoreLock* lock);

}  // namespace eutl::cache
