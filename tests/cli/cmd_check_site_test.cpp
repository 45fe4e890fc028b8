// eutl check-site against `openssl s_server` on ephemeral loopback ports serving the
// fixture chains: a QWAC, an OVCP-only website certificate under the same listed
// CA, and the QWAC when its issuer is not in any given list. The server answers any
// SNI with the same chain, so --sni decides which name the certificate must carry
// (qwac.example.test and ovcp.example.test are the fixtures' dNSNames).
#include <gmock/gmock.h>
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

SiteRun check_site_target(const std::string& target, const std::string& lists_args, const std::string& extra) {
  auto r = run_command(cli() + " check-site " + target + " --json --quiet" + lists_args + " " + extra +
                       " 2>/dev/null");
  return {r.exit_code, json::parse(r.out, nullptr, false)};
}

SiteRun check_site(const OpenSslServer& server, const std::string& lists_args, const std::string& extra = {}) {
  return check_site_target(server.address(), lists_args, extra);
}

constexpr const char* kQwacName = " --sni qwac.example.test";
constexpr const char* kOvcpName = " --sni ovcp.example.test";

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
  SiteRun r = check_site(server, fixture_list_args(), "--evidence " + evidence.string() + kQwacName);
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["claim"], "qwac");
  EXPECT_EQ(r.out["verdict"], "confirmed");
  EXPECT_EQ(r.out["certificate"]["sha256"], openssl_fingerprint(f / "certs/qwac.pem"));
  EXPECT_EQ(r.out["overall"]["type"], "wsa");
  EXPECT_EQ(r.out["chain"].size(), 1u);
  EXPECT_EQ(r.out["hostname_match"], true);
  EXPECT_EQ(r.out["site"]["name"], "qwac.example.test");
  EXPECT_EQ(r.out["site"]["name_matched_by"], "DNS:qwac.example.test");
  // The evidence record is JSON naming the same certificate.
  json record = json::parse(read_all(evidence), nullptr, false);
  ASSERT_TRUE(record.is_object());
  EXPECT_NE(record.dump().find(openssl_fingerprint(f / "certs/qwac.pem")), std::string::npos);
  // The record covers the certificate's decision, so it re-verifies offline (the
  // host name check, which the record cannot express, is not folded into it).
  auto again = run_command("EUTL_STORE=" + (m_scratch / "no-store").string() + " " + cli() + " evidence verify " +
                           evidence.string() + " --lotl-signers " + (f / "pki/oj-anchors.pem").string() + " 2>&1");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_THAT(again.out, ::testing::HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
}

// One evaluation time: the JSON states the instant the lists were judged at, and warns
// when it is not time T.
TEST_F(CliCheckSite, StatesListsAtAndWarnsWhenItDiffersFromT) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun same = check_site(server, fixture_list_args(), kQwacName);
  ASSERT_TRUE(same.out.is_object());
  EXPECT_EQ(same.out["lists_at"], "2025-03-01T00:00:00Z");
  EXPECT_TRUE(same.out["warnings"].empty()) << same.out["warnings"];
  SiteRun later = check_site(server, fixture_list_args("2025-04-01T00:00:00Z"), kQwacName);
  ASSERT_TRUE(later.out.is_object());
  EXPECT_EQ(later.out["lists_at"], "2025-03-01T00:00:00Z");
  ASSERT_EQ(later.out["warnings"].size(), 1u) << later.out["warnings"];
  EXPECT_NE(later.out["warnings"][0].get<std::string>().find("2025-03-01"), std::string::npos) << later.out["warnings"];
}

TEST_F(CliCheckSite, OvcpOnlyChainIsRefuted) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/ovcp-web.pem", f / "certs/ovcp-web.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args(), kOvcpName);
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["verdict"], "refuted");
}

// The reason the issue asks for, produced by the QWAC rule (verify/rules/qwac.cpp).
TEST_F(CliCheckSite, OvcpRefutationSaysPart1Policy) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/ovcp-web.pem", f / "certs/ovcp-web.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args(), kOvcpName);
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
  SiteRun r = check_site(server, without_bb, kQwacName);
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

// RFC 6125 §6.4: the QWAC names qwac.example.test only; asked for another name, the
// claim is refuted whatever the lists say.
TEST_F(CliCheckSite, WrongSniIsRefuted) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args(), "--sni wrong.example.test");
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["verdict"], "refuted");
  EXPECT_EQ(r.out["hostname_match"], false);
  EXPECT_EQ(r.out["failing_part"], "host name");
  EXPECT_EQ(r.out["site"]["name"], "wrong.example.test");
  EXPECT_TRUE(r.out["site"]["name_matched_by"].is_null());
  const std::string why = r.out["claim_explanation"];
  EXPECT_NE(why.find("certificate not issued for wrong.example.test"), std::string::npos) << why;
  EXPECT_NE(why.find("DNS:qwac.example.test"), std::string::npos) << why;
  // The certificate itself is still a QWAC: only the claim about this site fails.
  EXPECT_EQ(r.out["overall"]["type"], "wsa");
  bool traced = false;
  for (const auto& e : r.out["trace"]) {
    traced = traced || e.dump().find("HOSTNAME") != std::string::npos;
  }
  EXPECT_TRUE(traced) << r.out["trace"].dump();
}

TEST_F(CliCheckSite, WrongSniWritesNoEvidenceRecord) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  auto evidence = m_scratch / "evidence.json";
  auto r = run_command(cli() + " check-site " + server.address() + " --sni wrong.example.test --evidence " +
                       evidence.string() + fixture_list_args() + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(evidence));
  EXPECT_NE(r.out.find("no record written"), std::string::npos) << r.out;
}

TEST_F(CliCheckSite, WrongSniIsRefutedInText) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  auto r = run_command(cli() + " check-site " + server.address() + " --sni wrong.example.test" +
                       fixture_list_args() + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("CLAIM qwac: refuted (failing part: host name)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("certificate not issued for wrong.example.test"), std::string::npos) << r.out;
}

// Without --sni the host itself is the name: an IP address must be an iPAddress SAN.
TEST_F(CliCheckSite, IpAddressNotInTheCertificateIsRefuted) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  SiteRun r = check_site(server, fixture_list_args());
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["hostname_match"], false);
  EXPECT_EQ(r.out["verdict"], "refuted");
  EXPECT_NE(r.out["claim_explanation"].get<std::string>().find("certificate not issued for 127.0.0.1"),
            std::string::npos)
      << r.out["claim_explanation"];
}

TEST_F(CliCheckSite, UrlArgumentIsAccepted) {
  const auto f = fixtures();
  OpenSslServer server(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", m_scratch);
  ASSERT_NE(server.port(), 0);
  const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/some/page?x=1";
  SiteRun r = check_site_target(url, fixture_list_args(), kQwacName);
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_TRUE(r.out.is_object());
  EXPECT_EQ(r.out["verdict"], "confirmed");
  EXPECT_EQ(r.out["hostname_match"], true);
  EXPECT_EQ(r.out["site"]["address"], "127.0.0.1:" + std::to_string(server.port()));
}

TEST(CliCheckSiteErrors, RefusedConnectionCouldNotRunAndBadTargetIsAUsageError) {
  using ::testing::HasSubstr;
  // Port 1 on loopback: nothing listens there in the test environment (exit 4, could not run).
  auto refused = run_command(cli() + " check-site 127.0.0.1:1 --timeout 2" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_THAT(refused.out, HasSubstr("eutl: cannot connect to 127.0.0.1:1: "));
  EXPECT_THAT(refused.out, HasSubstr("Connection refused"));
  auto port = run_command(cli() + " check-site 127.0.0.1:99999" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_THAT(port.out, HasSubstr("eutl: '127.0.0.1:99999': the port must be 1..65535"));
  auto http = run_command(cli() + " check-site http://127.0.0.1:4433/" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(http.exit_code, 2);
  EXPECT_THAT(http.out, HasSubstr("eutl: 'http://127.0.0.1:4433/': only https:// URLs name a TLS site"));
  auto claim = run_command(cli() + " check-site 127.0.0.1:1 --for bogus" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(claim.exit_code, 2);
  EXPECT_THAT(claim.out, HasSubstr("eutl: --for: unknown claim 'bogus'"));
}

}  // namespace
}  // namespace eutl::test
