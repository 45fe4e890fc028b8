#include "server/metrics.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <sstream>

#include "server/router.h"

namespace eutl::server {

struct Metrics::RouteCounters {
  std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> by_status{};  // last: other
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};     // last: +Inf
  std::atomic<std::uint64_t> sum_us{0};
};

namespace {

// Label values escape '\', '"' and newline (exposition format 0.0.4).
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::uint64_t load(const std::atomic<std::uint64_t>& a) { return a.load(std::memory_order_relaxed); }

}  // namespace

std::string_view to_string(RefreshOutcome outcome) noexcept {
  switch (outcome) {
    case RefreshOutcome::kInstalled:
      return "installed";
    case RefreshOutcome::kUnchanged:
      return "unchanged";
    case RefreshOutcome::kRefused:
      return "refused";
    case RefreshOutcome::kFailed:
      break;
  }
  return "failed";
}

Metrics::Metrics() { set_routes({}); }
Metrics::~Metrics() = default;

void Metrics::set_routes(const std::vector<Route>& routes) {
  m_labels.clear();
  m_methods.clear();
  for (const Route& r : routes) {
    m_labels.push_back(r.pattern);
    m_methods.emplace_back(method_name(r.method));
  }
  m_labels.emplace_back("unmatched");
  m_methods.emplace_back("");
  m_routes = std::make_unique<RouteCounters[]>(m_labels.size());
}

void Metrics::record_request(std::size_t route_index, int status, std::chrono::microseconds duration) noexcept {
  RouteCounters& c = m_routes[std::min(route_index, unmatched_index())];
  const auto* code = std::find(kStatuses.begin(), kStatuses.end(), status);
  c.by_status[static_cast<std::size_t>(code - kStatuses.begin())].fetch_add(1, std::memory_order_relaxed);
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  const auto* bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds);
  c.buckets[static_cast<std::size_t>(bucket - kBuckets.begin())].fetch_add(1, std::memory_order_relaxed);
  c.sum_us.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, duration.count())),
                     std::memory_order_relaxed);
}

void Metrics::count_verdict(Answer answer) {
  m_verdicts[static_cast<std::size_t>(answer)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_refresh(RefreshOutcome outcome) noexcept {
  m_refreshes[static_cast<std::size_t>(outcome)].fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::render(const SnapshotView& snapshot, tsl::TimePoint now) const {
  std::ostringstream out;
  out << "# HELP eutl_http_requests_total HTTP requests answered, by route pattern, method and status.\n"
         "# TYPE eutl_http_requests_total counter\n";
  for (std::size_t i = 0; i < m_labels.size(); ++i) {
    for (std::size_t s = 0; s <= kStatuses.size(); ++s) {
      const std::uint64_t n = load(m_routes[i].by_status[s]);
      if (n == 0) {
        continue;
      }
      out << "eutl_http_requests_total{route=\"" << label(m_labels[i]) << "\",method=\"" << m_methods[i]
          << "\",status=\"" << (s < kStatuses.size() ? std::to_string(kStatuses[s]) : "other") << "\"} " << n
          << '\n';
    }
  }
  out << "# HELP eutl_http_request_duration_seconds Time from a complete request to its answer, by route pattern.\n"
         "# TYPE eutl_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < m_labels.size(); ++i) {
    const std::string route = "route=\"" + label(m_labels[i]) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += load(m_routes[i].buckets[b]);
      out << "eutl_http_request_duration_seconds_bucket{" << route << ",le=\""
          << (b < kBuckets.size() ? number(kBuckets[b]) : "+Inf") << "\"} " << cumulative << '\n';
    }
    out << "eutl_http_request_duration_seconds_sum{" << route << "} "
        << number(static_cast<double>(load(m_routes[i].sum_us)) / 1e6) << '\n';
    out << "eutl_http_request_duration_seconds_count{" << route << "} " << cumulative << '\n';
  }
  out << "# HELP eutl_http_connections_open Client connections open now.\n"
         "# TYPE eutl_http_connections_open gauge\n"
         "eutl_http_connections_open "
      << m_connections.load(std::memory_order_relaxed) << '\n';
  out << "# HELP eutl_verdicts_total Decisions answered, by answer (the claim's verdict, else the status).\n"
         "# TYPE eutl_verdicts_total counter\n";
  const char* const answers[] = {"yes", "no", "indeterminate"};
  for (std::size_t a = 0; a < 3; ++a) {
    out << "eutl_verdicts_total{answer=\"" << answers[a] << "\"} " << load(m_verdicts[a]) << '\n';
  }
  out << "# HELP eutl_check_answers_kept_total Checks answered from the answers kept for the snapshot in use "
         "(the same request in the same second), without deciding again; they are also counted in "
         "eutl_verdicts_total.\n"
         "# TYPE eutl_check_answers_kept_total counter\n"
         "eutl_check_answers_kept_total "
      << load(m_kept_answers) << '\n';
  out << "# HELP eutl_refresh_total Refreshes of the store, by outcome.\n"
         "# TYPE eutl_refresh_total counter\n";
  for (std::size_t o = 0; o < kRefreshOutcomes; ++o) {
    out << "eutl_refresh_total{outcome=\"" << to_string(static_cast<RefreshOutcome>(o)) << "\"} "
        << load(m_refreshes[o]) << '\n';
  }
  if (m_evidence_shown.load(std::memory_order_relaxed)) {
    const std::int64_t records = std::max<std::int64_t>(0, m_evidence_records.load(std::memory_order_relaxed));
    out << "# HELP eutl_evidence_records Evidence records kept in the evidence directory (counted at each prune, "
           "plus those stored since).\n"
           "# TYPE eutl_evidence_records gauge\n"
           "eutl_evidence_records "
        << records << '\n';
  }
  out << "# HELP eutl_evidence_pruned_total Evidence records (and stale temporaries) removed by retention.\n"
         "# TYPE eutl_evidence_pruned_total counter\n"
         "eutl_evidence_pruned_total "
      << load(m_evidence_pruned) << '\n';
  out << "# HELP eutl_snapshot_loaded 1 when a verified snapshot is served.\n"
         "# TYPE eutl_snapshot_loaded gauge\n"
         "eutl_snapshot_loaded "
      << (snapshot.lists ? 1 : 0) << '\n';
  out << "# HELP eutl_ready 1 when /readyz answers 200.\n"
         "# TYPE eutl_ready gauge\n"
         "eutl_ready "
      << (snapshot.ready ? 1 : 0) << '\n';
  if (snapshot.created) {
    out << "# HELP eutl_snapshot_age_seconds Seconds since the snapshot served was made.\n"
           "# TYPE eutl_snapshot_age_seconds gauge\n"
           "eutl_snapshot_age_seconds "
        << std::chrono::duration_cast<std::chrono::seconds>(now - *snapshot.created).count() << '\n';
  }
  if (snapshot.lists) {
    out << "# HELP eutl_list_result Lists of the snapshot served, by territory, kind and verification result.\n"
           "# TYPE eutl_list_result gauge\n";
    std::map<std::tuple<std::string, std::string_view, std::string_view>, int> counts;  // pivots share "EU"
    for (const auto& v : snapshot.lists->lists()) {
      ++counts[{v.list ? v.list->scheme.territory : std::string(), verify::to_string(v.kind),
                verify::to_string(v.status)}];
    }
    for (const auto& [key, n] : counts) {
      out << "eutl_list_result{territory=\"" << label(std::get<0>(key)) << "\",kind=\"" << std::get<1>(key)
          << "\",result=\"" << std::get<2>(key) << "\"} " << n << '\n';
    }
  }
  return out.str();
}

}  // namespace eutl::server
