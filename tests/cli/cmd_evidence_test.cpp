// eutl check --snapshot/--evidence/--report and eutl evidence verify|bundle|report,
// end to end through the binary: records re-verify after a refresh, any changed byte
// is named, bundles verify in a fresh directory without a store (with the caller's
// anchors), the report renders in headless Chromium, and a real 2023 record
// re-verifies. Trust, repeated keys, missing inputs and the report's refusals are in
// cmd_evidence_trust_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

class EvidenceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(test::fixtures() / "MANIFEST.txt")) {
      GTEST_SKIP() << "no generated fixtures (fixtures/generate.sh)";
    }
    m_dir = test::temp_dir(std::string("cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    m_store = m_dir / "store";
    import({"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml"});
  }
  void TearDown() override { fs::remove_all(m_dir); }

  test::CommandResult import(const std::vector<std::string>& files) {
    std::string cmd = test::cli() + " import --store " + shell_quote(m_store) + " --lotl-signers " +
                      shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z";
    for (const auto& f : files) {
      cmd += " " + shell_quote(test::fixtures() / f);
    }
    auto r = test::run_command(cmd + " 2>&1");
    EXPECT_NE(r.exit_code, 2) << r.out;
    return r;
  }

  // eutl check against the current snapshot, writing the record (and report).
  test::CommandResult check(const std::string& cert, const std::string& extra = "") {
    return test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / cert) + " --snapshot current --store " +
                             shell_quote(m_store) + " --at 2025-03-01T00:00:00Z --evidence " + shell_quote(m_dir / "rec.json") + " " +
                             extra + " 2>&1");
  }

  test::CommandResult verify(const std::string& target, const std::string& extra = "") {
    return test::run_command("EUTL_STORE=" + shell_quote(m_dir / "no-store") + " " + test::cli() + " evidence verify " +
                             target + " " + extra + " 2>&1");
  }

  std::string list_digest(const std::string& territory) {
    const json rec = json::parse(test::read_text(m_dir / "rec.json"));
    for (const auto& l : rec["lists"]) {
      if (l["territory"] == territory) {
        return l["sha256"];
      }
    }
    return "";
  }

  fs::path m_dir;
  fs::path m_store;
};

TEST_F(EvidenceCli, RecordReverifiesAfterTheStoreIsRefreshed) {
  auto c = check("certs/qes-natural.pem", "--for qes");
  ASSERT_EQ(c.exit_code, 0) << c.out;
  auto v = verify(shell_quote(m_dir / "rec.json"), "--store " + shell_quote(m_store));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("RE-VERIFIED: same verdict (confirmed)"), std::string::npos) << v.out;
  // A newer import with a changed set (CC added) becomes current; the record still holds.
  import({"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml", "lists/tl-CC.xml"});
  const json rec = json::parse(test::read_text(m_dir / "rec.json"));
  auto status = test::run_command(test::cli() + " status --json --store " + shell_quote(m_store) + " --at 2025-03-01T00:00:00Z");
  const json st = json::parse(status.out, nullptr, false);
  ASSERT_FALSE(st.is_discarded()) << status.out;
  EXPECT_NE(st["snapshot"], rec["snapshot"]);
  v = verify(shell_quote(m_dir / "rec.json"), "--store " + shell_quote(m_store));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
}

TEST_F(EvidenceCli, ChangedBlobByteFailsNamingTheList) {
  ASSERT_EQ(check("certs/qes-natural.pem").exit_code, 0);
  const std::string hex = list_digest("AA");
  ASSERT_EQ(hex.size(), 64u);
  const fs::path blob = m_store / "blobs" / hex.substr(0, 2) / hex;
  fs::permissions(blob, fs::perms::owner_write, fs::perm_options::add);
  test::flip_byte(blob, 1500);
  auto v = verify(shell_quote(m_dir / "rec.json"), "--store " + shell_quote(m_store));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("AA"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("expected SHA-256 " + hex), std::string::npos) << v.out;
}

TEST_F(EvidenceCli, ChangedRecordByteFails) {
  ASSERT_EQ(check("certs/qes-natural.pem").exit_code, 0);
  std::string text = test::read_text(m_dir / "rec.json");
  // One byte inside the issue date of a list ("2025-01-01…" → "2025-01-00…").
  const auto pos = text.find("\"issue_date\": \"2025-01-01");
  ASSERT_NE(pos, std::string::npos);
  text[pos + std::string("\"issue_date\": \"2025-01-0").size()] = '2';
  test::write_text(m_dir / "rec.json", text);
  auto v = verify(shell_quote(m_dir / "rec.json"), "--store " + shell_quote(m_store));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("modified after it was written"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("issue_date: recorded \"2025-01-02"), std::string::npos) << v.out;
}

TEST_F(EvidenceCli, BundleVerifiesInAFreshDirectoryWithoutAStore) {
  ASSERT_EQ(check("certs/qes-natural.pem", "--for qes").exit_code, 0);
  auto b = test::run_command(test::cli() + " evidence bundle " + shell_quote(m_dir / "rec.json") + " -o " + shell_quote(m_dir / "bundle") +
                             " --store " + shell_quote(m_store) + " 2>&1");
  ASSERT_EQ(b.exit_code, 0) << b.out;
  const fs::path fresh = test::temp_dir("cli-fresh-bundle");
  fs::copy(m_dir / "bundle", fresh / "copy", fs::copy_options::recursive);
  fs::remove_all(m_store);
  // Each list file is named by its SHA-256: check one with openssl, independently.
  const std::string hex = list_digest("AA");
  auto dgst = test::run_command("openssl dgst -sha256 -r " + shell_quote(fresh / "copy" / "lists" / (hex + ".xml")));
  EXPECT_EQ(dgst.out.substr(0, 64), hex);
  // Without a store, the auditor names the anchors they trust (the bundle's own
  // anchors/ are never trusted): without them the Official Journal anchors bundled
  // with eutl are trusted, and the fixture record does not rest on those.
  auto untrusted = verify(shell_quote(fresh / "copy"));
  EXPECT_EQ(untrusted.exit_code, 1) << untrusted.out;
  EXPECT_NE(untrusted.out.find("NOT TRUSTED"), std::string::npos) << untrusted.out;
  const std::string anchors = "--lotl-signers " + shell_quote(test::fixtures() / "pki/oj-anchors.pem");
  auto v = verify(shell_quote(fresh / "copy"), anchors);
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("(bundle file)"), std::string::npos) << v.out;
  v = verify(shell_quote(fresh / "copy" / "record.json"), anchors);  // the record inside a bundle: autodetected
  EXPECT_EQ(v.exit_code, 0) << v.out;

  // One byte of a list in the bundle.
  const fs::path list = fresh / "copy" / "lists" / (hex + ".xml");
  test::flip_byte(list, 1200);
  v = verify(shell_quote(fresh / "copy"), anchors);
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("bundle file"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find(hex), std::string::npos) << v.out;
  test::flip_byte(list, 1200);
  // One byte of the certificate in the bundle.
  test::flip_byte(fresh / "copy" / "certificate.der", 100);
  v = verify(shell_quote(fresh / "copy"), anchors);
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("certificate.der"), std::string::npos) << v.out;
  fs::remove_all(fresh);
}

TEST_F(EvidenceCli, RecordFromListFilesReverifiesFromTheRecordedPaths) {
  const fs::path f = test::fixtures();
  auto c = test::run_command(test::cli() + " check " + shell_quote(f / "certs/qwac.pem") + " --lists " +
                             shell_quote(f / "lists/pivot-101.xml") + " " + shell_quote(f / "lists/lotl.xml") + " " +
                             shell_quote(f / "lists/tl-BB.xml") + " --lotl-signers " + shell_quote(f / "pki/oj-anchors.pem") +
                             " --at 2025-03-01T00:00:00Z --for qwac --evidence " + shell_quote(m_dir / "rec.json") + " 2>&1");
  ASSERT_EQ(c.exit_code, 0) << c.out;
  const json rec = json::parse(test::read_text(m_dir / "rec.json"));
  EXPECT_TRUE(rec["snapshot"].is_null());
  auto v = verify(shell_quote(m_dir / "rec.json"), "--lotl-signers " + shell_quote(f / "pki/oj-anchors.pem"));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
}

TEST_F(EvidenceCli, UsageErrorsExitTwo) {
  using ::testing::HasSubstr;
  auto missing = verify(shell_quote(m_dir / "missing.json"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.out, HasSubstr("eutl: " + (m_dir / "missing.json").string() + ": cannot open the evidence record"));
  auto no_file = test::run_command(test::cli() + " evidence verify 2>&1");
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_THAT(no_file.out, HasSubstr("FILE is required"));
  auto snapshot = test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / "certs/qes-natural.pem") +
                                    " --snapshot nosuch --store " + shell_quote(m_store) + " 2>&1");
  EXPECT_EQ(snapshot.exit_code, 2);
  EXPECT_THAT(snapshot.out, HasSubstr("eutl: --snapshot: snapshot nosuch: not in the store " + m_store.string()));
}

// The report through headless Chromium: renders, and the rendered text carries the
// verdict, the subject, the list sequence number and the service name.
TEST_F(EvidenceCli, ReportRendersInHeadlessChromium) {
  auto c = check("certs/qes-natural.pem", "--for qes --report " + shell_quote(m_dir / "report.html"));
  ASSERT_EQ(c.exit_code, 0) << c.out;
  auto r = test::run_command(test::cli() + " evidence report " + shell_quote(m_dir / "rec.json") + " --store " + shell_quote(m_store) +
                             " -o " + shell_quote(m_dir / "report2.html") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "") << "the report goes to -o, nothing to the terminal";
  EXPECT_EQ(test::read_text(m_dir / "report.html").substr(0, 15), "<!DOCTYPE html>");
  EXPECT_EQ(test::read_text(m_dir / "report2.html").substr(0, 15), "<!DOCTYPE html>");
  if (test::run_command("command -v chromium >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
  }
  const fs::path profile = m_dir / "chromium-profile";
  auto dom = test::run_command("timeout 120 chromium --headless --no-sandbox --disable-gpu "
                               "--disable-background-networking --disable-component-update --disable-sync "
                               "--no-first-run --user-data-dir=" + shell_quote(profile) + " --dump-dom " +
                               shell_quote("file://" + (m_dir / "report2.html").string()) + " 2>/dev/null");
  ASSERT_EQ(dom.exit_code, 0);
  const json rec = json::parse(test::read_text(m_dir / "rec.json"));
  // Expected values from independent sources: the subject from openssl, the sequence
  // number from fixtures/MANIFEST.txt (tl-AA seq 7), the verdict from the exit code.
  auto subject = test::run_command("openssl x509 -noout -subject -nameopt RFC2253 -in " +
                                   shell_quote(test::fixtures() / "certs/qes-natural.pem"));
  const std::string cn = subject.out.substr(subject.out.find("CN=") + 3, subject.out.find(',', subject.out.find("CN=")) -
                                                                            subject.out.find("CN=") - 3);
  EXPECT_NE(dom.out.find("Verdict: confirmed"), std::string::npos);
  EXPECT_NE(dom.out.find(cn), std::string::npos) << cn;
  EXPECT_NE(dom.out.find("<td>7</td>"), std::string::npos);
  const std::string service = rec["services"][0]["service_name"];
  EXPECT_NE(dom.out.find(service), std::string::npos) << service;
  // A PDF print works too.
  auto pdf = test::run_command("timeout 120 chromium --headless --no-sandbox --disable-gpu "
                               "--disable-background-networking --disable-component-update --disable-sync "
                               "--no-first-run --user-data-dir=" + shell_quote(profile) + " --print-to-pdf=" +
                               shell_quote(m_dir / "report.pdf") + " " + shell_quote("file://" + (m_dir / "report2.html").string()) +
                               " >/dev/null 2>&1");
  EXPECT_EQ(pdf.exit_code, 0);
  EXPECT_GT(fs::file_size(m_dir / "report.pdf"), 1000u);
}

// Real data: a record for a real qualified certificate against the imported 2023 set.
TEST(EvidenceCliRealData, Record2023Reverifies) {
  EUTL_REQUIRE_REALDATA();
  const fs::path r = test::realdata();
  const fs::path dir = test::temp_dir("cli-real2023");
  const fs::path store = dir / "store";
  auto imp = test::run_command(test::cli() + " import --store " + shell_quote(store) + " --lotl-signers " +
                               shell_quote(r / "oj/oj-C276-2019-lotl-signers.pem") + " --at 2023-10-28T00:00:00Z " +
                               shell_quote(r / "lotl/eu-lotl-seq332-2023-09-27.xml") + " " +
                               shell_quote(r / "lotl/pivots/eu-lotl-pivot-282.xml") + " " +
                               shell_quote(r / "lotl/pivots/eu-lotl-pivot-300.xml") + " " + shell_quote(r / "tl/2023") + " 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  // MANIFEST.md: LU LuxTrust Global Qualified CA 3, QC granted since 2018-04-06.
  const fs::path cert = r / "certs/qualified/LU-Aleksandr-Beliakov-8ed9a642.pem";
  auto c = test::run_command(test::cli() + " check " + shell_quote(cert) + " --snapshot current --store " + shell_quote(store) +
                             " --at 2023-10-28T00:00:00Z --evidence " + shell_quote(dir / "rec.json") + " 2>&1");
  ASSERT_NE(c.exit_code, 2) << c.out;
  const json rec = json::parse(test::read_text(dir / "rec.json"));
  ASSERT_FALSE(rec["services"].empty());
  EXPECT_EQ(rec["services"][0]["territory"], "LU");
  auto v = test::run_command(test::cli() + " evidence verify " + shell_quote(dir / "rec.json") + " --store " + shell_quote(store) + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("RE-VERIFIED: same verdict"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl::cli
