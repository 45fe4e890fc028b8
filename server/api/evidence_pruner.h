// Runs the evidence retention (server/api/evidence_retention.h) of a serving process on
// a thread of its own: once at start-up, then every `every`, and sooner when more new
// records were stored since the last prune than the count limit leaves room for (so a
// burst of checks cannot overrun --evidence-max-records by more than a small slack).
// The request path only calls note_stored(): an atomic increment and, past the slack,
// a wake-up. Failures are logged and never stop the server.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "eutl/server/server_config.h"
#include "server/api/evidence_retention.h"
#include "server/dispatcher.h"
#include "server/metrics.h"

namespace eutl::server {

inline constexpr std::chrono::seconds kPruneEvery{600};

// Records beyond max_records tolerated before an early prune: 1% of the limit, at most
// 1000, at least 0 (a limit under 100 is enforced at the next record).
[[nodiscard]] std::uint64_t prune_slack(std::size_t max_records) noexcept;

class EvidencePruner final {
 public:
  EvidencePruner(std::filesystem::path dir, RetentionPolicy policy, Metrics& metrics, Clock clock,
                 std::function<void(const std::string&)> log);
  ~EvidencePruner();  // stops the thread
  EvidencePruner(const EvidencePruner&) = delete;
  EvidencePruner& operator=(const EvidencePruner&) = delete;

  void start(std::chrono::seconds every = kPruneEvery);
  void stop();

  // A new record was stored (store_evidence, via ServerConfig::on_evidence_stored).
  void note_stored() noexcept;

  // One prune now, on the calling thread.
  PruneResult prune_once();

 private:
  void loop(std::chrono::seconds every);

  std::filesystem::path m_dir;
  RetentionPolicy m_policy;
  Metrics& m_metrics;
  Clock m_clock;
  std::function<void(const std::string&)> m_log;
  std::uint64_t m_slack;
  std::atomic<bool> m_wanted{false};        // note_stored asked for an early prune
  std::mutex m_mutex;                       // guards m_stop (and the wait)
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;
};

// The pruner of a serving process over `config`'s evidence directory, with
// config.on_evidence_stored pointed at it (not started); null for a --read-only
// replica, which may share a store it must not write.
[[nodiscard]] std::unique_ptr<EvidencePruner> evidence_pruner_for(ServerConfig& config, bool read_only,
                                                                  Metrics& metrics, Clock clock,
                                                                  std::function<void(const std::string&)> log);

}  // namespace eutl::server
