// eutl check against the generated fixture lists (validated --at 2025-03-01). The
// expected results are the ones fixtures/MANIFEST.txt states for each certificate.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

struct CliCase {
  const char* cert;
  const char* claim;  // "" for none
  int exit_code;
  nlohmann::json issuance_qualified;
  const char* issuance_type;
  nlohmann::json time_qualified;
};

void require_fixtures() {
  if (!std::filesystem::exists(fixtures() / "lists/lotl.xml")) {
    GTEST_SKIP() << "fixtures not generated";
  }
}

TEST(CheckCli, FixtureCertificatesGetTheManifestResults) {
  require_fixtures();
  const CliCase cases[] = {
      {"qes-natural", "qes", 0, true, "esig", true},
      {"qc-esig-noqscd", "qes", 1, true, "esig", true},
      {"qc-esig-noqscd", "qc-esig", 0, true, "esig", true},
      {"qseal", "qseal", 0, true, "eseal", true},
      {"qwac", "qwac", 0, true, "wsa", true},
      {"ovcp-web", "qwac", 1, false, "unknown", false},
      {"ovcp-web", "OVCP", 0, false, "unknown", false},
      {"pkc-plain", "", 1, false, "unknown", false},
      {"cclegislation", "", 1, false, "esig", false},
      {"lookalike", "qes", 3, nullptr, "unknown", nullptr},
      // Valid 2015-06-01 .. 2020-06-01: not qualified at T = 2025-03-01 (RFC 5280 §4.1.2.5).
      {"pre-eidas-qcp-plus", "", 1, true, "esig", false},
      {"critext-qes", "", 3, nullptr, "unknown", nullptr},
      {"cc-qes", "qes", 1, true, "esig", false},
  };
  for (const auto& c : cases) {
    std::string cmd = cli() + " check " + (fixtures() / "certs" / (std::string(c.cert) + ".pem")).string() +
                      fixture_check_args() + " --json" + (std::string(c.claim).empty() ? "" : " --for " + std::string(c.claim));
    auto r = run_command(cmd + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, c.exit_code) << c.cert << " " << c.claim;
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << c.cert << ": " << r.out.substr(0, 300);
    EXPECT_EQ(j["at_issuance"]["qualified"], c.issuance_qualified) << c.cert;
    EXPECT_EQ(j["at_issuance"]["type"], c.issuance_type) << c.cert;
    EXPECT_EQ(j["at_time"]["qualified"], c.time_qualified) << c.cert;
    for (const char* key : {"sha256", "subject", "issuer", "not_before", "not_after", "policies", "qc_statements",
                            "profile"}) {
      EXPECT_TRUE(j["certificate"].contains(key)) << key;
    }
    for (const char* key : {"qualified", "type", "qscd", "status", "service"}) {
      EXPECT_TRUE(j["at_time"].contains(key)) << key;
    }
    EXPECT_TRUE(j["trace"].is_array() && !j["trace"].empty());
    if (!std::string(c.claim).empty()) {
      EXPECT_EQ(j["claim"], c.claim);
      EXPECT_TRUE(j.contains("verdict"));
    }
  }
}

TEST(CheckCli, ServiceNamesTheListAndPeriod) {
  require_fixtures();
  auto r = run_command(cli() + " check " + (fixtures() / "certs/qes-natural.pem").string() + fixture_check_args() +
                       " --json 2>/dev/null");
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const auto& s = j["at_issuance"]["service"];
  EXPECT_EQ(s["territory"], "AA");
  EXPECT_EQ(s["list_sequence_number"], 7);  // MANIFEST: tl-AA.xml seq 7
  EXPECT_EQ(s["list_digest"].get<std::string>().size(), 64u);
  EXPECT_TRUE(s.contains("period_start"));
}

TEST(CheckCli, TextOutputStartsWithTheVerdict) {
  require_fixtures();
  auto r = run_command(cli() + " check " + (fixtures() / "certs/cc-qes.pem").string() + fixture_check_args() +
                       " --for qes 2>/dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("CLAIM qes: refuted", 0), 0u) << r.out.substr(0, 200);
}

// EN 319 412-5 §4.3.3: QcCClegislation means qualified under another legislation; the
// reason must say so rather than suggest the certificate makes no claim at all.
TEST(CheckCli, QcCcLegislationReasonNamesTheCountry) {
  require_fixtures();
  auto r = run_command(cli() + " check " + (fixtures() / "certs/cclegislation.pem").string() + fixture_check_args() +
                       " --json 2>/dev/null");
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  std::string reason = j["at_issuance"]["reason"];
  EXPECT_NE(reason.find("QcCClegislation (ZZ)"), std::string::npos) << reason;
  EXPECT_NE(reason.find("not an EU qualified certificate"), std::string::npos) << reason;
}

TEST(CheckCli, UsageErrorsExitTwo) {
  require_fixtures();
  using ::testing::HasSubstr;
  // Each refusal is one "eutl: " line on stderr naming the file or flag and the problem.
  auto missing = run_command(cli() + " check /nonexistent.pem" + fixture_check_args() + " 2>&1");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.out, HasSubstr("eutl: /nonexistent.pem: cannot open the certificate file"));
  auto claim = run_command(cli() + " check " + (fixtures() / "certs/qes-natural.pem").string() + fixture_check_args() +
                           " --for bogus 2>&1");
  EXPECT_EQ(claim.exit_code, 2);
  EXPECT_THAT(claim.out, HasSubstr("eutl: --for: unknown claim 'bogus': use qes, qc-esig"));
  // No --lists and the test run's private store (tests/main.cpp) holds nothing.
  auto no_lists = run_command(cli() + " check " + (fixtures() / "certs/qes-natural.pem").string() + " 2>&1");
  EXPECT_EQ(no_lists.exit_code, 2);
  EXPECT_THAT(no_lists.out, HasSubstr("is empty: run 'eutl fetch' or 'eutl import' first"));
  const std::string lotl = (fixtures() / "lists/lotl.xml").string();
  auto not_a_cert = run_command(cli() + " check " + lotl + fixture_check_args() + " 2>&1");
  EXPECT_EQ(not_a_cert.exit_code, 2);
  EXPECT_THAT(not_a_cert.out, HasSubstr("eutl: " + lotl + ": not a DER X.509 certificate"));
}

}  // namespace
}  // namespace eutl::test
