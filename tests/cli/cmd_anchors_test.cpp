// `eutl anchors` (bundled, given, store), the refusal of a certificate that cannot be
// a LOTL anchor, `status` showing the anchors a snapshot was made with, and import /
// verify / check defaulting to the bundled Official Journal anchors on the real 2026
// lists (LOTL 390 is signed by e0a620fb.., announced in OJ C/2026/1944).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

constexpr const char* kLotl390Signer = "e0a620fbb6747362bb933ac44169d676a553444716cf5f31605f12a22b8396b1";
constexpr const char* kKremer = "d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474";
constexpr const char* kAt2026 = "2026-08-21T12:00:00Z";

class AnchorsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-anchors-cli-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // The CLI with the default store pointed into the test's directory.
  std::string eutl() const { return "EUTL_STORE=" + shell_quote(m_dir / "default-store") + " " + test::cli(); }
  fs::path store() const { return m_dir / "store"; }

  fs::path m_dir;
};

TEST_F(AnchorsCli, ListsTheBundledAnchorsWithNoticeSubjectValidityAndFingerprint) {
  auto r = test::run_command(eutl() + " anchors 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("LOTL anchors in use: 13, bundled with this release (OJ C 276/2019, OJ C/2026/1944)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(std::string("sha256     ") + kLotl390Signer + "\n  subject  CN=EUROPEAN COMMISSION"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  valid    2023-11-17T10:11:46Z .. 2027-11-17T10:11:46Z"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(std::string(kKremer) + "\n  subject  serialNumber=72020329970"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  notice   OJ C 276/2019, OJ C/2026/1944"), std::string::npos) << r.out;
}

TEST_F(AnchorsCli, JsonNamesTheSourceAndEachAnchor) {
  auto r = test::run_command(eutl() + " anchors --json 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j["source"], "bundled");
  EXPECT_TRUE(j["from"].is_null());
  EXPECT_EQ(j["count"], 13);
  ASSERT_EQ(j["anchors"].size(), 13u);
  int in_2026 = 0;
  for (const auto& a : j["anchors"]) {
    EXPECT_TRUE(a["bundled"].get<bool>());
    EXPECT_EQ(a["sha256"].get<std::string>().size(), 64u);
    EXPECT_FALSE(a["subject"].get<std::string>().empty());
    EXPECT_LT(a["not_before"].get<std::string>(), a["not_after"].get<std::string>());
    for (const auto& ref : a["oj_references"]) {
      in_2026 += ref == "OJ C/2026/1944" ? 1 : 0;
    }
  }
  EXPECT_EQ(in_2026, 6);
}

TEST_F(AnchorsCli, GivenFileIsShownAsGivenAndNotBundled) {
  const fs::path pem = test::fixtures() / "pki/oj-anchors.pem";
  auto r = test::run_command(eutl() + " anchors --json --lotl-signers " + shell_quote(pem) + " 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j["source"], "given");
  EXPECT_EQ(j["from"], pem.string());
  ASSERT_EQ(j["count"], 2);
  EXPECT_FALSE(j["anchors"][0]["bundled"].get<bool>());
  EXPECT_EQ(j["anchors"][0]["subject"], "CN=OJ Test LOTL Signer 1,O=European Commission,C=BE");

  auto text = test::run_command(eutl() + " anchors --lotl-signers " + shell_quote(pem) + " 2>&1");
  EXPECT_NE(text.out.find("LOTL anchors in use: 2, given with --lotl-signers (" + pem.string() + ")"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  notice   NOT among the anchors bundled with this release"), std::string::npos)
      << text.out;
}

TEST_F(AnchorsCli, EndEntityTlsCertificateIsRefusedAsAnAnchorEverywhere) {
  const fs::path tls = test::fixtures() / "certs/qwac.pem";
  const std::string f = test::fixtures().string();
  for (const std::string& cmd :
       {" anchors --lotl-signers " + shell_quote(tls),
        " import --store " + shell_quote(store()) + " --lotl-signers " + shell_quote(tls) + " " + shell_quote(f + "/lists"),
        " fetch --store " + shell_quote(store()) + " --lotl-signers " + shell_quote(tls) + " --lotl-url https://127.0.0.1:1/lotl.xml",
        " verify --lotl-signers " + shell_quote(tls) + " " + shell_quote(f + "/lists"),
        " check " + shell_quote(f + "/certs/qwac.pem") + " --lists " + shell_quote(f + "/lists") + " --lotl-signers " + shell_quote(tls)}) {
    auto r = test::run_command(eutl() + cmd + " 2>&1 >/dev/null");
    EXPECT_EQ(r.exit_code, 2) << cmd << "\n" << r.out;
    EXPECT_NE(r.out.find(tls.string() + ": certificate 1 (CN=qwac.example.test"), std::string::npos)
        << cmd << "\n" << r.out;
    EXPECT_NE(r.out.find("cannot be a LOTL anchor"), std::string::npos) << cmd << "\n" << r.out;
  }
  EXPECT_FALSE(fs::exists(store() / "current")) << "a refused anchor file must leave the store untouched";
}

// Every command that takes --lotl-signers names the flag and the file it cannot read.
TEST_F(AnchorsCli, MissingAnchorFileIsNamedWithItsFlagEverywhere) {
  const fs::path missing = m_dir / "missing.pem";
  const std::string f = test::fixtures().string();
  for (const std::string& cmd :
       {" anchors --lotl-signers " + shell_quote(missing),
        " import --store " + shell_quote(store()) + " --lotl-signers " + shell_quote(missing) + " " + shell_quote(f + "/lists"),
        " fetch --store " + shell_quote(store()) + " --lotl-signers " + shell_quote(missing) + " --lotl-url https://127.0.0.1:1/lotl.xml",
        " verify --lotl-signers " + shell_quote(missing) + " " + shell_quote(f + "/lists"),
        " check " + shell_quote(f + "/certs/qwac.pem") + " --lists " + shell_quote(f + "/lists") + " --lotl-signers " + shell_quote(missing)}) {
    auto r = test::run_command(eutl() + cmd + " 2>&1 >/dev/null");
    EXPECT_EQ(r.exit_code, 2) << cmd << "\n" << r.out;
    EXPECT_NE(r.out.find("eutl: --lotl-signers: " + missing.string() + ": cannot open the anchors file"),
              std::string::npos)
        << cmd << "\n" << r.out;
  }
}

TEST_F(AnchorsCli, StatusAndAnchorsShowTheStoresAnchorsFlaggingThoseNotBundled) {
  const std::string f = test::fixtures().string();
  auto imp = test::run_command(eutl() + " import --store " + shell_quote(store()) + " --lotl-signers " +
                               shell_quote(f + "/pki/oj-anchors.pem") + " --at " + test::kFixtureAt + " " + shell_quote(f + "/lists") +
                               " 2>&1");
  ASSERT_EQ(imp.exit_code, 0) << imp.out;

  auto st = test::run_command(eutl() + " status --store " + shell_quote(store()) + " --at " + test::kFixtureAt + " 2>&1");
  EXPECT_NE(st.out.find("anchors: 2 LOTL signer certificate(s) recorded with this snapshot, 2 NOT among those "
                        "bundled with this release:"),
            std::string::npos)
      << st.out;
  EXPECT_NE(st.out.find("CN=OJ Test LOTL Signer 2,O=European Commission,C=BE"), std::string::npos) << st.out;
  auto sj = json::parse(
      test::run_command(eutl() + " status --json --store " + shell_quote(store()) + " --at " + test::kFixtureAt + " 2>/dev/null")
          .out,
      nullptr, false);
  ASSERT_TRUE(sj.is_object());
  EXPECT_EQ(sj["anchors"]["count"], 2);
  EXPECT_EQ(sj["anchors"]["bundled"], 0);
  EXPECT_EQ(sj["anchors"]["not_bundled"].size(), 2u);

  auto a = json::parse(test::run_command(eutl() + " anchors --json --store " + shell_quote(store()) + " 2>/dev/null").out,
                       nullptr, false);
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a["source"], "store");
  EXPECT_EQ(a["from"], store().string());
  EXPECT_EQ(a["count"], 2);
}

TEST_F(AnchorsCli, ImportOfTheReal2026ListsWithoutLotlSignersUsesTheBundledAnchors) {
  EUTL_REQUIRE_REALDATA();
  const fs::path r = test::realdata();
  auto imp = test::run_command(eutl() + " import --json --store " + shell_quote(store()) + " --at " + kAt2026 + " " +
                               shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml") + " " + shell_quote(r / "tl/2026") + " 2>/dev/null");
  auto j = json::parse(imp.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << imp.out;
  EXPECT_TRUE(j["report"]["lotl_verified"].get<bool>()) << imp.out;
  EXPECT_EQ(j["lotl"]["sequence_number"], 390) << j["lotl"].dump();
  EXPECT_EQ(j["lotl"]["result"], "valid") << j["lotl"].dump();

  auto st = test::run_command(eutl() + " status --store " + shell_quote(store()) + " 2>&1");
  EXPECT_NE(st.out.find("anchors: 13 LOTL signer certificate(s) recorded with this snapshot, all among those "
                        "bundled with this release"),
            std::string::npos)
      << st.out;
}

TEST_F(AnchorsCli, VerifyWithoutLotlSignersAnchorsTheReal2026LotlInTheBundle) {
  EUTL_REQUIRE_REALDATA();
  const fs::path r = test::realdata();
  auto v = test::run_command(eutl() + " verify --at " + kAt2026 + " " + shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml") +
                             " " + shell_quote(r / "tl/2026/BE-seq81.xml") + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("eu-lotl-seq390-2026-08-03.xml"), std::string::npos) << v.out;
}

}  // namespace
}  // namespace eutl::cli
