#include "server/refresher.h"

#include <nlohmann/json.hpp>

#include "eutl/cache/store.h"
#include "eutl/cache/refresh_resuming.h"

namespace eutl::server {
namespace {

using nlohmann::ordered_json;

ordered_json id_or_null(const std::string& id) { return id.empty() ? ordered_json(nullptr) : ordered_json(id); }

}  // namespace

Refresher::Refresher(SnapshotHolder& holder, Metrics& metrics, RefreshSettings settings, Clock clock)
    : m_holder(holder), m_metrics(metrics), m_settings(std::move(settings)), m_clock(std::move(clock)) {}

Refresher::~Refresher() { stop(); }

std::optional<RefreshResult> Refresher::run_once() {
  std::unique_lock lock(m_running, std::try_to_lock);
  if (!lock.owns_lock()) {
    return std::nullopt;
  }
  RefreshResult result = refresh();
  m_metrics.count_refresh(result.outcome);
  return result;
}

Result<cache::RefreshReport> Refresher::download(tsl::TimePoint at) {
  auto store = cache::Store::open(m_holder.store());
  if (!store) {
    return store.error();
  }
  auto lock = store->lock_for_writing();
  if (!lock) {
    return lock.error();  // another refresher (or `eutl fetch`) holds the store
  }
  cache::RefreshRequest request;
  request.lotl_url = m_settings.lotl_url;
  request.at = at;
  request.created = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  if (m_settings.lotl_anchors) {
    auto anchors = m_settings.lotl_anchors(*store);
    if (!anchors) {
      return anchors.error();
    }
    request.lotl_anchors = std::move(*anchors);
  }
  return cache::refresh_resuming(*store, *lock, m_settings.fetch, m_settings.tls_resumption, m_settings.verifier,
                                 request);
}

RefreshResult Refresher::refresh() {
  const tsl::TimePoint at = m_clock();
  const std::string previous = m_holder.snapshot_id();
  ordered_json j;
  j["schema"] = "eutl-refresh/1";
  RefreshResult result;
  auto failed = [&](const std::string& message) {
    result.outcome = RefreshOutcome::kFailed;
    result.http_status = 503;
    result.json = json_error(503, "refresh_failed", "the refresh failed: " + message).body;
    return result;
  };
  std::optional<cache::RefreshReport> report;
  if (m_settings.download) {
    auto done = download(at);
    if (!done) {
      return failed(done.error().message);
    }
    report = std::move(*done);
  }
  auto loaded = m_holder.load_current(at);
  if (!loaded) {
    return failed("the new snapshot cannot be loaded: " + loaded.error().message);
  }
  switch (*loaded) {
    case LoadOutcome::kInstalled:
      result.outcome = RefreshOutcome::kInstalled;
      break;
    case LoadOutcome::kRefused:
      result.outcome = RefreshOutcome::kRefused;
      break;
    case LoadOutcome::kUnchanged:
    case LoadOutcome::kNoSnapshot:
      result.outcome = RefreshOutcome::kUnchanged;
      break;
  }
  const SnapshotView view = m_holder.view(at);
  j["outcome"] = std::string(to_string(result.outcome));
  j["snapshot"] = id_or_null(m_holder.snapshot_id());
  j["previous_snapshot"] = id_or_null(previous);
  j["ready"] = view.ready;
  j["problem"] = view.problem.empty() ? ordered_json(nullptr) : ordered_json(view.problem);
  j["fetch"] = report && m_settings.report_json
                   ? ordered_json::parse(m_settings.report_json(*report, at), nullptr, false)
                   : ordered_json(nullptr);
  result.json = j.dump(2) + "\n";
  return result;
}

void Refresher::start_schedule(std::chrono::seconds every) {
  if (every.count() <= 0 || m_thread.joinable()) {
    return;
  }
  m_thread = std::thread([this, every] { schedule_loop(every); });
}

void Refresher::schedule_loop(std::chrono::seconds every) {
  bool first = m_holder.snapshot_id().empty();
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    if (!first && m_wake.wait_for(lock, every, [this] { return m_stop; })) {
      break;
    }
    first = false;
    lock.unlock();
    (void)run_once();  // nullopt: an operator's refresh is running, which does the same
    lock.lock();
  }
}

void Refresher::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

}  // namespace eutl::server
