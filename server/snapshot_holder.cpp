#include "server/snapshot_holder.h"

#include "eutl/cache/store.h"

namespace eutl::server {

SnapshotHolder::SnapshotHolder(std::filesystem::path store) : m_store(std::move(store)) {}

Result<LoadOutcome> SnapshotHolder::load_current(tsl::TimePoint now) {
  auto fail = [this](const Error& e) -> Error {
    std::lock_guard lock(m_mutex);
    m_load_problem = "the store " + m_store.string() + " cannot be read: " + e.message;
    return e;
  };
  auto store = cache::Store::open(m_store);
  if (!store) {
    return fail(store.error());
  }
  auto current = store->current();
  if (!current) {
    return fail(current.error());
  }
  if (!*current) {
    std::lock_guard lock(m_mutex);
    m_load_problem = "no snapshot yet: the store " + m_store.string() +
                     " has none (POST /v1/refresh, or 'eutl fetch' / 'eutl import' into it)";
    return LoadOutcome::kNoSnapshot;
  }
  if ((*current)->id == snapshot_id()) {
    return LoadOutcome::kUnchanged;
  }
  ListSource source;
  source.store = m_store;  // the current snapshot, from its model cache
  auto lists = TrustedLists::load(source, now);
  if (!lists) {
    return fail(lists.error());
  }
  auto loaded = std::make_shared<const TrustedLists>(std::move(*lists));
  std::optional<tsl::TimePoint> created = (*current)->created;
  if (loaded->snapshot_id() != (*current)->id) {  // a writer moved `current` in between
    auto snapshot = store->read_snapshot(loaded->snapshot_id());
    created = snapshot ? std::optional(snapshot->created) : std::nullopt;
  }
  const SnapshotHealth health = assess_snapshot(*loaded, now);
  {
    std::lock_guard lock(m_mutex);
    if (!health.ready && m_lists && assess_snapshot(*m_lists, now).ready) {
      m_load_problem = "the store's current snapshot " + loaded->snapshot_id() + " is not served: " + health.problem;
      return LoadOutcome::kRefused;
    }
  }
  install(std::move(loaded), created, now);
  std::lock_guard lock(m_mutex);
  m_pin = std::make_shared<const cache::Store>(std::move(*store));
  return LoadOutcome::kInstalled;
}

void SnapshotHolder::install(std::shared_ptr<const TrustedLists> lists, std::optional<tsl::TimePoint> created,
                             tsl::TimePoint now) {
  SnapshotHealth health = lists ? assess_snapshot(*lists, now) : SnapshotHealth{};
  std::lock_guard lock(m_mutex);
  m_checks = lists ? std::make_shared<CheckMemo>() : nullptr;
  m_status = lists ? std::make_shared<StatusMemo>() : nullptr;
  m_lists = std::move(lists);
  m_created = created;
  m_pin.reset();
  m_health = std::move(health);
  m_health_at = now;
  m_load_problem.clear();
}

SnapshotView SnapshotHolder::view(tsl::TimePoint now) const {
  std::lock_guard lock(m_mutex);
  SnapshotView out;
  out.lists = m_lists;
  out.created = m_created;
  out.checks = m_checks;
  out.status = m_status;
  if (!m_lists) {
    out.problem = m_load_problem.empty() ? "no snapshot loaded yet" : m_load_problem;
    return out;
  }
  // Re-assessed only when time crossed a NextUpdate (or went back): cheap per request.
  if (now < m_health_at || (m_health.valid_until && now > *m_health.valid_until)) {
    m_health = assess_snapshot(*m_lists, now);
    m_health_at = now;
  }
  out.ready = m_health.ready;
  out.problem = m_health.problem;
  if (!m_load_problem.empty()) {
    out.problem += (out.problem.empty() ? "" : "; ") + m_load_problem;
  }
  return out;
}

std::string SnapshotHolder::snapshot_id() const {
  std::lock_guard lock(m_mutex);
  return m_lists ? m_lists->snapshot_id() : std::string();
}

}  // namespace eutl::server
