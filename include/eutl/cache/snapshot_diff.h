// What changed between two snapshots (`eutl diff SNAP_A SNAP_B`): the lists (new
// sequence numbers, new bytes, results), and inside the national lists the services
// added, removed, or whose status changed, with the date of the change. What TSPs and
// procurement teams watch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"

namespace eutl::cache {

enum class ChangeKind { kAdded, kRemoved, kChanged };
std::string_view to_string(ChangeKind k);  // "added" / "removed" / "changed"

struct ListChange final {
  ChangeKind kind = ChangeKind::kChanged;
  std::string role;  // "lotl", "pivot", "tl"
  std::string territory;
  std::string url;
  std::optional<std::uint64_t> old_sequence, new_sequence;
  std::optional<tsl::Sha256> old_digest, new_digest;  // none on the side where absent
  std::optional<verify::ListStatus> old_result, new_result;  // none on the side where absent
  std::optional<tsl::TimePoint> old_issue_date, new_issue_date;
};

struct ServiceChange final {
  ChangeKind kind = ChangeKind::kChanged;  // kChanged: the current status changed
  std::string territory;
  std::string tsp;
  std::string service;
  std::string type_uri;
  std::string old_status, new_status;  // status URIs; empty on the side where absent
  std::optional<tsl::TimePoint> old_since, new_since;  // StatusStartingTime of each side
};

struct SnapshotDiff final {
  std::string from_id, to_id;
  std::vector<ListChange> lists;        // only lists whose bytes, result or presence changed
  std::vector<ServiceChange> services;  // sorted by territory, TSP, service
  std::vector<std::string> notes;       // lists that could not be read for the service comparison
};

// Reads the list blobs of both snapshots from the store (no verification: the
// snapshots already record each list's result).
[[nodiscard]] Result<SnapshotDiff> diff_snapshots(const Store& store, const Snapshot& from, const Snapshot& to);

}  // namespace eutl::cache
