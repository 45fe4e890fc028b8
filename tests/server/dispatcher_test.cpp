#include "server/dispatcher.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "server/response_headers.h"
#include "tests/support/cli_stores.h"

namespace eutl::server {
namespace {

using nlohmann::json;

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest()
      : m_dir(test::fresh_store_dir("dispatcher")),
        m_holder(m_dir),
        m_log(&m_out),
        m_dispatcher(m_config, Router(table()), m_holder, m_metrics, m_log,
                     [] { return tsl::parse_datetime("2025-03-01T00:00:00Z")->time; }) {}
  ~DispatcherTest() override { std::filesystem::remove_all(m_dir); }

  std::vector<Route> table() {
    std::vector<Route> routes{
        {Method::kGet, "/v1/evidence/{id}",
         [](const Request& r, const RequestContext& c) {
           json j = {{"id", r.path_params.at("id")}, {"problem", c.lists_problem}, {"q", r.query.count("x") ? r.query.at("x") : ""}};
           return json_response(j.dump());
         }},
        {Method::kPost, "/boom", [](const Request&, const RequestContext&) -> Response { throw std::runtime_error("kaput"); }},
    };
    m_metrics.set_routes(routes);
    return routes;
  }

  Response run(Method method, const std::string& target) {
    Request r;
    r.method = method;
    r.target = target;
    r.remote = "127.0.0.1";
    return m_dispatcher.dispatch(r);
  }

  std::filesystem::path m_dir;
  ServerConfig m_config;
  SnapshotHolder m_holder;
  Metrics m_metrics;
  std::ostringstream m_out;
  AccessLog m_log;
  Dispatcher m_dispatcher;
};

std::string code_of(const Response& r) { return json::parse(r.body)["error"]["code"].get<std::string>(); }

TEST_F(DispatcherTest, TheHandlerGetsCapturesQueryAndTheSnapshotProblem) {
  const Response r = run(Method::kGet, "/v1/evidence/ab%63?x=1+2");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["id"], "abc");
  EXPECT_EQ(j["q"], "1 2");
  EXPECT_NE(j["problem"].get<std::string>().find("no snapshot"), std::string::npos) << r.body;
  EXPECT_EQ(*find_header(r, "Cache-Control"), "no-store");
  EXPECT_EQ(*find_header(r, "X-Content-Type-Options"), "nosniff");
}

TEST_F(DispatcherTest, ErrorsAreJsonWithAStableCode) {
  Response r = run(Method::kGet, "/nothing/here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(code_of(r), "not_found");
  r = run(Method::kPost, "/v1/evidence/abc");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(code_of(r), "method_not_allowed");
  ASSERT_NE(find_header(r, "Allow"), nullptr);
  EXPECT_EQ(*find_header(r, "Allow"), "GET, HEAD");
  r = run(Method::kGet, "/v1/evidence/%2e%2e");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code_of(r), "bad_path");
  EXPECT_EQ(json::parse(r.body)["schema"], "eutl-error/1");
  r = run(Method::kPost, "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(code_of(r), "internal");
  EXPECT_NE(r.body.find("kaput"), std::string::npos);
}

TEST_F(DispatcherTest, EveryAnswerIsCountedAndLoggedUnderItsRoutePattern) {
  (void)run(Method::kGet, "/v1/evidence/a");
  (void)run(Method::kGet, "/v1/evidence/b");
  (void)run(Method::kGet, "/missing");
  Request limit;
  limit.remote = "127.0.0.1";
  limit.path = "/v1/check";
  EXPECT_EQ(m_dispatcher.refuse(limit, json_error(413, "body_too_large", "too big")).status, 413);
  const std::string metrics = m_metrics.render(SnapshotView{}, tsl::TimePoint{});
  EXPECT_NE(metrics.find(R"(eutl_http_requests_total{route="/v1/evidence/{id}",method="GET",status="200"} 2)"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find(R"(eutl_http_requests_total{route="unmatched",method="",status="404"} 1)"),
            std::string::npos);
  EXPECT_NE(metrics.find(R"(eutl_http_requests_total{route="unmatched",method="",status="413"} 1)"),
            std::string::npos);
  std::istringstream lines(m_out.str());
  std::string line;
  std::vector<json> log;
  while (std::getline(lines, line)) {
    log.push_back(json::parse(line));
  }
  ASSERT_EQ(log.size(), 4u) << m_out.str();
  EXPECT_EQ(log[0]["route"], "/v1/evidence/{id}");
  EXPECT_EQ(log[0]["path"], "/v1/evidence/a");
  EXPECT_EQ(log[2]["route"], "unmatched");
  EXPECT_EQ(log[2]["status"], 404);
  EXPECT_EQ(log[3]["status"], 413);
}

}  // namespace
}  // namespace eutl::server
