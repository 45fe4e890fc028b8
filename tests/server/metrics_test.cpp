#include "server/metrics.h"

#include <gtest/gtest.h>

#include <regex>

#include "tests/support/text_file.h"

namespace eutl::server {
namespace {

std::vector<Route> routes() {
  auto ok = [](const Request&, const RequestContext&) { return json_response("{}"); };
  return {{Method::kGet, "/healthz", ok}, {Method::kPost, "/v1/check", ok}, {Method::kGet, "/q\"uote", ok}};
}

using test::has_line;

TEST(Metrics, RequestsPerRouteMethodAndStatus) {
  Metrics m;
  m.set_routes(routes());
  m.record_request(0, 200, std::chrono::microseconds(300));
  m.record_request(0, 200, std::chrono::microseconds(700));
  m.record_request(1, 413, std::chrono::microseconds(40));
  m.record_request(m.unmatched_index(), 404, std::chrono::microseconds(10));
  m.record_request(1, 418, std::chrono::microseconds(10));  // not in the table: "other"
  const std::string t = m.render(SnapshotView{}, tsl::TimePoint{});
  EXPECT_TRUE(has_line(t, R"(eutl_http_requests_total{route="/healthz",method="GET",status="200"} 2)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_requests_total{route="/v1/check",method="POST",status="413"} 1)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_requests_total{route="/v1/check",method="POST",status="other"} 1)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_requests_total{route="unmatched",method="",status="404"} 1)")) << t;
  EXPECT_TRUE(has_line(t, "# TYPE eutl_http_requests_total counter")) << t;
  // Label values are escaped: '"' as \".
  EXPECT_NE(t.find(R"(route="/q\"uote")"), std::string::npos) << t;
}

TEST(Metrics, LatencyHistogramIsCumulativeWithSumAndCount) {
  Metrics m;
  m.set_routes(routes());
  m.record_request(0, 200, std::chrono::microseconds(300));   // <= 0.0005
  m.record_request(0, 200, std::chrono::microseconds(700));   // <= 0.001
  m.record_request(0, 200, std::chrono::seconds(20));         // +Inf only
  const std::string t = m.render(SnapshotView{}, tsl::TimePoint{});
  EXPECT_TRUE(has_line(t, "# TYPE eutl_http_request_duration_seconds histogram")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_bucket{route="/healthz",le="0.0005"} 1)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_bucket{route="/healthz",le="0.001"} 2)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_bucket{route="/healthz",le="10"} 2)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 3)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_count{route="/healthz"} 3)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_http_request_duration_seconds_sum{route="/healthz"} 20.001)")) << t;
}

TEST(Metrics, VerdictsRefreshesConnectionsAndSnapshotGauges) {
  Metrics m;
  m.set_routes(routes());
  VerdictSink& sink = m;
  sink.count_verdict(Answer::kYes);
  sink.count_verdict(Answer::kYes);
  sink.count_verdict(Answer::kIndeterminate);
  sink.count_kept_answer();
  m.count_refresh(RefreshOutcome::kInstalled);
  m.count_refresh(RefreshOutcome::kFailed);
  m.connection_opened();
  SnapshotView view;
  const tsl::TimePoint now = tsl::parse_datetime("2025-03-01T01:00:00Z")->time;
  view.created = tsl::parse_datetime("2025-03-01T00:00:00Z")->time;
  const std::string t = m.render(view, now);
  EXPECT_TRUE(has_line(t, R"(eutl_verdicts_total{answer="yes"} 2)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_verdicts_total{answer="no"} 0)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_verdicts_total{answer="indeterminate"} 1)")) << t;
  EXPECT_TRUE(has_line(t, "eutl_check_answers_kept_total 1")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_refresh_total{outcome="installed"} 1)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_refresh_total{outcome="failed"} 1)")) << t;
  EXPECT_TRUE(has_line(t, R"(eutl_refresh_total{outcome="unchanged"} 0)")) << t;
  EXPECT_TRUE(has_line(t, "eutl_http_connections_open 1")) << t;
  EXPECT_TRUE(has_line(t, "eutl_snapshot_loaded 0")) << t;
  EXPECT_TRUE(has_line(t, "eutl_ready 0")) << t;
  EXPECT_TRUE(has_line(t, "eutl_snapshot_age_seconds 3600")) << t;
}

TEST(Metrics, EverySampleLineIsWellFormed) {
  Metrics m;
  m.set_routes(routes());
  m.record_request(2, 200, std::chrono::microseconds(1));
  const std::string t = m.render(SnapshotView{}, tsl::TimePoint{});
  // name{labels} value, or a # HELP / # TYPE line (exposition format 0.0.4).
  const std::regex sample(R"(^[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? [0-9.e+-]+$)");
  std::istringstream in(t);
  std::string line;
  int samples = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
      continue;
    }
    EXPECT_TRUE(std::regex_match(line, sample)) << line;
    ++samples;
  }
  EXPECT_GT(samples, 50);
}

TEST(Metrics, EvidenceRetentionGaugeOnceSetAndPrunedCounter) {
  Metrics m;
  const std::string before = m.render(SnapshotView{}, tsl::TimePoint{});
  EXPECT_EQ(before.find("eutl_evidence_records"), std::string::npos) << before;  // no retention runs
  EXPECT_TRUE(has_line(before, "eutl_evidence_pruned_total 0")) << before;
  m.set_evidence_records(7);
  m.count_evidence_pruned(3);
  m.count_evidence_pruned(2);
  const std::string t = m.render(SnapshotView{}, tsl::TimePoint{});
  EXPECT_TRUE(has_line(t, "# TYPE eutl_evidence_records gauge")) << t;
  EXPECT_TRUE(has_line(t, "eutl_evidence_records 7")) << t;
  EXPECT_TRUE(has_line(t, "# TYPE eutl_evidence_pruned_total counter")) << t;
  EXPECT_TRUE(has_line(t, "eutl_evidence_pruned_total 5")) << t;
}

}  // namespace
}  // namespace eutl::server
