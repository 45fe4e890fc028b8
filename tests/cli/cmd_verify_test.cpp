// `eutl verify` end to end: exit codes, one line per list, JSON fields.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

std::string verify_cmd(const std::string& args) { return cli() + " verify " + args + " 2>&1"; }

TEST(VerifyCli, GoodFixtureSetExitsZero) {
  auto f = fixtures().string();
  auto r = run_command(verify_cmd("--lotl-signers " + f + "/pki/oj-anchors.pem --at 2025-03-01T00:00:00Z " + f +
                                  "/lists"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // One line per list: 5 lists in lists/ (MANIFEST.txt).
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5) << r.out;
  // Each of them valid, the LOTL first.
  EXPECT_EQ(r.out.rfind("lotl  EU  seq 102 ", 0), 0u) << r.out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_THAT(line, ::testing::HasSubstr(" valid "));
  }
}

TEST(VerifyCli, JsonHasTheContractFields) {
  auto f = fixtures().string();
  auto r = run_command(cli() + " verify --json --lotl-signers " + f + "/pki/oj-anchors.pem --at 2025-03-01 " + f +
                       "/lists/lotl.xml " + f + "/lists/pivot-101.xml " + f + "/bad/tl-AA-tampered.xml");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out;
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["kind"], "lotl");
  EXPECT_EQ(j[0]["role"], "lotl");  // kind is its deprecated spelling (docs/json.md)
  EXPECT_EQ(j[0]["schema"], "eutl-verify/1");
  EXPECT_EQ(j[0]["sequence_number"], 102);
  EXPECT_EQ(j[0]["result"], "valid");
  EXPECT_EQ(j[1]["kind"], "pivot");
  EXPECT_EQ(j[1]["role"], "pivot");
  EXPECT_EQ(j[2]["kind"], "tl");
  EXPECT_EQ(j[2]["role"], "tl");
  EXPECT_EQ(j[2]["digest"], j[2]["sha256"]);
  EXPECT_EQ(j[2]["territory"], "AA");
  EXPECT_EQ(j[2]["result"], "invalid");
  EXPECT_EQ(j[2]["reasons"][0], "sig-digest-mismatch");
  for (const auto& o : j) {
    for (const char* key : {"file", "kind", "territory", "sequence_number", "result", "reasons", "signer_sha256"}) {
      EXPECT_TRUE(o.contains(key)) << key;
    }
  }
  EXPECT_EQ(j[0]["signer_sha256"].get<std::string>().size(), 64u);
}

TEST(VerifyCli, RsaPssLotlAndListAreValid) {
  // pss/lotl-pss.xml (sha512-rsa-MGF1) is signed by the RSA anchor itself; its CC
  // pointer announces tl-signer-CC, which signed pss/tl-CC-pss.xml (sha256-rsa-MGF1).
  auto f = fixtures().string();
  auto r = run_command(cli() + " verify --json --lotl-signers " + f + "/pki/oj-anchor-rsa.pem --at 2025-03-01 " + f +
                       "/pss/lotl-pss.xml " + f + "/pss/tl-CC-pss.xml");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out;
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["kind"], "lotl");
  EXPECT_EQ(j[0]["result"], "valid") << r.out;
  EXPECT_EQ(j[1]["territory"], "CC");
  EXPECT_EQ(j[1]["result"], "valid") << r.out;
  EXPECT_TRUE(j[1]["reasons"].empty()) << r.out;
}

TEST(VerifyCli, RsaPssListWithWrongSaltIsInvalid) {
  auto f = fixtures().string();
  auto r = run_command(cli() + " verify --json --lotl-signers " + f + "/pki/oj-anchor-rsa.pem --at 2025-03-01 " + f +
                       "/pss/lotl-pss.xml " + f + "/pss/tl-CC-pss-salt20.xml");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 2u) << r.out;
  EXPECT_EQ(j[1]["result"], "invalid");
  EXPECT_EQ(j[1]["reasons"][0], "sig-value-invalid") << r.out;
}

TEST(VerifyCli, UsageErrorsExitTwo) {
  using ::testing::HasSubstr;
  auto f = fixtures().string();
  // No --lotl-signers is no longer a usage error: the bundled Official Journal anchors
  // are used, and they do not anchor the fixture LOTL (tests/cli/cmd_anchors_test.cpp).
  auto bundled = run_command(verify_cmd(f + "/lists"));
  EXPECT_EQ(bundled.exit_code, 1);
  EXPECT_THAT(bundled.out, HasSubstr("[signer-not-trusted] the LOTL signer is neither an Official Journal anchor"));
  auto no_inputs = run_command(verify_cmd("--lotl-signers " + f + "/pki/oj-anchors.pem"));
  EXPECT_EQ(no_inputs.exit_code, 2);
  EXPECT_THAT(no_inputs.out, HasSubstr("FILE is required"));
  auto no_anchors = run_command(verify_cmd("--lotl-signers /nonexistent.pem " + f + "/lists"));
  EXPECT_EQ(no_anchors.exit_code, 2);
  EXPECT_THAT(no_anchors.out, HasSubstr("eutl: --lotl-signers: /nonexistent.pem: cannot open the anchors file"));
  auto no_list = run_command(verify_cmd("--lotl-signers " + f + "/pki/oj-anchors.pem /nonexistent.xml"));
  EXPECT_EQ(no_list.exit_code, 2);
  EXPECT_THAT(no_list.out, HasSubstr("eutl: /nonexistent.xml: no such file or directory"));
  auto empty_dir = run_command(verify_cmd("--lotl-signers " + f + "/pki/oj-anchors.pem " + f + "/pki"));
  EXPECT_EQ(empty_dir.exit_code, 2);
  EXPECT_THAT(empty_dir.out, HasSubstr("eutl: no input lists in " + f + "/pki (a directory counts its *.xml files)"));
  auto bad_at = run_command(verify_cmd("--lotl-signers " + f + "/pki/oj-anchors.pem --at yesterday " + f + "/lists"));
  EXPECT_EQ(bad_at.exit_code, 2);
  EXPECT_THAT(bad_at.out, HasSubstr("eutl: --at: invalid date-time 'yesterday'"));
}

// The anchors file is read while the lists are parsed (cli/cmd_verify.cpp); its error
// is still the one reported, before any other, and no verdict is printed with it.
TEST(VerifyCli, AnAnchorsErrorComesFirstAndAlone) {
  using ::testing::HasSubstr;
  using ::testing::Not;
  auto f = fixtures().string();
  const std::string bad_anchors = "--lotl-signers " + f + "/lists/tl-AA.xml ";  // a list, not PEM
  for (const std::string& rest : {f + "/lists", "--at yesterday " + f + "/lists", std::string("/nonexistent.xml"),
                                  "--tl-signers /nonexistent.pem " + f + "/lists"}) {
    auto r = run_command(verify_cmd(bad_anchors + rest));
    EXPECT_EQ(r.exit_code, 2) << rest;
    EXPECT_THAT(r.out, HasSubstr("eutl: --lotl-signers: ")) << rest;
    EXPECT_THAT(r.out, Not(HasSubstr("--at:"))) << rest;
    EXPECT_THAT(r.out, Not(HasSubstr("nonexistent"))) << rest;
    EXPECT_THAT(r.out, Not(HasSubstr("lotl  "))) << rest;  // no verdict line
    EXPECT_THAT(r.out, Not(HasSubstr("valid"))) << rest;
  }
}

TEST(VerifyCli, RealLotl332WithPivotsAndFr112Expired) {
  EUTL_REQUIRE_REALDATA();
  auto d = realdata().string();
  auto r = run_command(cli() + " verify --json --lotl-signers " + d + "/oj/oj-C276-2019-lotl-signers.pem --at " +
                       "2023-10-28T00:00:00Z " + d + "/lotl/eu-lotl-seq332-2023-09-27.xml " + d + "/lotl/pivots/eu-lotl-pivot-282.xml " +
                       d + "/lotl/pivots/eu-lotl-pivot-300.xml " + d + "/tl/2023");
  EXPECT_EQ(r.exit_code, 1);  // FR 112 is expired
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 33u);
  int valid = 0;
  for (const auto& o : j) {
    if (o["result"] == "valid") ++valid;
    if (o["file"].get<std::string>().ends_with("FR-seq112.xml")) {
      EXPECT_EQ(o["result"], "expired");
    }
  }
  EXPECT_EQ(valid, 32);
}

// Anchors only ever help: with the OJ C/2026/1944 certificates, LOTL 369 is signed
// by an anchor, and pivot 335 (signed by f7e8e4e5…, not an anchor) is trusted because
// the verified pivot 300 announces its signer (realdata/MANIFEST.md, MANIFEST-2026.md).
TEST(VerifyCli, Oj2026AnchorsKeepThePivotChainValid) {
  EUTL_REQUIRE_REALDATA();
  auto d = realdata().string();
  auto r = run_command(cli() + " verify --json --lotl-signers " + d + "/oj/oj-C2026-1944-lotl-signers.pem --at " +
                       "2025-08-15T00:00:00Z " + d + "/lotl/eu-lotl-seq369-2025-07-31.xml " + d +
                       "/lotl/pivots/eu-lotl-pivot-282.xml " + d + "/lotl/pivots/eu-lotl-pivot-300.xml " + d +
                       "/lotl/pivots/eu-lotl-pivot-335.xml " + d + "/lotl/pivots/eu-lotl-pivot-341.xml");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out;
  ASSERT_EQ(j.size(), 5u);
  for (const auto& o : j) {
    EXPECT_EQ(o["result"], "valid") << o.dump();
    EXPECT_TRUE(o["reasons"].empty()) << o.dump();
  }
  EXPECT_EQ(r.out.find("pivot-not-on-chain"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eutl::test
