// The evidence pruner of a serving process (server/api/evidence_pruner.h).
#include "server/api/evidence_pruner.h"

#include <algorithm>

#include "server/api/evidence_store.h"

namespace eutl::server {

std::uint64_t prune_slack(std::size_t max_records) noexcept {
  return std::min<std::uint64_t>(1000, max_records / 100);
}

EvidencePruner::EvidencePruner(std::filesystem::path dir, RetentionPolicy policy, Metrics& metrics, Clock clock,
                               std::function<void(const std::string&)> log)
    : m_dir(std::move(dir)),
      m_policy(policy),
      m_metrics(metrics),
      m_clock(std::move(clock)),
      m_log(std::move(log)),
      m_slack(prune_slack(policy.max_records)) {}

EvidencePruner::~EvidencePruner() { stop(); }

void EvidencePruner::start(std::chrono::seconds every) {
  m_thread = std::thread([this, every] { loop(every); });
}

void EvidencePruner::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void EvidencePruner::note_stored() noexcept {
  // The count lives in the gauge: records at the last prune plus those stored since.
  const auto records = static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_metrics.add_evidence_records(1)));
  if (m_policy.max_records == 0 || records <= m_policy.max_records + m_slack ||
      m_wanted.exchange(true, std::memory_order_relaxed)) {
    return;
  }
  // Once per prune: taking the lock orders this wake-up after the pruner's check of
  // m_wanted, so it cannot be lost.
  {
    std::lock_guard lock(m_mutex);
  }
  m_wake.notify_one();
}

PruneResult EvidencePruner::prune_once() {
  m_wanted.store(false, std::memory_order_relaxed);
  const std::int64_t before = m_metrics.add_evidence_records(0);
  PruneResult result = prune_evidence(m_dir, m_policy, m_clock());
  // The count becomes what the directory held, plus the records stored while it was
  // read (which it may already hold: until the next prune the gauge errs high, never low).
  m_metrics.add_evidence_records(static_cast<std::int64_t>(result.records) - before);
  m_metrics.count_evidence_pruned(result.removed);
  for (const std::string& failure : result.failures) {
    if (m_log) {
      m_log("warning: evidence retention: " + failure);
    }
  }
  return result;
}

void EvidencePruner::loop(std::chrono::seconds every) {
  for (;;) {
    (void)prune_once();
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, every, [this] { return m_stop || m_wanted.load(std::memory_order_relaxed); });
    if (m_stop) {
      return;
    }
  }
}

std::unique_ptr<EvidencePruner> evidence_pruner_for(ServerConfig& config, bool read_only, Metrics& metrics,
                                                    Clock clock, std::function<void(const std::string&)> log) {
  if (read_only) {
    return nullptr;
  }
  auto pruner = std::make_unique<EvidencePruner>(
      evidence_dir(config), RetentionPolicy{config.evidence_keep, config.evidence_max_records}, metrics,
      std::move(clock), std::move(log));
  config.on_evidence_stored = [p = pruner.get()] { p->note_stored(); };
  return pruner;
}

}  // namespace eutl::server
