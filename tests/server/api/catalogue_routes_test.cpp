// GET /v1/status, /v1/services, /v1/services/{territory}/{tsp}/{service},
// /v1/export.pem, /v1/anchors and /v1/openapi.json over the fixture store at
// 2025-03-01: each answer byte-equal to the CLI's --json (or PEM) for the same store
// and time, and the errors with their codes.
#include "server/api/catalogue_routes.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

using nlohmann::json;

class CatalogueRoutes : public ApiContextTest {
 protected:
  std::string cli_out(const std::string& args, int want_exit = 0) {
    const auto r = run_command(cli() + " " + args + store() + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, want_exit) << args << "\n" << r.out;
    return r.out;
  }
};

TEST_F(CatalogueRoutes, StatusIsTheCliStatusJson) {
  const server::Response r = server::status_route(api_get("/v1/status"), context());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_json(r)["schema"], "eutl-status/1");
  EXPECT_EQ(body_json(r)["evaluated_at"], "2025-03-01T00:00:00Z");
  // `eutl status` without --at checks freshness at now, as the route does at the
  // request's time: asked at the instant the CLI evaluated, the route gives the same
  // bytes (however long the CLI took to start, on a loaded or sanitised build).
  const auto by_cli = run_command(cli() + " status --json" + store() + " 2>/dev/null");
  // The fixture lists expired in 2025, so at now the status is indeterminate (exit 3).
  EXPECT_EQ(by_cli.exit_code, 3) << by_cli.out;
  const json cli_json = json::parse(by_cli.out, nullptr, false);
  ASSERT_TRUE(cli_json.is_object()) << by_cli.out;
  const auto evaluated = tsl::parse_datetime(cli_json.value("evaluated_at", ""));
  ASSERT_TRUE(evaluated) << by_cli.out;
  EXPECT_NE(evaluated->time, fixture_time()) << "the CLI ran without --at, so it evaluated at its own now";
  server::RequestContext at_cli{m_lists, "", m_config, evaluated->time, m_verdicts};
  const server::Response live = server::status_route(api_get("/v1/status"), at_cli);
  ASSERT_EQ(live.status, 200) << live.body;
  EXPECT_EQ(live.body, by_cli.out);
}

TEST_F(CatalogueRoutes, StatusKeepsWhatDoesNotDependOnTheInstantWithTheSnapshot) {
  server::RequestContext first = context();
  first.status = std::make_shared<server::StatusMemo>();
  const server::Response kept = server::status_route(api_get("/v1/status"), first);
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.body, server::status_route(api_get("/v1/status"), context()).body);

  // A later request, after the lists expired: its own instant and freshness, from the
  // memo (the snapshot's file is gone now, so nothing else could answer it).
  server::RequestContext later = first;
  later.now = fixture_time() + std::chrono::hours(24 * 365 * 3);
  const std::string expected = server::status_route(api_get("/v1/status"), [&] {
                                 server::RequestContext c = later;
                                 c.status = nullptr;
                                 return c;
                               }()).body;
  ASSERT_NE(expected, kept.body);
  EXPECT_NE(expected.find("\"expired\""), std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(m_store / "snapshots")) {
    std::filesystem::remove(entry.path());
  }
  const server::Response answered = server::status_route(api_get("/v1/status"), later);
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.body, expected);
  later.status = nullptr;
  EXPECT_EQ(server::status_route(api_get("/v1/status"), later).status, 503);
}

TEST_F(CatalogueRoutes, ServicesTakeTheListFiltersAsQueryParameters) {
  const server::Response all = server::services_route(api_get("/v1/services"), context());
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.body, cli_out("list --json --at 2025-03-01T00:00:00Z"));
  ASSERT_TRUE(body_json(all).is_array());
  EXPECT_GE(body_json(all).size(), 3u);

  const server::Response filtered = server::services_route(
      api_get("/v1/services", {{"territory", "BB"}, {"type", "CA/QC"}, {"status", "granted"}, {"for", "wsa"}}),
      context());
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  EXPECT_EQ(filtered.body, cli_out("list --json --at 2025-03-01T00:00:00Z --territory BB --type CA/QC "
                                   "--status granted --for wsa"));
  const server::Response named = server::services_route(api_get("/v1/services", {{"name", "qwac"}}), context());
  ASSERT_EQ(named.status, 200);
  EXPECT_EQ(named.body, cli_out("list --json --at 2025-03-01T00:00:00Z --name qwac"));
}

TEST_F(CatalogueRoutes, CertFindsTheServicesOfAnIdentityCertificate) {
  const auto ca = fixtures() / "pki/ca-qwac-BB.pem";
  const std::string der = run_command("openssl x509 -in " + shell_quote(ca) + " -outform DER 2>/dev/null").out;
  const server::Response r =
      server::services_route(api_get("/v1/services", {{"cert", tsl::base64_encode(tsl::as_bytes(der))}}), context());
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(body_json(r).empty());
  EXPECT_EQ(body_json(r)[0]["identity_match"], "same-certificate") << r.body;
  EXPECT_EQ(r.body, cli_out("list --json --at 2025-03-01T00:00:00Z --cert " + shell_quote(ca)));
  const server::Response bad = server::services_route(api_get("/v1/services", {{"cert", "!!"}}), context());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_code(bad), "bad_certificate");
}

TEST_F(CatalogueRoutes, AFilterThatNamesNothingIs400NamingTheParameter) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"territory", "ZZ"}, {"territory", "x"}, {"type", "nope"}, {"status", "nope"}, {"for", "nope"},
           {"qualified-at", "tomorrow"}}) {
    const server::Response r = server::services_route(api_get("/v1/services", {{key, value}}), context());
    EXPECT_EQ(r.status, 400) << key << "=" << value << ": " << r.body;
    EXPECT_EQ(error_code(r), "bad_filter");
    EXPECT_TRUE(body_json(r)["error"].value("message", "").starts_with(key + ":")) << r.body;
  }
}

TEST_F(CatalogueRoutes, OneServiceByItsIdInThePath) {
  const json first = body_json(server::services_route(api_get("/v1/services"), context()))[0];
  const std::string id = first["id"];
  const auto a = id.find('/');
  const auto b = id.find('/', a + 1);
  const server::Response r = server::service_route(
      api_get("/v1/services/" + id, {},
              {{"territory", id.substr(0, a)}, {"tsp", id.substr(a + 1, b - a - 1)}, {"service", id.substr(b + 1)}}),
      context());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, cli_out("show-service " + id + " --json --at 2025-03-01T00:00:00Z"));

  const server::Response unknown =
      server::service_route(api_get("/v1/services/BB/99/1", {}, {{"territory", "BB"}, {"tsp", "99"}, {"service", "1"}}),
                            context());
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(error_code(unknown), "not_found");
  const server::Response bad =
      server::service_route(api_get("/v1/services/x/y/z", {}, {{"territory", ".."}, {"tsp", ".."}, {"service", "etc"}}),
                            context());
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(error_code(bad), "bad_id");
}

TEST_F(CatalogueRoutes, ExportIsTheCliPemBundle) {
  for (const char* use : {"esig", "eseal", "wsa"}) {
    const server::Response r = server::export_route(api_get("/v1/export.pem", {{"for", use}}), context());
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "application/x-pem-file");
    const auto by_cli = run_command(cli() + " export --pem --for " + use + " --at 2025-03-01T00:00:00Z" + store() +
                                    " 2>/dev/null");
    EXPECT_EQ(r.body, by_cli.out) << use;
  }
  const server::Response wsa = server::export_route(api_get("/v1/export.pem", {{"for", "wsa"}}), context());
  EXPECT_NE(wsa.body.find("-----BEGIN CERTIFICATE-----"), std::string::npos);
  const server::Response bad = server::export_route(api_get("/v1/export.pem", {{"for", "qes"}}), context());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_code(bad), "bad_use");
}

TEST_F(CatalogueRoutes, AnchorsAreTheCliAnchorsJson) {
  const server::Response r = server::anchors_route(api_get("/v1/anchors"), context());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_json(r)["source"], "store");
  EXPECT_EQ(r.body, cli_out("anchors --json"));
}

TEST_F(CatalogueRoutes, WithoutASnapshotTheListRoutesAre503) {
  for (auto handler : {server::services_route, server::export_route}) {
    const server::Response r = handler(api_get("/v1/services"), context(false));
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_EQ(error_code(r), "no_lists");
  }
  m_config.store = m_store / "not-there";
  const server::Response status = server::status_route(api_get("/v1/status"), context(false));
  EXPECT_EQ(status.status, 503) << status.body;
  EXPECT_EQ(error_code(status), "no_lists");
}

TEST_F(CatalogueRoutes, OpenApiIsTheDocumentInDocs) {
  const server::Response r = server::openapi_route(api_get("/v1/openapi.json"), context());
  ASSERT_EQ(r.status, 200);
  std::ifstream in(source_dir() / "docs/openapi.json", std::ios::binary);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(r.body, doc);
  EXPECT_EQ(body_json(r)["openapi"], "3.1.0");
}

}  // namespace
}  // namespace eutl::test
