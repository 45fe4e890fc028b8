// The verified snapshot the server answers from. Each request takes its own copy of
// the shared pointer when it starts (view()), so a refresh that installs another
// snapshot meanwhile never changes the lists a request is running on; the old
// snapshot is freed when its last request finishes.
//
// Only lists TrustedLists::load() made from the store's current snapshot are
// installed: the store never makes a snapshot current with a list that failed
// verification in place of a good one (cache/refresh.h), and a snapshot that is not
// ready (snapshot_health.h) never replaces one that is.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "eutl/result.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "server/check_memo.h"
#include "server/status_memo.h"
#include "server/snapshot_health.h"

namespace eutl::server {

struct SnapshotView final {
  std::shared_ptr<const TrustedLists> lists;  // null before the first snapshot
  std::string problem;                        // RequestContext::lists_problem
  bool ready = false;                         // /readyz
  std::optional<tsl::TimePoint> created;      // when the snapshot was made (wall clock)
  std::shared_ptr<CheckMemo> checks;          // the answers of its checks; null with no snapshot
  std::shared_ptr<StatusMemo> status;         // what its status says at any instant; null with none
};

enum class LoadOutcome {
  kInstalled,   // the store's current snapshot is now served
  kUnchanged,   // it already was
  kNoSnapshot,  // the store has none yet
  kRefused,     // it is not ready and the one served is: the served one stays
};

class SnapshotHolder final {
 public:
  explicit SnapshotHolder(std::filesystem::path store);

  // Loads the store's current snapshot, verified at `now`, unless it is the one served.
  // An error (the store cannot be read) leaves the served snapshot in place and is
  // reported as the problem while none is served.
  [[nodiscard]] Result<LoadOutcome> load_current(tsl::TimePoint now);

  // Serves `lists` from now on (tests; load_current() in production).
  void install(std::shared_ptr<const TrustedLists> lists, std::optional<tsl::TimePoint> created, tsl::TimePoint now);

  [[nodiscard]] SnapshotView view(tsl::TimePoint now) const;
  [[nodiscard]] std::string snapshot_id() const;
  const std::filesystem::path& store() const noexcept { return m_store; }

 private:
  std::filesystem::path m_store;
  mutable std::mutex m_mutex;
  std::shared_ptr<const TrustedLists> m_lists;
  std::optional<tsl::TimePoint> m_created;
  std::shared_ptr<CheckMemo> m_checks;  // made afresh with each snapshot installed
  std::shared_ptr<StatusMemo> m_status;  // likewise
  // The store object that read the snapshot served: it pins the snapshot, so that a
  // prune by the store's writer never removes it while it is served (cache/store.h).
  std::shared_ptr<const void> m_pin;
  std::string m_load_problem;              // why nothing (or nothing newer) could be loaded
  mutable SnapshotHealth m_health;         // of m_lists, as of m_health_at
  mutable tsl::TimePoint m_health_at{};
};

}  // namespace eutl::server
