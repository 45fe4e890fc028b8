// Keeps the served snapshot fresh: a refresh of the store from the network (the same
// cache::refresh_from_network as `eutl fetch`, with conditional GET), then, when the
// store's current snapshot changed, loads it and installs it (snapshot_holder.h).
// Runs every `every` on a thread of its own and on POST /v1/refresh; at most one at a
// time (a second one asked meanwhile is told so, never queued), and never on a
// request thread other than the one that asked: requests go on meanwhile on the
// snapshot they started with.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "eutl/cache/refresh.h"
#include "eutl/net/fetcher.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "server/dispatcher.h"
#include "server/metrics.h"
#include "server/snapshot_holder.h"

namespace eutl::server {

struct RefreshSettings final {
  // false: a replica of a store another process writes; a refresh only loads the
  // store's current snapshot, and never downloads or writes.
  bool download = true;
  std::string lotl_url = std::string(cache::kDefaultLotlUrl);
  net::FetchOptions fetch;
  // Resume the TLS sessions the store keeps, and keep this refresh's for the next
  // (cache/tls_sessions_file.h), as `eutl fetch` does.
  bool tls_resumption = true;
  cache::Verifier verifier;
  // The LOTL anchors a refresh of this store uses (the CLI: --lotl-signers, else the
  // store's, else the bundled ones, as `eutl fetch`).
  std::function<Result<std::vector<tsl::Bytes>>(const cache::Store&)> lotl_anchors;
  // The report as `eutl fetch --json` prints it (eutl-fetch/1), for the answer.
  std::function<std::string(const cache::RefreshReport&, tsl::TimePoint at)> report_json;
};

// The answer to POST /v1/refresh (schema eutl-refresh/1, docs/serve.md).
struct RefreshResult final {
  RefreshOutcome outcome = RefreshOutcome::kFailed;
  int http_status = 200;
  std::string json;
};

class Refresher final {
 public:
  Refresher(SnapshotHolder& holder, Metrics& metrics, RefreshSettings settings, Clock clock);
  ~Refresher();  // stops the schedule (waiting for a refresh under way)
  Refresher(const Refresher&) = delete;
  Refresher& operator=(const Refresher&) = delete;

  // One refresh now, on the calling thread; nullopt when one is running already.
  [[nodiscard]] std::optional<RefreshResult> run_once();

  // Every `every` (> 0) on a thread of its own; the first at once when no snapshot is
  // served yet.
  void start_schedule(std::chrono::seconds every);
  void stop();

 private:
  RefreshResult refresh();
  [[nodiscard]] Result<cache::RefreshReport> download(tsl::TimePoint at);
  void schedule_loop(std::chrono::seconds every);

  SnapshotHolder& m_holder;
  Metrics& m_metrics;
  RefreshSettings m_settings;
  Clock m_clock;
  std::mutex m_running;  // held for the duration of a refresh
  std::mutex m_mutex;    // guards m_stop
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace eutl::server
