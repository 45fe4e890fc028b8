// eutl check on the generated fixtures (lists valid 2025-01-01 .. NextUpdate
// 2025-07-01): one evaluation time in every mode, lists used only for the instants
// they cover, certificate validity at T, unprocessed critical extensions, and
// reasons that name the list an issuer is found in when that list is not acceptable.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;


fs::path paths_temp_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() / ("eutl-paths-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string anchors() { return " --lotl-signers " + shell_quote(fixtures() / "pki/oj-anchors.pem"); }
std::string lists_args(const fs::path& dir) { return " --lists " + shell_quote(dir) + anchors(); }
struct CheckRun {
  int exit_code = -1;
  json j;
  std::string raw;
};

CheckRun check_json(const std::string& args) {
  auto r = run_command(cli() + " check " + args + " --json 2>/dev/null");
  CheckRun out{r.exit_code, json::parse(r.out, nullptr, false), r.out};
  return out;
}

bool has(const json& j, const std::string& part) {
  return j.is_string() && j.get<std::string>().find(part) != std::string::npos;
}

class CheckPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "lists/lotl.xml")) {
      GTEST_SKIP() << "fixtures not generated";
    }
  }
};

TEST_F(CheckPaths, ListsAtIsStatedAndADifferentListsAtWarns) {
  CheckRun same = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") + " --at 2025-03-01");
  ASSERT_FALSE(same.j.is_discarded()) << same.raw;
  EXPECT_EQ(same.j["lists_at"], "2025-03-01T00:00:00Z");
  EXPECT_TRUE(same.j["warnings"].empty());
  CheckRun differ = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") +
                          " --at 2025-04-01 --lists-at 2025-03-01");
  EXPECT_EQ(differ.j["lists_at"], "2025-03-01T00:00:00Z");
  ASSERT_EQ(differ.j["warnings"].size(), 1u) << differ.raw;
  EXPECT_TRUE(has(differ.j["warnings"][0], "2025-04-01T00:00:00Z"));
  auto text = run_command(cli() + " check " + fixture_cert("qes-natural") + lists_args(fixtures() / "lists") +
                          " --at 2025-04-01 --lists-at 2025-03-01 2>&1 >/dev/null");
  EXPECT_NE(text.out.find("warning: the lists were verified at 2025-03-01T00:00:00Z"), std::string::npos) << text.out;
}

TEST_F(CheckPaths, TimeAfterTheListsNextUpdateIsIndeterminateNamingTheList) {
  // Lists verified (valid) at 2025-03-01, T in 2026: past every NextUpdate.
  CheckRun r = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") +
                     " --for qes --at 2026-01-01 --lists-at 2025-03-01");
  ASSERT_FALSE(r.j.is_discarded()) << r.raw;
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.j["at_issuance"]["status"], "qualified");
  EXPECT_EQ(r.j["at_time"]["status"], "indeterminate");
  EXPECT_TRUE(has(r.j["at_time"]["reason"], "AA sequence 7")) << r.j["at_time"]["reason"];
  EXPECT_TRUE(has(r.j["at_time"]["reason"], "NextUpdate is 2025-07-01T00:00:00Z")) << r.j["at_time"]["reason"];
  EXPECT_EQ(r.j["verdict"], "indeterminate");
}

TEST_F(CheckPaths, ExpiredListIsNamedInsteadOfIssuerNotListed) {
  CheckRun r = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") + " --at 2026-01-01");
  ASSERT_FALSE(r.j.is_discarded()) << r.raw;
  EXPECT_EQ(r.exit_code, 3);
  const json& reason = r.j["at_issuance"]["reason"];
  EXPECT_FALSE(has(reason, "issuer not listed")) << reason;
  EXPECT_TRUE(has(reason, "AA sequence 7")) << reason;
  EXPECT_TRUE(has(reason, "tl-AA.xml")) << reason;
  EXPECT_TRUE(has(reason, "expired")) << reason;
}

TEST_F(CheckPaths, InvalidListIsNamedInsteadOfIssuerNotListed) {
  fs::path dir = paths_temp_dir("invalid");
  for (const auto& e : fs::directory_iterator(fixtures() / "lists")) {
    fs::copy_file(e.path(), dir / e.path().filename());
  }
  // Change one signed character of the AA list: its signature no longer verifies.
  std::stringstream text;
  text << std::ifstream(dir / "tl-AA.xml").rdbuf();
  std::string xml = text.str();
  std::size_t at = xml.find("Alpha Trust Services");
  ASSERT_NE(at, std::string::npos);
  xml[at] = 'B';
  std::ofstream(dir / "tl-AA.xml", std::ios::trunc) << xml;
  CheckRun r = check_json(fixture_cert("qes-natural") + lists_args(dir) + " --at 2025-03-01");
  ASSERT_FALSE(r.j.is_discarded()) << r.raw;
  EXPECT_EQ(r.exit_code, 3);
  const json& reason = r.j["at_issuance"]["reason"];
  EXPECT_FALSE(has(reason, "issuer not listed")) << reason;
  EXPECT_TRUE(has(reason, "AA sequence 7")) << reason;
  EXPECT_TRUE(has(reason, "invalid")) << reason;
  // A certificate whose issuer no list names keeps the plain reason.
  CheckRun stranger = check_json(fixture_cert("lookalike") + lists_args(dir) + " --at 2025-03-01");
  EXPECT_TRUE(has(stranger.j["at_issuance"]["reason"], "issuer not listed in any acceptable trusted list"))
      << stranger.j["at_issuance"]["reason"];
  fs::remove_all(dir);
}

TEST_F(CheckPaths, CertificateOutsideItsValidityIsRefutedAtT) {
  // pre-eidas-qcp-plus is valid 2015-06-01 .. 2020-06-01; the lists are checked at 2025-03-01.
  CheckRun expired = check_json(fixture_cert("pre-eidas-qcp-plus") + lists_args(fixtures() / "lists") +
                           " --for QCP+ --at 2025-03-01");
  ASSERT_FALSE(expired.j.is_discarded()) << expired.raw;
  EXPECT_EQ(expired.exit_code, 1);
  EXPECT_EQ(expired.j["verdict"], "refuted");
  EXPECT_TRUE(has(expired.j["claim_explanation"], "expired at T")) << expired.j["claim_explanation"];
  EXPECT_EQ(expired.j["at_time"]["certificate_valid"], false);
  EXPECT_EQ(expired.j["at_time"]["validity"], "expired");
  EXPECT_EQ(expired.j["at_issuance"]["qualified"], true) << "the result at issuance is unchanged";
  EXPECT_EQ(expired.j["at_issuance"]["certificate_valid"], true);
  // qes-natural (notBefore 2023-01-01) at a T before it, the lists verified at 2025-03-01.
  CheckRun early = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") +
                         " --for qes --at 2022-06-01 --lists-at 2025-03-01");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_EQ(early.j["at_time"]["validity"], "not_yet_valid");
  EXPECT_TRUE(has(early.j["claim_explanation"], "not yet valid at T")) << early.j["claim_explanation"];
}

TEST_F(CheckPaths, UnknownCriticalExtensionIsIndeterminateNamingTheOid) {
  if (!fs::exists(fixtures() / "certs/critcert-qes.pem")) {
    GTEST_SKIP() << "fixtures older than critcert-qes";
  }
  CheckRun control = check_json(fixture_cert("qes-natural") + lists_args(fixtures() / "lists") + " --for qes --at 2025-03-01");
  EXPECT_EQ(control.exit_code, 0);
  EXPECT_EQ(control.j["verdict"], "confirmed") << control.raw;
  CheckRun r = check_json(fixture_cert("critcert-qes") + lists_args(fixtures() / "lists") + " --for qes --at 2025-03-01");
  ASSERT_FALSE(r.j.is_discarded()) << r.raw;
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.j["verdict"], "indeterminate");
  EXPECT_TRUE(has(r.j["overall"]["reason"], "1.3.6.1.4.1.55555.1")) << r.j["overall"]["reason"];
  EXPECT_EQ(r.j["unprocessed_critical_extensions"], json::array({"certificate: 1.3.6.1.4.1.55555.1"}));
}

TEST_F(CheckPaths, SnapshotAndStoreModeAgreeAtTheSameTime) {
  fs::path store = paths_temp_dir("store");
  auto imp = run_command(cli() + " import --store " + shell_quote(store) + anchors() + " --at 2025-03-01 " +
                         shell_quote(fixtures() / "lists") + " 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  CheckRun at_import = check_json(fixture_cert("qes-natural") + " --store " + shell_quote(store) + " --at 2025-03-01");
  EXPECT_EQ(at_import.exit_code, 0) << "the imported lists decide at the time they were verified";
  EXPECT_EQ(at_import.j["overall"]["status"], "qualified") << at_import.raw;
  for (const char* at : {"2025-03-01", "2026-01-01"}) {
    CheckRun by_store = check_json(fixture_cert("qes-natural") + " --store " + shell_quote(store) + " --at " + at);
    CheckRun by_snapshot = check_json(fixture_cert("qes-natural") + " --store " + shell_quote(store) + " --snapshot current --at " + at);
    ASSERT_FALSE(by_store.j.is_discarded()) << by_store.raw;
    ASSERT_FALSE(by_snapshot.j.is_discarded()) << by_snapshot.raw;
    EXPECT_EQ(by_store.exit_code, by_snapshot.exit_code) << at;
    EXPECT_EQ(by_store.j["overall"]["status"], by_snapshot.j["overall"]["status"]) << at;
    EXPECT_EQ(by_store.j["lists_at"], by_snapshot.j["lists_at"]) << at;
    EXPECT_EQ(by_snapshot.j["lists_at"], std::string(at) + "T00:00:00Z");
  }
  // In 2026 every fixture list is past its NextUpdate: no qualified answer in either mode.
  CheckRun late = check_json(fixture_cert("qes-natural") + " --store " + shell_quote(store) + " --snapshot current --at 2026-01-01");
  EXPECT_EQ(late.exit_code, 3);
  EXPECT_EQ(late.j["overall"]["status"], "indeterminate") << late.raw;
  EXPECT_TRUE(has(late.j["overall"]["reason"], "NextUpdate 2025-07-01T00:00:00Z")) << late.j["overall"]["reason"];
  fs::remove_all(store);
}

}  // namespace
}  // namespace eutl::test
