// `eutl serve` live, on a loopback port, over the fixture store (imported at the fixture
// time; the server evaluates at that instant through the hidden --now): the
// operations routes, errors as JSON, security headers, path traversal, the access log
// and the command line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using nlohmann::json;
using test::http_request;

class ServeCli : public test::FixtureStoreTest {
 protected:
  std::string serve_args() const {
    return store() + " --now " + test::kFixtureAt + " --refresh 0";
  }
};

TEST_F(ServeCli, StartsOnAnEphemeralPortNamingTheSnapshot) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  const std::string id = test::read_text(m_store / "current");
  EXPECT_NE(server.start_line().find("(snapshot " + id.substr(0, id.find('\n')) + ")"), std::string::npos)
      << server.start_line();
  const auto health = http_request(server.port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body), json::parse(R"({"schema":"eutl-health/1","status":"ok"})"));
  EXPECT_EQ(health.header("content-type"), "application/json");
  EXPECT_EQ(health.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(health.header("cache-control"), "no-store");
}

TEST_F(ServeCli, ReadyWithAFreshSnapshotNotReadyPastNextUpdate) {
  test::ServeProcess fresh(serve_args());
  ASSERT_TRUE(fresh.started()) << fresh.log();
  const auto ready = http_request(fresh.port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  const json j = json::parse(ready.body);
  EXPECT_EQ(j["schema"], "eutl-ready/1");
  EXPECT_EQ(j["status"], "ready");
  EXPECT_TRUE(j["problem"].is_null());
  EXPECT_EQ(j["evaluated_at"], test::kFixtureAt);

  // The wall clock (2026) is past the fixture lists' NextUpdate (2025-07-01).
  test::ServeProcess stale(store() + " --refresh 0");
  ASSERT_TRUE(stale.started()) << stale.log();
  const auto not_ready = http_request(stale.port(), "GET", "/readyz");
  EXPECT_EQ(not_ready.status, 503) << not_ready.body;
  const json s = json::parse(not_ready.body);
  EXPECT_EQ(s["status"], "not-ready");
  EXPECT_NE(s["problem"].get<std::string>().find("past its NextUpdate"), std::string::npos) << not_ready.body;
  EXPECT_NE(stale.log().find("eutl: not ready: the LOTL is past its NextUpdate"), std::string::npos) << stale.log();
}

TEST_F(ServeCli, MetricsInPrometheusTextFormat) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
  }
  ASSERT_EQ(http_request(server.port(), "GET", "/nope").status, 404);
  const auto m = http_request(server.port(), "GET", "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  for (const char* line : {R"(eutl_http_requests_total{route="/healthz",method="GET",status="200"} 3)",
                           R"(eutl_http_requests_total{route="unmatched",method="",status="404"} 1)",
                           R"(eutl_http_request_duration_seconds_count{route="/healthz"} 3)",
                           R"(eutl_list_result{territory="AA",kind="tl",result="valid"} 1)",
                           R"(eutl_list_result{territory="EU",kind="lotl",result="valid"} 1)",
                           "eutl_snapshot_loaded 1", "eutl_ready 1", R"(eutl_refresh_total{outcome="installed"} 0)",
                           R"(eutl_verdicts_total{answer="yes"} 0)", "eutl_snapshot_age_seconds "}) {
    EXPECT_NE(m.body.find(line), std::string::npos) << line << "\n" << m.body;
  }
}

TEST_F(ServeCli, UnknownRoutesAndWrongMethodsAreJsonErrors) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  const auto missing = http_request(server.port(), "GET", "/no/such/route");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(test::error_code_of(missing), "not_found");
  const auto wrong = http_request(server.port(), "POST", "/healthz", "x");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(test::error_code_of(wrong), "method_not_allowed");
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD");
  const auto get_refresh = http_request(server.port(), "GET", "/v1/refresh");
  EXPECT_EQ(get_refresh.status, 405);
  EXPECT_EQ(get_refresh.header("allow"), "POST");
  const auto del = http_request(server.port(), "DELETE", "/healthz");
  EXPECT_EQ(del.status, 405);
  EXPECT_EQ(json::parse(del.body)["schema"], "eutl-error/1");
}

TEST_F(ServeCli, PathTraversalIsRefusedNeverAFile) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  const char* const bad[] = {"/../../../../etc/passwd", "/v1/evidence/../../current", "/%2e%2e/%2e%2e/etc/passwd",
                             "/v1/evidence/%2E%2E%2Fcurrent", "/v1/evidence/..%2F..%2Fcurrent",
                             "/v1/evidence/abc%2Fdef", "/static/..%5C..%5Cetc%5Cpasswd", "/a%00b"};
  for (const char* target : bad) {
    const auto r = http_request(server.port(), "GET", target);
    EXPECT_EQ(r.status, 400) << target << " " << r.body;
    EXPECT_EQ(test::error_code_of(r), "bad_path") << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
  for (const char* target : {"/etc/passwd", "/current", "/snapshots", "/v1/evidence"}) {
    const auto r = http_request(server.port(), "GET", target);
    EXPECT_EQ(r.status, 404) << target << " " << r.body;
    EXPECT_EQ(test::error_code_of(r), "not_found") << target;
  }
}

TEST_F(ServeCli, KeepAliveHeadAndTheAccessLog) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  test::RawConnection c(server.port());
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto first = c.read_reply(std::chrono::seconds(10));
  const auto second = c.read_reply(std::chrono::seconds(10));
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("eutl-health/1"), std::string::npos);
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("eutl-ready/1"), std::string::npos);

  test::RawConnection h(server.port());
  ASSERT_TRUE(h.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  const std::string head = h.read_until_closed(std::chrono::seconds(10));
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("Content-Length: 41"), std::string::npos) << head;
  EXPECT_EQ(head.find("eutl-health/1"), std::string::npos) << head;

  const std::string log = server.log();
  EXPECT_NE(log.find(R"("method":"GET","path":"/readyz","route":"/readyz","status":200)"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("remote":"127.0.0.1")"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("duration_us":)"), std::string::npos) << log;
}

TEST_F(ServeCli, QuietLeavesOutTheAccessLog) {
  test::ServeProcess server(serve_args() + " --quiet");
  ASSERT_TRUE(server.started()) << server.log();
  ASSERT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(server.log().find(R"("route":)"), std::string::npos) << server.log();
}

TEST(ServeCliUsage, BadOptionsAreUsageErrorsNamingTheOption) {
  auto listen = test::run_command(test::cli() + " serve --listen nonsense --refresh 0 2>&1");
  EXPECT_EQ(listen.exit_code, 2);
  EXPECT_NE(listen.out.find("--listen 'nonsense': give HOST:PORT"), std::string::npos) << listen.out;
  auto refresh = test::run_command(test::cli() + " serve --refresh 5x 2>&1");
  EXPECT_EQ(refresh.exit_code, 2);
  EXPECT_NE(refresh.out.find("--refresh '5x'"), std::string::npos) << refresh.out;
  auto http = test::run_command(test::cli() + " serve --lotl-url http://127.0.0.1/lotl.xml 2>&1");
  EXPECT_EQ(http.exit_code, 2);
  EXPECT_NE(http.out.find("is not https"), std::string::npos) << http.out;
  auto host = test::run_command(test::cli() + " serve --listen example.com:8080 --refresh 0 2>&1");
  EXPECT_EQ(host.exit_code, 2);
  EXPECT_NE(host.out.find("'example.com' is not an IP address"), std::string::npos) << host.out;
}

TEST(ServeCliUsage, HelpTeachesRoutesAndExamples) {
  auto r = test::run_command(test::cli() + " serve --help 2>&1");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* text : {"--listen", "--refresh", "/readyz", "/metrics", "POST /v1/refresh", "SIGTERM",
                           "Examples: eutl serve", "docs/serve.md"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(r.out.find("--now"), std::string::npos) << "the tests' clock option is hidden";
}

TEST_F(ServeCli, ANonLoopbackAddressIsWarnedAbout) {
  test::ServeProcess server(serve_args(), "0.0.0.0:0");
  ASSERT_TRUE(server.started()) << server.log();
  EXPECT_NE(server.log().find("eutl: warning: listening on 0.0.0.0, not loopback"), std::string::npos)
      << server.log();
  EXPECT_NE(server.start_line().find("serving on http://0.0.0.0:"), std::string::npos) << server.start_line();
}

}  // namespace
}  // namespace eutl::cli
