// `eutl serve` live over HTTP: every /v1 route and every page once, on one server over
// the fixture store at the fixture time, each answer read (status, type, schema and the
// facts that tie the routes together: the evidence ID a check returns opens the record,
// its report and its re-verification; a service ID from /v1/services opens that
// service; the verdict is counted in /metrics). The handlers' own tests compare each
// answer with the CLI byte for byte (tests/server/api/); this one proves the routes are
// wired into the server a user runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using nlohmann::json;
using test::http_request;
using ::testing::HasSubstr;

class ServeApiLive : public test::FixtureStoreTest {
 protected:
  std::string args() const { return store() + " --now " + test::kFixtureAt + " --refresh 0 --quiet"; }
};

json parsed(const test::HttpReply& r) { return json::parse(r.body, nullptr, false); }

std::string error_code(const test::HttpReply& r) {
  const json j = parsed(r);
  return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
}

TEST_F(ServeApiLive, EveryRouteAnswersOverHttp) {
  test::ServeProcess server(args());
  ASSERT_TRUE(server.started()) << server.log();
  const int port = server.port();

  // POST /v1/check: the fixture QWAC, confirmed, with the ID of the record kept for it.
  const std::string pem = test::read_text(test::fixtures() / "certs/qwac.pem");
  const auto check = http_request(port, "POST", "/v1/check?for=qwac", pem, {{"Content-Type", "application/x-pem-file"}});
  ASSERT_EQ(check.status, 200) << check.body;
  const json decision = parsed(check);
  ASSERT_TRUE(decision.is_object()) << check.body;
  EXPECT_EQ(decision["claim"], "qwac") << check.body;
  EXPECT_EQ(decision["verdict"], "confirmed") << check.body;
  const std::string id = decision.value("evidence_id", "");
  ASSERT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{64}"))) << check.body;

  // The record, its report and its re-verification.
  const auto record = http_request(port, "GET", "/v1/evidence/" + id);
  ASSERT_EQ(record.status, 200);
  EXPECT_EQ(parsed(record)["schema"], "eutl-evidence/3");
  const auto report = http_request(port, "GET", "/v1/evidence/" + id + "/report");
  ASSERT_EQ(report.status, 200);
  EXPECT_THAT(report.header("content-type"), HasSubstr("text/html"));
  EXPECT_THAT(report.body, HasSubstr("Evidence matrix"));
  EXPECT_THAT(report.header("content-security-policy"), HasSubstr("style-src 'unsafe-inline'"));
  const auto reverified = http_request(port, "GET", "/v1/evidence/" + id + "/verify");
  ASSERT_EQ(reverified.status, 200) << reverified.body;
  EXPECT_THAT(reverified.body, HasSubstr("\"same\""));
  EXPECT_EQ(http_request(port, "GET", "/v1/evidence/" + std::string(64, '0')).status, 404);
  EXPECT_EQ(error_code(http_request(port, "GET", "/v1/evidence/..%2f..%2fetc%2fpasswd")), "bad_path");
  EXPECT_EQ(error_code(http_request(port, "GET", "/v1/evidence/not-an-id")), "bad_id");

  // Status, services and one service by the ID the list gives.
  const auto status = http_request(port, "GET", "/v1/status");
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_THAT(parsed(status).value("schema", ""), HasSubstr("eutl-status"));
  const auto services = http_request(port, "GET", "/v1/services?territory=BB&for=wsa");
  ASSERT_EQ(services.status, 200) << services.body;
  const json list = parsed(services);
  ASSERT_TRUE(list.is_array() && !list.empty()) << services.body;
  const std::string service_id = list[0]["id"];
  EXPECT_EQ(service_id.rfind("BB/", 0), 0u) << service_id;
  const auto one = http_request(port, "GET", "/v1/services/" + service_id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(parsed(one)["id"], service_id);
  EXPECT_EQ(error_code(http_request(port, "GET", "/v1/services?type=nope")), "bad_filter");

  // Export, anchors, the OpenAPI document.
  const auto exported = http_request(port, "GET", "/v1/export.pem?for=wsa");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.header("content-type"), "application/x-pem-file");
  EXPECT_THAT(exported.body, HasSubstr("-----BEGIN CERTIFICATE-----"));
  const auto anchors = http_request(port, "GET", "/v1/anchors");
  ASSERT_EQ(anchors.status, 200);
  EXPECT_THAT(anchors.body, HasSubstr("\"sha256\""));
  const auto openapi = http_request(port, "GET", "/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  EXPECT_EQ(parsed(openapi)["paths"].count("/v1/check"), 1u);

  // Site checks are off by default: refused with its stable code, before any lookup.
  const auto site = http_request(port, "POST", "/v1/check-site", R"({"host":"127.0.0.1","port":443})",
                                 {{"Content-Type", "application/json"}});
  EXPECT_EQ(site.status, 403);
  EXPECT_EQ(error_code(site), "site_checks_disabled");

  // The pages: the check form, its no-JavaScript post, the status and the services.
  const auto page = http_request(port, "GET", "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<form"));
  std::string form = "claim=qwac&certificate=";
  for (unsigned char c : pem) {
    static const char* hex = "0123456789ABCDEF";
    form += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  const auto posted =
      http_request(port, "POST", "/check", form, {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(posted.status, 200) << posted.body.substr(0, 300);
  EXPECT_THAT(posted.body, HasSubstr("/v1/evidence/" + id + "/report"));
  EXPECT_EQ(http_request(port, "GET", "/status").status, 200);
  EXPECT_EQ(http_request(port, "GET", "/services?territory=BB").status, 200);

  // Both checks were counted as confirmed ("yes").
  const auto metrics = http_request(port, "GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.body, HasSubstr("eutl_verdicts_total{answer=\"yes\"} 2"));
}

}  // namespace
}  // namespace eutl::cli
