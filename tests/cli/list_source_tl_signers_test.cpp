// --tl-signers PEM for `verify` and `check`: a national list trusted through a signer
// the caller gives, without a LOTL; the outputs say so (text, and "trust":
// "caller-signer" on the list entry in JSON). Fixture lists are valid at 2025-03-01.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

using nlohmann::json;

std::string arg(const std::filesystem::path& p) { return " '" + p.string() + "'"; }

class TlSignersCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(fixtures() / "lists/tl-AA.xml")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
  }
  std::string aa() const { return arg(fixtures() / "lists/tl-AA.xml"); }
  std::string signer(const char* name) const { return " --tl-signers" + arg(fixtures() / "pki" / name); }
  std::string check(const char* cert, const char* signer_pem) const {
    return cli() + " check" + arg(fixtures() / "certs" / cert) + " --for qes --at 2025-03-01 --lists" + aa() +
           signer(signer_pem);
  }
};

TEST_F(TlSignersCli, VerifyTrustsTheListThroughTheGivenSigner) {
  auto text = run_command(cli() + " verify --at 2025-03-01" + signer("tl-signer-AA.pem") + aa() + " 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("valid"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("trusted through the caller's signer"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("not the LOTL"), std::string::npos) << text.out;

  auto r = run_command(cli() + " verify --json --at 2025-03-01" + signer("tl-signer-AA.pem") + aa());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 1) << r.out;
  EXPECT_EQ(j[0]["result"], "valid");
  EXPECT_EQ(j[0]["trust"], "caller-signer");
  EXPECT_EQ(j[0]["signer_matched"].get<std::string>().rfind("caller signer ", 0), 0u) << j[0]["signer_matched"];
}

TEST_F(TlSignersCli, VerifyRefusesAListSignedBySomeoneElse) {
  auto r = run_command(cli() + " verify --json --at 2025-03-01" + signer("tl-signer-BB.pem") + aa());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 1) << r.out;
  EXPECT_EQ(j[0]["result"], "invalid");
  EXPECT_EQ(j[0]["trust"], "none");
  EXPECT_NE(j[0]["reasons"].dump().find("signer-not-tl-signer"), std::string::npos) << j[0]["reasons"];
}

TEST_F(TlSignersCli, VerifyWithTheLotlSaysTheTrustIsTheLotls) {
  auto r = run_command(cli() + " verify --json --at 2025-03-01 --lotl-signers" + arg(fixtures() / "pki/oj-anchors.pem") +
                       arg(fixtures() / "lists"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out;
  for (const auto& l : j) {
    EXPECT_EQ(l["trust"], l["kind"] == "tl" ? "lotl" : "official-journal") << l["file"];
  }
}

TEST_F(TlSignersCli, CheckDecidesAgainstTheListAndSaysWhoTrustedIt) {
  auto text = run_command(check("qes-natural.pem", "tl-signer-AA.pem") + " 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("Lists: 1 of 1 valid"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Trust: AA trusted through the caller's signer (check --tl-signers or import --tl-signers), not the LOTL"),
            std::string::npos)
      << text.out;

  auto r = run_command(check("qes-natural.pem", "tl-signer-AA.pem") + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["lists"].size(), 1u);
  EXPECT_EQ(j["lists"][0]["trust"], "caller-signer");
  EXPECT_EQ(j["lists"][0]["used"], true);
  EXPECT_EQ(j["verdict"], "confirmed") << j["claim_explanation"];
}

TEST_F(TlSignersCli, CheckWithTheWrongSignerUsesNoList) {
  auto r = run_command(check("qes-natural.pem", "tl-signer-BB.pem") + " --json");
  EXPECT_EQ(r.exit_code, 3) << r.out;  // the issuer's only list is not acceptable: indeterminate
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["lists"][0]["status"], "invalid");
  EXPECT_EQ(j["lists"][0]["result"], "invalid");  // status is its deprecated spelling (docs/json.md)
  EXPECT_EQ(j["lists"][0]["trust"], "none");
  EXPECT_EQ(j["lists"][0]["used"], false);
}

TEST_F(TlSignersCli, CheckRefusesWhatTheSignersCannotGive) {
  auto no_lists = run_command(cli() + " check" + arg(fixtures() / "certs/qes-natural.pem") + " --at 2025-03-01" +
                              signer("tl-signer-AA.pem") + " 2>&1");
  EXPECT_EQ(no_lists.exit_code, 2) << no_lists.out;
  EXPECT_NE(no_lists.out.find("--tl-signers needs --lists"), std::string::npos) << no_lists.out;

  auto bad = run_command(check("qes-natural.pem", "nonexistent.pem") + " 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find("--tl-signers: "), std::string::npos) << bad.out;
}

// MANIFEST-2026.md: tl/2026/EL-seq85.xml (TSL v6, ECDSA P-256) is signed by
// signers/EL-seq85.signer.pem; certs/qualified/EL-www-harica-gr is a QWAC from the EL
// service "HARICA Qualified Web Authentication Certificates RSA" (valid to 2026-12-01).
TEST(TlSignersCliRealdata, RealGreekListWithItsSignerDecidesARealQwac) {
  EUTL_REQUIRE_REALDATA();
  const auto rd = realdata();
  const std::string base = cli() + " check" + arg(rd / "certs/qualified/EL-www-harica-gr-8ece0569.pem") +
                           " --for qwac --at 2026-08-21T12:00:00Z --json --lists" + arg(rd / "tl/2026/EL-seq85.xml");
  auto good = run_command(base + " --tl-signers" + arg(rd / "signers/EL-seq85.signer.pem"));
  EXPECT_EQ(good.exit_code, 0) << good.out.substr(0, 2000);
  auto j = json::parse(good.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << good.out.substr(0, 500);
  EXPECT_EQ(j["lists"][0]["status"], "valid");
  EXPECT_EQ(j["lists"][0]["result"], "valid");
  EXPECT_EQ(j["lists"][0]["trust"], "caller-signer");
  EXPECT_EQ(j["verdict"], "confirmed") << j["claim_explanation"];

  auto wrong = run_command(base + " --tl-signers" + arg(rd / "signers/SK-seq145.signer.pem"));
  EXPECT_EQ(wrong.exit_code, 3) << wrong.out.substr(0, 2000);
  auto w = json::parse(wrong.out, nullptr, false);
  ASSERT_FALSE(w.is_discarded()) << wrong.out.substr(0, 500);
  EXPECT_EQ(w["lists"][0]["status"], "invalid");
}

}  // namespace
}  // namespace eutl::test
