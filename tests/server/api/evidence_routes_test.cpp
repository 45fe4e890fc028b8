// GET /v1/evidence/{id}, …/report and …/verify over a record POST /v1/check kept:
// the record's bytes, the HTML report of a record that re-verifies, and the
// re-verification; bad IDs (traversal attempts included) are 400 bad_id, unknown
// ones 404 not_found, and a changed record is not reported (409).
#include "server/api/evidence_routes.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>

#include "eutl/tsl/read_file.h"
#include "server/api/check_route.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

using nlohmann::json;

class EvidenceRoutes : public ApiContextTest {
 protected:
  // A decision made through POST /v1/check; its evidence_id.
  std::string checked() {
    auto pem = tsl::read_file(fixtures() / "certs/qwac.pem", tsl::FileKind::kCertificate);
    EXPECT_TRUE(pem);
    const server::Response r = server::check_route(
        api_post("/v1/check", "application/x-pem-file", std::string(pem->begin(), pem->end()), {{"for", "qwac"}}),
        context());
    EXPECT_EQ(r.status, 200) << r.content();
    return body_json(r).value("evidence_id", "");
  }
  server::Request at(const std::string& id, const std::string& suffix = "") {
    return api_get("/v1/evidence/" + id + suffix, {}, {{"id", id}});
  }
};

TEST_F(EvidenceRoutes, RecordReportAndVerifyOfAKeptRecord) {
  const std::string id = checked();
  ASSERT_EQ(id.size(), 64u);
  const server::Response record = server::evidence_route(at(id), context());
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.content_type, "application/json");
  EXPECT_EQ(body_json(record)["schema"], "eutl-evidence/3");
  EXPECT_EQ(tsl::to_hex(tsl::sha256(tsl::as_bytes(record.body))), id);

  const server::Response verify = server::evidence_verify_route(at(id, "/verify"), context());
  ASSERT_EQ(verify.status, 200) << verify.body;
  const json v = body_json(verify);
  EXPECT_EQ(v["schema"], "eutl-evidence-verify/1");
  EXPECT_EQ(v["same"], true) << verify.body;
  EXPECT_EQ(v["outcome"], "same");

  // As `eutl evidence verify --json` prints it for the same file and store.
  const auto file = m_store / "evidence" / (id + ".json");
  const auto by_cli = run_command(cli() + " evidence verify " + shell_quote(file) + " --json" + store());
  EXPECT_EQ(by_cli.exit_code, 0) << by_cli.out;
  EXPECT_EQ(verify.body, by_cli.out);

  const server::Response report = server::evidence_report_route(at(id, "/report"), context());
  ASSERT_EQ(report.status, 200) << report.body.substr(0, 300);
  EXPECT_EQ(report.content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(report.body.starts_with("<!DOCTYPE html>")) << report.body.substr(0, 100);
  // Its own policy: the inline stylesheet and nothing else (the server's default would block the style).
  const auto csp = std::find_if(report.headers.begin(), report.headers.end(),
                                [](const auto& h) { return h.first == "Content-Security-Policy"; });
  ASSERT_NE(csp, report.headers.end());
  EXPECT_EQ(csp->second, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
  const auto cli_report = run_command(cli() + " evidence report " + shell_quote(file) + store());
  EXPECT_EQ(cli_report.exit_code, 0);
  EXPECT_EQ(report.body, cli_report.out);
}

TEST_F(EvidenceRoutes, BadIdsAre400AndUnknownOnes404) {
  using Handler = server::Response (*)(const server::Request&, const server::RequestContext&);
  for (Handler h : {Handler{server::evidence_route}, Handler{server::evidence_report_route},
                    Handler{server::evidence_verify_route}}) {
    for (const std::string& bad : std::vector<std::string>{"../../etc/passwd", "%2e%2e", "..", "ABCDEF", std::string(64, 'A'),
                                  std::string(63, 'a'), std::string(65, 'a'), std::string()}) {
      const server::Response r = h(at(bad), context());
      EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
      EXPECT_EQ(error_code(r), "bad_id") << r.body;
    }
    const server::Response none = h(at(std::string(64, '0')), context());
    EXPECT_EQ(none.status, 404) << none.body;
    EXPECT_EQ(error_code(none), "not_found");
  }
}

TEST_F(EvidenceRoutes, AChangedRecordVerifiesAsDifferentAndIsNotReported) {
  const std::string id = checked();
  const auto file = m_store / "evidence" / (id + ".json");
  auto bytes = tsl::read_file(file, tsl::FileKind::kEvidence);
  ASSERT_TRUE(bytes);
  std::string text(bytes->begin(), bytes->end());
  const auto pos = text.find("\"confirmed\"");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 11, "\"refuted\"");
  std::ofstream(file, std::ios::trunc) << text;
  const server::Response verify = server::evidence_verify_route(at(id, "/verify"), context());
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_EQ(body_json(verify)["same"], false);
  EXPECT_EQ(body_json(verify)["outcome"], "differs");
  const server::Response report = server::evidence_report_route(at(id, "/report"), context());
  EXPECT_EQ(report.status, 409) << report.body.substr(0, 200);
  EXPECT_EQ(error_code(report), "not_reverified");
}

}  // namespace
}  // namespace eutl::test
