// Evidence records of lists trusted through the caller's signers (schema
// eutl-evidence/2): `check --tl-signers --evidence` and `check --evidence` on a store
// snapshot of `import --tl-signers` write `tl_signers` and `lists[].trust`;
// `evidence verify` re-verifies those lists against the record's signers and says so,
// refuses a record whose signers were changed or removed, still verifies an
// eutl-evidence/1 record, and the HTML report names the caller's signer.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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

json read_json(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in, nullptr, false);
}

// Writes `rec` with its integrity digest recomputed, as a forger would.
void write_resealed(json rec, const fs::path& p) {
  rec.erase("integrity");
  const std::string digest = tsl::to_hex(tsl::sha256(tsl::as_bytes(rec.dump())));
  rec["integrity"] = {{"algorithm", "sha-256"},
                      {"covers", "the record without this member, serialised compactly with sorted keys"},
                      {"sha256", digest}};
  std::ofstream(p) << rec.dump(2) << "\n";
}

class EvidenceTlSigners : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "lists/tl-AA.xml")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    m_dir = fs::temp_directory_path() / ("eutl-evidence-tls-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // check --lists tl-AA.xml --tl-signers PEM --evidence rec.json
  test::CommandResult check_files(const char* signer_pem, const std::string& extra = "") {
    return run_command(cli() + " check" + shell_arg(fixtures() / "certs/qes-natural.pem") +
                       " --for qes --at 2025-03-01T00:00:00Z --lists" + shell_arg(fixtures() / "lists/tl-AA.xml") +
                       " --tl-signers" + shell_arg(fixtures() / "pki" / signer_pem) + " --evidence" + shell_arg(rec()) + extra +
                       " 2>&1");
  }
  test::CommandResult verify(const fs::path& record, const std::string& extra = "") {
    return run_command("EUTL_STORE=" + (m_dir / "no-store").string() + " " + cli() + " evidence verify" + shell_arg(record) +
                       extra + " 2>&1");
  }
  fs::path rec() const { return m_dir / "rec.json"; }
  std::string signer_sha(const char* pem) const {
    auto certs = verify::load_pem_certificates(fixtures() / "pki" / pem);
    EXPECT_TRUE(certs && !certs->empty());
    return certs && !certs->empty() ? tsl::to_hex(tsl::sha256(certs->front())) : std::string();
  }

  fs::path m_dir;
};

TEST_F(EvidenceTlSigners, RecordCarriesTheSignersAndEachListsTrust) {
  auto c = check_files("tl-signer-AA.pem");
  ASSERT_EQ(c.exit_code, 0) << c.out;
  json r = read_json(rec());
  ASSERT_TRUE(r.is_object());
  EXPECT_EQ(r["schema"], "eutl-evidence/3");
  ASSERT_TRUE(r.contains("tl_signers")) << r.dump().substr(0, 500);
  ASSERT_EQ(r["tl_signers"].size(), 1u);
  EXPECT_EQ(r["tl_signers"][0]["sha256"], signer_sha("tl-signer-AA.pem"));
  EXPECT_TRUE(r["tl_signers"][0]["der_base64"].is_string());
  EXPECT_TRUE(r["tl_signers"][0]["subject"].is_string());
  ASSERT_EQ(r["lists"].size(), 1u);
  EXPECT_EQ(r["lists"][0]["trust"], "caller-signer");

  auto v = verify(rec());
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("RE-VERIFIED: same verdict (confirmed)"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("rest on the caller's signers in the record, not on the Official Journal"), std::string::npos)
      << v.out;
}

TEST_F(EvidenceTlSigners, RecordOfLotlListsHasNoSignersAndSaysLotl) {
  auto c = run_command(cli() + " check" + shell_arg(fixtures() / "certs/qes-natural.pem") +
                       " --for qes --at 2025-03-01T00:00:00Z --lists" + shell_arg(fixtures() / "lists") + " --lotl-signers" +
                       shell_arg(fixtures() / "pki/oj-anchors.pem") + " --evidence" + shell_arg(rec()) + " 2>&1");
  ASSERT_EQ(c.exit_code, 0) << c.out;
  json r = read_json(rec());
  EXPECT_FALSE(r.contains("tl_signers"));
  for (const auto& l : r["lists"]) {
    EXPECT_EQ(l["trust"], l["role"] == "tl" ? "lotl" : "official-journal") << l["source"];
  }
  auto v = verify(rec(), " --lotl-signers" + shell_arg(fixtures() / "pki/oj-anchors.pem"));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_EQ(v.out.find("caller's signers"), std::string::npos) << v.out;

  // The same record as eutl-evidence/1 wrote it (no trust, no evidence matrix) still verifies.
  r["schema"] = "eutl-evidence/1";
  r.erase("evidence_matrix");
  for (auto& l : r["lists"]) {
    l.erase("trust");
  }
  write_resealed(r, m_dir / "v1.json");
  auto v1 = verify(m_dir / "v1.json", " --lotl-signers" + shell_arg(fixtures() / "pki/oj-anchors.pem"));
  EXPECT_EQ(v1.exit_code, 0) << v1.out;
  EXPECT_NE(v1.out.find("RE-VERIFIED"), std::string::npos) << v1.out;
}

TEST_F(EvidenceTlSigners, ChangedOrRemovedSignersMakeTheRecordDiffer) {
  ASSERT_EQ(check_files("tl-signer-AA.pem").exit_code, 0);
  const json r = read_json(rec());

  // Another certificate in place of the signer (digest consistent, integrity resealed).
  auto other = verify::load_pem_certificates(fixtures() / "pki/tl-signer-BB.pem");
  ASSERT_TRUE(other && !other->empty());
  json swapped = r;
  swapped["tl_signers"][0]["der_base64"] = tsl::base64_encode(other->front());
  swapped["tl_signers"][0]["sha256"] = tsl::to_hex(tsl::sha256(other->front()));
  write_resealed(swapped, m_dir / "swapped.json");
  auto vs = verify(m_dir / "swapped.json");
  EXPECT_EQ(vs.exit_code, 1) << vs.out;
  EXPECT_NE(vs.out.find("lists[0] AA"), std::string::npos) << vs.out;
  EXPECT_NE(vs.out.find("trust: recorded \"caller-signer\", re-verified \"none\""), std::string::npos) << vs.out;

  json removed = r;
  removed.erase("tl_signers");
  write_resealed(removed, m_dir / "removed.json");
  auto vr = verify(m_dir / "removed.json");
  EXPECT_EQ(vr.exit_code, 1) << vr.out;
  EXPECT_NE(vr.out.find("lists[0] AA"), std::string::npos) << vr.out;

  // A record whose list was trusted through the LOTL cannot gain caller's signers.
  json v1 = r;
  v1["schema"] = "eutl-evidence/1";
  v1.erase("evidence_matrix");
  for (auto& l : v1["lists"]) {
    l.erase("trust");
  }
  write_resealed(v1, m_dir / "v1-with-signers.json");
  auto vv = verify(m_dir / "v1-with-signers.json");
  EXPECT_EQ(vv.exit_code, 1) << vv.out;
  EXPECT_NE(vv.out.find("tl_signers"), std::string::npos) << vv.out;
}

TEST_F(EvidenceTlSigners, ReportShowsTheTrustCameFromTheCallersSigner) {
  auto c = check_files("tl-signer-AA.pem", " --report" + shell_arg(m_dir / "r.html"));
  ASSERT_EQ(c.exit_code, 0) << c.out;
  EXPECT_NE(c.out.find("trusted through the caller's signer"), std::string::npos) << c.out;
  std::ifstream in(m_dir / "r.html");
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(html.find("National lists trusted through the caller's signers, not the LOTL."), std::string::npos);
  EXPECT_NE(html.find("trusted through the caller's signer, not the LOTL"), std::string::npos);
  EXPECT_NE(html.find(signer_sha("tl-signer-AA.pem")), std::string::npos);
}

TEST_F(EvidenceTlSigners, StoreSnapshotOfImportTlSignersGivesSuchARecord) {
  const fs::path store = m_dir / "store";
  auto imp = run_command(cli() + " import --store" + shell_arg(store) + " --at 2025-03-01T00:00:00Z --tl-signers" +
                         shell_arg(fixtures() / "pki/tl-signer-AA.pem") + shell_arg(fixtures() / "lists/tl-AA.xml") + " 2>&1");
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  const std::string check = cli() + " check" + shell_arg(fixtures() / "certs/qes-natural.pem") +
                            " --for qes --at 2025-03-01T00:00:00Z --store" + shell_arg(store);
  ASSERT_EQ(run_command(check + " >/dev/null 2>&1").exit_code, 0);  // writes the model cache
  ASSERT_TRUE(fs::exists(store / "models")) << "no model cache written";
  auto c = run_command(check + " --evidence" + shell_arg(rec()) + " 2>&1");  // from the model cache
  ASSERT_EQ(c.exit_code, 0) << c.out;
  json r = read_json(rec());
  ASSERT_TRUE(r.contains("tl_signers")) << r.dump().substr(0, 500);
  EXPECT_EQ(r["tl_signers"][0]["sha256"], signer_sha("tl-signer-AA.pem"));
  EXPECT_EQ(r["lists"][0]["trust"], "caller-signer");
  EXPECT_TRUE(r["snapshot"].is_string());
  auto v = run_command(cli() + " evidence verify" + shell_arg(rec()) + " --store" + shell_arg(store) + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("rest on the caller's signers in the record"), std::string::npos) << v.out;
}

}  // namespace
}  // namespace eutl::cli
