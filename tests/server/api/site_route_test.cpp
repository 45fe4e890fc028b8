// POST /v1/check-site: off unless allowed, never to loopback, private, link-local or
// mapped addresses unless private sites are allowed, input errors with their codes,
// and (private sites allowed) the chain of a loopback `openssl s_server` judged as
// `eutl check-site --json` judges it, connecting to the checked address.
#include "server/api/site_route.h"

#include <gtest/gtest.h>

#include "tests/cli/product_cli_support.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

using nlohmann::json;

server::Request site(const json& body) { return api_post("/v1/check-site", "application/json", body.dump()); }

class SiteRoute : public ApiContextTest {};

TEST_F(SiteRoute, DisabledUnlessAllowed) {
  const server::Response r = server::check_site_route(site({{"host", "www.example.eu"}}), context());
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "site_checks_disabled");
  EXPECT_NE(r.body.find("--allow-site-checks"), std::string::npos) << r.body;
}

TEST_F(SiteRoute, RefusesLoopbackPrivateLinkLocalAndMappedAddresses) {
  m_config.allow_site_checks = true;
  for (const char* host : {"127.0.0.1", "localhost", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                           "100.64.1.1", "0.0.0.0", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "fe80::1",
                           "fd00::1", "ff02::1", "224.0.0.1"}) {
    const server::Response r = server::check_site_route(site({{"host", host}, {"port", 443}}), context());
    EXPECT_EQ(r.status, 403) << host << ": " << r.body;
    EXPECT_EQ(error_code(r), "address_not_allowed") << host << ": " << r.body;
    EXPECT_NE(r.body.find("--allow-private-sites"), std::string::npos) << r.body;
  }
  EXPECT_TRUE(m_verdicts.answers().empty());
}

TEST_F(SiteRoute, InputErrorsHaveStableCodes) {
  m_config.allow_site_checks = true;
  struct Case {
    server::Request request;
    int status;
    const char* code;
  };
  const std::vector<Case> cases = {
      {api_post("/v1/check-site", "application/json", "{"), 400, "bad_json"},
      {site({{"port", 443}}), 400, "bad_json"},
      {site({{"host", ""}}), 400, "bad_json"},
      {site({{"host", "example.eu"}, {"port", 70000}}), 400, "bad_json"},
      {site({{"host", "example.eu"}, {"port", "443"}}), 400, "bad_json"},
      {site({{"host", "https://example.eu/"}}), 400, "bad_host"},
      {site({{"host", "user@example.eu"}}), 400, "bad_host"},
      {site({{"host", "example.eu"}, {"claim", "nope"}}), 400, "bad_claim"},
      {api_post("/v1/check-site", "text/plain", "example.eu"), 415, "unsupported_media_type"},
  };
  for (const Case& c : cases) {
    const server::Response r = server::check_site_route(c.request, context());
    EXPECT_EQ(r.status, c.status) << c.code << ": " << r.body;
    EXPECT_EQ(error_code(r), c.code) << r.body;
  }
}

TEST_F(SiteRoute, WithPrivateSitesAllowedJudgesTheChainTheServerSent) {
  m_config.allow_site_checks = true;
  m_config.allow_private_sites = true;
  const auto f = fixtures();
  const auto scratch = make_scratch("site-route");
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", scratch);
  ASSERT_GT(server.port(), 0) << "openssl s_server did not start";
  const server::Response r =
      server::check_site_route(site({{"host", "127.0.0.1"}, {"port", server.port()}}), context());
  ASSERT_EQ(r.status, 200) << r.body;
  const json answer = body_json(r);
  EXPECT_EQ(answer["schema"], "eutl-check-site/1");
  EXPECT_EQ(answer["site"]["address"], server.address());
  EXPECT_EQ(answer["certificate"]["sha256"], openssl_fingerprint(f / "certs/qwac.pem"));
  // The certificate names qwac.example.test, not 127.0.0.1: RFC 6125 refutes the claim.
  EXPECT_EQ(answer["hostname_match"], false);
  EXPECT_EQ(answer["verdict"], "refuted");
  EXPECT_EQ(answer["failing_part"], "host name");
  EXPECT_EQ(m_verdicts.answers(), std::vector<Answer>{Answer::kNo});
  std::filesystem::remove_all(scratch);
}

}  // namespace
}  // namespace eutl::test
