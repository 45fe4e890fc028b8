// What GET /v1/status says about the served snapshot apart from the instant asked: the
// snapshot as stored, the territories its LOTL points to with no list in use, and the
// facts of the LOTL anchors recorded with it. They are gathered at the first status
// request and kept with that snapshot (SnapshotHolder makes one StatusMemo per snapshot
// installed, as it does a CheckMemo), so a monitor polling the route does not read and
// decode the snapshot, its LOTL and its anchors again at every request.
//
// Freshness is the one part that depends on the instant (TS 119 612 §5.3.14 NextUpdate):
// each request applies it to its own copy (cache::apply_freshness). It changes only the
// lists' results and reasons, never which list is in use nor the recorded anchors, so
// gathering before or after it gives the same missing territories and anchors.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/status_json.h"

namespace eutl::server {

class StatusMemo final {
 public:
  // The status of snapshot `id` (exact, or "current") of `store` as stored: the one
  // kept for that id, else gathered now, and kept when nothing failed to be read (a
  // problem may be passing: it is gathered again at the next request). Errors as
  // select_snapshot's.
  [[nodiscard]] Result<StoreStatus> basis(const cache::Store& store, const std::string& id);

 private:
  std::mutex m_mutex;
  std::string m_id;
  std::optional<StoreStatus> m_kept;
};

}  // namespace eutl::server
