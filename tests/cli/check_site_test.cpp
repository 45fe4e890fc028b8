// eutl check-site against `openssl s_server` on ephemeral loopback ports serving the
// fixture chains: a QWAC, an OVCP-only website certificate under the same listed
// CA, and the QWAC when its issuer is not in any given list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/product_cli_support.h"

namespace eutl::test {
namespace {

using nlohmann::json;

struct SiteRun {
  int exit_code = -1;
  json out;
};

SiteRun check_site(const OpenSslServer& server, const std::string& lists_args, const std::string& extra = {}) {
  auto r = run_command(cli() + " check-site " + server.address() + " --json --quiet" + lists_args + " " + extra +
                       " 2>/dev/null");
  return {r.exit_code, json::parse(r.out, nullptr, false)};
}

class CliCheckSite : public ::testing::Test {
 protected:
  void SetUp() override { m_scratch = make_scratch("check-site"); }
  void TearDown() override { std::filesystem::remove_all(m_scratch); }
  std::filesystem::path m_scratch;
};

TEST_F(CliCheckSite, QwacChainIsConfirmed) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  auto evidence = m_scratch / "evidence.json";
  SiteRun r = check_site(server, fixture_list_args(), "--evidence " + evidence.string());
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["claim"], "qwac");
  EXPECT_EQ(r.out["verdict"], "confirmed");
  EXPECT_EQ(r.out["certificate"]["sha256"], openssl_fingerprint(f / "certs/qwac.pem"));
  EXPECT_EQ(r.out["overall"]["type"], "wsa");
  EXPECT_EQ(r.out["chain"].size(), 1u);
  // The evidence record is JSON naming the same certificate.
  json record = json::parse(read_all(evidence), nullptr, false);
  ASSERT_TRUE(record.is_object());
  EXPECT_NE(record.dump().find(openssl_fingerprint(f / "certs/qwac.pem")), std::string::npos);
}

TEST_F(CliCheckSite, OvcpOnlyChainIsRefuted) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/ovcp-web.pem", f / "certs/ovcp-web.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args());
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["verdict"], "refuted");
}

// The reason the issue asks for, produced by the QWAC rule (verify/rules/qwac.cpp).
TEST_F(CliCheckSite, OvcpRefutationSaysPart1Policy) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/ovcp-web.pem", f / "certs/ovcp-web.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args());
  ASSERT_TRUE(r.out.is_object());
  EXPECT_NE(r.out.dump().find("Part 1 policy, not a qualified certificate"), std::string::npos)
      << r.out["claim_explanation"];
}

TEST_F(CliCheckSite, UnlistedIssuerIsIndeterminate) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  // Every list but BB's: the QWAC's issuer is listed nowhere.
  const std::string without_bb = " --lists " + (f / "lists/lotl.xml").string() + " " +
                                 (f / "lists/pivot-101.xml").string() + " " + (f / "lists/tl-AA.xml").string() +
                                 " " + (f / "lists/tl-CC.xml").string() + " --lotl-signers " +
                                 (f / "pki/oj-anchors.pem").string() + " --at 2025-03-01";
  SiteRun r = check_site(server, without_bb);
  EXPECT_EQ(r.exit_code, 3);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["verdict"], "indeterminate");
}

TEST_F(CliCheckSite, SendsSniAndPrintsText) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  auto r = run_command(cli() + " check-site " + server.address() + " --sni qwac.example.test" + fixture_list_args() +
                       " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("SNI qwac.example.test"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CLAIM qwac: confirmed"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colours when stdout is not a terminal";
}

TEST(CliCheckSiteErrors, RefusedConnectionCouldNotRunAndBadTargetIsAUsageError) {
  // Port 1 on loopback: nothing listens there in the test environment (exit 4, could not run).
  EXPECT_EQ(run_command(cli() + " check-site 127.0.0.1:1 --timeout 2" + fixture_list_args() + " 2>&1").exit_code, 4);
  EXPECT_EQ(run_command(cli() + " check-site 127.0.0.1:99999" + fixture_list_args() + " 2>&1").exit_code, 2);
}

}  // namespace
}  // namespace eutl::test
