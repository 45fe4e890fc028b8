// `eutl import --tl-signers PEM`: national lists trusted through signers the caller
// gives, without a LOTL, go into the store as a snapshot that records those signers.
// `status`, `check` (store mode), `store verify` and a later LOTL import all use them
// or leave them, as cache/refresh.h says. Fixture lists are valid at 2025-03-01; the
// real EL seq 85 list (realdata MANIFEST-2026.md) at 2026-08-21.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eutl/tsl/bytes.h"
#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::cli;
using test::fixtures;
using test::run_command;

using test::shell_arg;

// SHA-256 (hex) of the first certificate of a PEM file, as status prints it.
std::string signer_sha256(const fs::path& pem) {
  auto certs = verify::load_pem_certificates(pem);
  EXPECT_TRUE(certs && !certs->empty()) << pem;
  return certs && !certs->empty() ? tsl::to_hex(tsl::sha256(certs->front())) : std::string();
}

class ImportTlSigners : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "lists/tl-AA.xml")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    m_store = fs::temp_directory_path() / ("eutl-import-tls-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_store);
  }
  void TearDown() override { fs::remove_all(m_store); }

  std::string store() const { return " --store" + shell_arg(m_store); }
  test::CommandResult import(const std::string& args) {
    return run_command(cli() + " import" + store() + " --at 2025-03-01T00:00:00Z " + args + " 2>&1");
  }
  std::string signer(const char* name) const { return " --tl-signers" + shell_arg(fixtures() / "pki" / name); }
  std::string aa() const { return shell_arg(fixtures() / "lists/tl-AA.xml"); }

  fs::path m_store;
};

TEST_F(ImportTlSigners, ListSignedByTheGivenSignerIsStoredAndStatusSaysWhoTrustedIt) {
  auto imp = import(signer("tl-signer-AA.pem") + aa());
  EXPECT_EQ(imp.exit_code, 0) << imp.out;  // no LOTL, and no "LOTL missing" failure
  EXPECT_NE(imp.out.find("LOTL not used: the national lists rest on the caller's signers"), std::string::npos)
      << imp.out;
  const std::string sha = signer_sha256(fixtures() / "pki/tl-signer-AA.pem");
  EXPECT_NE(imp.out.find("signer SHA-256 " + sha), std::string::npos) << imp.out;

  auto text = run_command(cli() + " status" + store() + " --at 2025-03-01T00:00:00Z 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("Trust: the national lists are trusted through the caller's signers (import "
                          "--tl-signers), not the LOTL"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("signer SHA-256 " + sha), std::string::npos) << text.out;

  auto st = run_command(cli() + " status --json" + store() + " --at 2025-03-01T00:00:00Z 2>/dev/null");
  auto j = json::parse(st.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << st.out;
  EXPECT_EQ(j["tl_signers"], json::array({sha})) << st.out;
  ASSERT_EQ(j["lists"].size(), 1u) << st.out;
  EXPECT_EQ(j["lists"][0]["territory"], "AA");
  EXPECT_EQ(j["lists"][0]["result"], "valid");
  EXPECT_EQ(j["lotl"]["in_use"], "none");

  // `status --at` re-verifies from the blobs: with the recorded signers.
  auto re = run_command(cli() + " status --json" + store() + " --at 2025-03-02T00:00:00Z 2>/dev/null");
  auto rj = json::parse(re.out, nullptr, false);
  ASSERT_TRUE(rj.is_object()) << re.out;
  EXPECT_EQ(rj["lists"][0]["result"], "valid") << re.out;

  // The signer's blob is referenced, not garbage.
  auto sv = run_command(cli() + " store verify" + store() + " 2>&1");
  EXPECT_EQ(sv.exit_code, 0) << sv.out;
  EXPECT_EQ(sv.out.find("unreferenced-blob"), std::string::npos) << sv.out;
  // Nor does prune take it away: the snapshot still re-verifies with its signer.
  ASSERT_EQ(run_command(cli() + " store prune --keep 1" + store() + " 2>&1").exit_code, 0);
  auto after = run_command(cli() + " status --json" + store() + " --at 2025-03-02T00:00:00Z 2>&1");
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_NE(after.out.find("\"result\": \"valid\""), std::string::npos) << after.out;
}

TEST_F(ImportTlSigners, CheckFromTheStoreDecidesFromThoseListsAndSaysSo) {
  ASSERT_EQ(import(signer("tl-signer-AA.pem") + aa()).exit_code, 0);
  const std::string check = cli() + " check" + shell_arg(fixtures() / "certs/qes-natural.pem") + " --for qes --at 2025-03-01" +
                            store();
  for (int pass = 0; pass < 2; ++pass) {  // the model cache is built, then read
    auto text = run_command(check + " 2>&1");
    EXPECT_EQ(text.exit_code, 0) << text.out;
    EXPECT_NE(text.out.find("Trust: AA trusted through the caller's signer"), std::string::npos) << text.out;
    auto r = run_command(check + " --json");
    auto j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_EQ(j["verdict"], "confirmed") << r.out;
    ASSERT_EQ(j["lists"].size(), 1u);
    EXPECT_EQ(j["lists"][0]["trust"], "caller-signer");
  }
  // --snapshot re-verifies from the blobs, with the recorded signers too.
  auto snap = run_command(check + " --snapshot current --json");
  auto sj = json::parse(snap.out, nullptr, false);
  ASSERT_FALSE(sj.is_discarded()) << snap.out;
  EXPECT_EQ(sj["verdict"], "confirmed") << snap.out;
}

TEST_F(ImportTlSigners, WrongSignerMakesTheListInvalidAndUnused) {
  auto imp = import(signer("tl-signer-BB.pem") + aa());
  EXPECT_EQ(imp.exit_code, 1) << imp.out;
  EXPECT_NE(imp.out.find("signer-not-tl-signer"), std::string::npos) << imp.out;
  auto r = run_command(cli() + " check" + shell_arg(fixtures() / "certs/qes-natural.pem") + " --for qes --at 2025-03-01" +
                       store() + " --json");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["lists"].size(), 1u) << r.out;
  EXPECT_EQ(j["lists"][0]["status"], "invalid");
  EXPECT_EQ(j["lists"][0]["result"], "invalid");  // status is its deprecated spelling (docs/json.md)
  EXPECT_EQ(j["lists"][0]["trust"], "none");
  EXPECT_EQ(j["lists"][0]["used"], false);
}

TEST_F(ImportTlSigners, LotlFilesAreSkippedAndTheLotlSignersRefused) {
  auto both = import(signer("tl-signer-AA.pem") + " --lotl-signers" + shell_arg(fixtures() / "pki/oj-anchors.pem") + aa());
  EXPECT_EQ(both.exit_code, 2) << both.out;
  EXPECT_NE(both.out.find("--tl-signers and --lotl-signers exclude each other"), std::string::npos) << both.out;
  EXPECT_FALSE(fs::exists(m_store / "current")) << "refused before the store was touched";

  auto imp = import(signer("tl-signer-AA.pem") + shell_arg(fixtures() / "lists/lotl.xml") + aa());
  EXPECT_EQ(imp.exit_code, 0) << imp.out;
  EXPECT_NE(imp.out.find("a list of lists is not used with --tl-signers"), std::string::npos) << imp.out;
}

// A store anchored in the LOTL, then a --tl-signers import: the new snapshot is
// current and holds only the lists given; a later LOTL import goes back to LOTL trust.
TEST_F(ImportTlSigners, ReplacesALotlSnapshotUntilTheNextLotlImport) {
  const std::string lotl_set = " --lotl-signers" + shell_arg(fixtures() / "pki/oj-anchors.pem") +
                               shell_arg(fixtures() / "lists/lotl.xml") + shell_arg(fixtures() / "lists/pivot-101.xml") + aa() +
                               shell_arg(fixtures() / "lists/tl-BB.xml");
  ASSERT_EQ(import(lotl_set).exit_code, 0);
  ASSERT_EQ(import(signer("tl-signer-AA.pem") + aa()).exit_code, 0);
  auto st = run_command(cli() + " status --json" + store() + " 2>/dev/null");
  auto j = json::parse(st.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << st.out;
  EXPECT_TRUE(j.contains("tl_signers")) << st.out;
  ASSERT_EQ(j["lists"].size(), 1u) << st.out;  // BB, trusted through the LOTL, is not carried over
  EXPECT_EQ(j["lists"][0]["territory"], "AA");

  ASSERT_EQ(import(lotl_set).exit_code, 0);
  auto back = run_command(cli() + " status" + store() + " 2>&1");
  EXPECT_EQ(back.out.find("Trust:"), std::string::npos) << back.out;
  EXPECT_NE(back.out.find("LOTL seq"), std::string::npos) << back.out;
  auto bj = json::parse(run_command(cli() + " status --json" + store() + " --at 2025-03-01T00:00:00Z 2>/dev/null").out,
                        nullptr, false);
  ASSERT_TRUE(bj.is_object());
  EXPECT_FALSE(bj.contains("tl_signers"));
  EXPECT_EQ(bj["lotl"]["result"], "valid");
}

// MANIFEST-2026.md: tl/2026/EL-seq85.xml is signed by signers/EL-seq85.signer.pem;
// certs/qualified/EL-www-harica-gr is a QWAC of an EL service (valid to 2026-12-01).
TEST(ImportTlSignersRealdata, RealGreekListImportedWithItsSignerDecidesARealQwac) {
  EUTL_REQUIRE_REALDATA();
  const auto rd = test::realdata();
  const fs::path st = fs::temp_directory_path() / ("eutl-import-tls-real-" + std::to_string(::getpid()));
  fs::remove_all(st);
  const std::string at = " --at 2026-08-21T12:00:00Z";
  const std::string list = shell_arg(rd / "tl/2026/EL-seq85.xml");
  const std::string check = cli() + " check" + shell_arg(rd / "certs/qualified/EL-www-harica-gr-8ece0569.pem") +
                            " --for qwac" + at + " --store" + shell_arg(st);

  auto imp = run_command(cli() + " import --store" + shell_arg(st) + at + " --tl-signers" +
                         shell_arg(rd / "signers/EL-seq85.signer.pem") + list + " 2>&1");
  EXPECT_EQ(imp.exit_code, 0) << imp.out;
  EXPECT_NE(imp.out.find("trusted through the caller's signers"), std::string::npos) << imp.out;
  auto status = run_command(cli() + " status --store" + shell_arg(st) + at + " 2>&1");
  EXPECT_NE(status.out.find("Trust: the national lists are trusted through the caller's signers"), std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("signer SHA-256 " + signer_sha256(rd / "signers/EL-seq85.signer.pem")), std::string::npos)
      << status.out;
  auto good = run_command(check + " --json");
  EXPECT_EQ(good.exit_code, 0) << good.out.substr(0, 2000);
  auto j = json::parse(good.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << good.out.substr(0, 500);
  EXPECT_EQ(j["lists"][0]["trust"], "caller-signer");
  EXPECT_EQ(j["verdict"], "confirmed") << j["claim_explanation"];

  // Another territory's signer: the list is invalid and not used.
  auto wrong = run_command(cli() + " import --store" + shell_arg(st) + at + " --tl-signers" +
                           shell_arg(rd / "signers/SK-seq145.signer.pem") + list + " --json 2>/dev/null");
  auto w = json::parse(wrong.out, nullptr, false);
  ASSERT_TRUE(w.is_object()) << wrong.out.substr(0, 500);
  EXPECT_NE(w["lists"].dump().find("signer-not-tl-signer"), std::string::npos) << w["lists"].dump().substr(0, 1000);
  auto after = run_command(check + " --json");
  EXPECT_NE(after.exit_code, 0) << after.out.substr(0, 2000);
  fs::remove_all(st);
}

}  // namespace
}  // namespace eutl::cli
