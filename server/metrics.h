// The counters behind GET /metrics, in the Prometheus text exposition format 0.0.4:
//   eutl_http_requests_total{route,method,status}            counter
//   eutl_http_request_duration_seconds{route}                histogram
//   eutl_http_connections_open                               gauge
//   eutl_verdicts_total{answer="yes"|"no"|"indeterminate"}   counter (the VerdictSink)
//   eutl_check_answers_kept_total                            counter: checks answered from the snapshot's memo
//   eutl_refresh_total{outcome="installed"|"unchanged"|"refused"|"failed"}  counter
//   eutl_snapshot_loaded, eutl_ready                          gauges, 0 or 1
//   eutl_snapshot_age_seconds                                 gauge: the wall clock minus the snapshot's creation
//   eutl_list_result{territory,kind,result}                   gauge: how many lists of the snapshot served
//   eutl_evidence_records                                     gauge: evidence records kept (when retention runs)
//   eutl_evidence_pruned_total                                counter: records and stale temporaries removed
// Every counter is an atomic, written without a lock by the request threads; the
// routes are fixed when the server starts (set_routes), so no map grows at run time.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "eutl/tsl/time.h"
#include "server/route.h"
#include "server/snapshot_holder.h"

namespace eutl::server {

enum class RefreshOutcome : std::uint8_t { kInstalled, kUnchanged, kRefused, kFailed };
inline constexpr std::size_t kRefreshOutcomes = 4;
[[nodiscard]] std::string_view to_string(RefreshOutcome outcome) noexcept;

class Metrics final : public VerdictSink {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,    0.25,  0.5,    1,     2.5,   5,    10};
  // The status codes counted one by one; any other is counted under "other".
  static constexpr std::array<int, 16> kStatuses{200, 201, 204, 304, 400, 403, 404, 405,
                                                 409, 413, 415, 422, 431, 500, 501, 503};

  Metrics();
  ~Metrics() override;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Once, before the first request: the route table (method and pattern of each).
  // Requests matching no route are counted under the route label "unmatched".
  void set_routes(const std::vector<Route>& routes);
  std::size_t unmatched_index() const noexcept { return m_labels.size() - 1; }

  void record_request(std::size_t route_index, int status, std::chrono::microseconds duration) noexcept;
  void count_verdict(Answer answer) override;
  void count_kept_answer() noexcept override { m_kept_answers.fetch_add(1, std::memory_order_relaxed); }
  void count_refresh(RefreshOutcome outcome) noexcept;
  // Evidence retention (server/api/evidence_pruner.h): the records kept now, and how
  // many files a prune removed. The gauge is shown once retention runs (either call
  // below); add_evidence_records returns the new count. One atomic, so a prune's
  // correction and the requests' increments never overwrite each other.
  void set_evidence_records(std::uint64_t records) noexcept {
    m_evidence_records.store(static_cast<std::int64_t>(records), std::memory_order_relaxed);
    m_evidence_shown.store(true, std::memory_order_relaxed);
  }
  std::int64_t add_evidence_records(std::int64_t delta) noexcept {
    m_evidence_shown.store(true, std::memory_order_relaxed);
    return m_evidence_records.fetch_add(delta, std::memory_order_relaxed) + delta;
  }
  void count_evidence_pruned(std::uint64_t removed) noexcept {
    m_evidence_pruned.fetch_add(removed, std::memory_order_relaxed);
  }
  void connection_opened() noexcept { m_connections.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() noexcept { m_connections.fetch_sub(1, std::memory_order_relaxed); }

  // The whole exposition, with the snapshot gauges taken from `snapshot` at `now`.
  [[nodiscard]] std::string render(const SnapshotView& snapshot, tsl::TimePoint now) const;

 private:
  struct RouteCounters;
  std::vector<std::string> m_labels;         // per route, then "unmatched"
  std::vector<std::string> m_methods;        // per route, then ""
  std::unique_ptr<RouteCounters[]> m_routes;
  std::array<std::atomic<std::uint64_t>, 3> m_verdicts{};
  std::array<std::atomic<std::uint64_t>, kRefreshOutcomes> m_refreshes{};
  std::atomic<std::int64_t> m_connections{0};
  std::atomic<std::int64_t> m_evidence_records{0};
  std::atomic<bool> m_evidence_shown{false};  // false: no retention runs (--read-only)
  std::atomic<std::uint64_t> m_evidence_pruned{0};
  std::atomic<std::uint64_t> m_kept_answers{0};
};

}  // namespace eutl::server
