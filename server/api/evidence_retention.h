// How long `eutl serve` keeps its evidence records (server/api/evidence_store.h): a
// record whose file is older than `keep` is removed, and when more than `max_records`
// remain the oldest go first. The record is the client's to keep: it re-verifies
// offline (`eutl evidence verify`), so the service's copy is a convenience, not the
// archive. Pruning looks only at the directory's own entries, never follows a
// symbolic link, and removes only regular files named exactly <64 hex>.json (records)
// or .tmp-<64 hex>-<digits> (store_evidence's temporaries) older than a minute;
// anything else in the directory is left alone. Time is an argument.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/tsl/time.h"

namespace eutl::server {

struct RetentionPolicy final {
  std::chrono::seconds keep{0};  // older records are removed; 0: no age limit
  std::size_t max_records = 0;   // more records: the oldest removed; 0: no count limit
};

// A temporary of store_evidence younger than this may still be written: left alone.
inline constexpr std::chrono::seconds kTemporaryGrace{60};

enum class EvidenceFileKind : std::uint8_t { kRecord, kTemporary, kOther };

// By name only: <64 lower-case hex>.json, .tmp-<64 lower-case hex>-<digits>, or other.
[[nodiscard]] EvidenceFileKind evidence_file_kind(std::string_view name) noexcept;

struct EvidenceFile final {
  std::string name;         // within the directory
  std::chrono::system_clock::time_point modified;  // the file's mtime, to the nanosecond
  EvidenceFileKind kind = EvidenceFileKind::kOther;
};

struct PrunePlan final {
  std::vector<std::string> remove;  // names: temporaries, then records by age, then the oldest beyond the count
  std::size_t records_kept = 0;
};

// Which of `files` (regular files only; the caller leaves out links and directories)
// to remove at `now`. Records of equal mtime go in name order, so the plan is the same
// every time.
[[nodiscard]] PrunePlan plan_prune(std::vector<EvidenceFile> files, const RetentionPolicy& policy,
                                   tsl::TimePoint now);

struct PruneResult final {
  std::size_t records = 0;            // records in the directory afterwards
  std::size_t removed = 0;            // records and temporaries removed
  std::vector<std::string> failures;  // one line per file that could not be removed (or a directory error)
};

// Lists `dir` (without following links inside it), plans and removes. A directory that
// does not exist yet has no records; failures are reported, never thrown.
[[nodiscard]] PruneResult prune_evidence(const std::filesystem::path& dir, const RetentionPolicy& policy,
                                         tsl::TimePoint now);

}  // namespace eutl::server
