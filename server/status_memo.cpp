// The parts of a snapshot's status that do not depend on the instant asked
// (server/status_memo.h).
#include "server/status_memo.h"

#include "eutl/trusted_lists.h"

namespace eutl::server {

Result<StoreStatus> StatusMemo::basis(const cache::Store& store, const std::string& id) {
  std::lock_guard lock(m_mutex);
  if (m_kept && m_id == id) {
    return *m_kept;
  }
  auto snapshot = select_snapshot(store, id);
  if (!snapshot) {
    return std::move(snapshot).error();
  }
  StoreStatus status = gather_store_status(store, std::move(*snapshot), tsl::TimePoint{});
  if (status.problems.empty() && id != "current") {
    m_id = id;
    m_kept = status;
  }
  return status;
}

}  // namespace eutl::server
