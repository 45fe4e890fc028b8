// eutl evidence verify|bundle|report through the binary: only the caller's LOTL anchors
// are trusted, a repeated JSON key makes a record invalid, pruned inputs are exit 3
// (not tampering), the report renders only what re-verifies (or under a "not
// verified" banner), and lists are found by their recorded paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

using test::shell_quote;

class EvidenceTrustCli : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(std::string("trustcli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    m_store = m_dir / "store";
    // Imported from copies, so that a test can make the recorded source paths vanish.
    fs::create_directories(m_dir / "lists");
    std::string cmd = test::cli() + " import --store " + shell_quote(m_store) + " --lotl-signers " +
                      shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z";
    for (const char* f : {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml"}) {
      const fs::path to = m_dir / "lists" / fs::path(f).filename();
      fs::copy_file(test::fixtures() / f, to);
      cmd += " " + shell_quote(to);
    }
    auto imp = test::run_command(cmd + " 2>&1");
    ASSERT_EQ(imp.exit_code, 0) << imp.out;
    auto c = test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / "certs/qes-natural.pem") +
                               " --snapshot current --store " + shell_quote(m_store) +
                               " --at 2025-03-01T00:00:00Z --for qes --evidence " + shell_quote(m_dir / "rec.json") + " 2>&1");
    ASSERT_EQ(c.exit_code, 0) << c.out;
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Runs `eutl evidence ARGS` with no default store.
  test::CommandResult evidence(const std::string& args) {
    return test::run_command("EUTL_STORE=" + shell_quote(m_dir / "no-store") + " " + test::cli() + " evidence " + args +
                             " 2>&1");
  }
  std::string anchors(const char* pem) { return " --lotl-signers " + shell_quote(test::fixtures() / pem); }
  std::string store() { return " --store " + shell_quote(m_store); }

  fs::path m_dir;
  fs::path m_store;
};

TEST_F(EvidenceTrustCli, RecordOnAnchorsTheCallerDoesNotTrustIsRefused) {
  const std::string rec = shell_quote(m_dir / "rec.json");
  auto by_store = evidence("verify " + rec + store());
  EXPECT_EQ(by_store.exit_code, 0) << by_store.out;
  EXPECT_THAT(by_store.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
  auto by_anchors = evidence("verify " + rec + anchors("pki/oj-anchors.pem"));
  EXPECT_EQ(by_anchors.exit_code, 0) << by_anchors.out;
  EXPECT_THAT(by_anchors.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
  auto v = evidence("verify " + rec + store() + anchors("pki/oj-anchor-rsa.pem"));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("NOT TRUSTED"), std::string::npos) << v.out;
  v = evidence("verify --json " + rec + store() + anchors("pki/oj-anchor-rsa.pem"));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  const json out = json::parse(v.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << v.out;
  EXPECT_EQ(out["outcome"], "untrusted-anchors");
  EXPECT_EQ(out["same"], false);
  ASSERT_FALSE(out["differences"].empty());
  EXPECT_EQ(out["differences"][0]["kind"], "untrusted-anchor");

  // An auditor's own store, filled with other anchors, decides when no PEM is given.
  const fs::path other = m_dir / "other-store";
  auto imp = test::run_command(test::cli() + " import --store " + shell_quote(other) + anchors("pki/oj-anchor-rsa.pem") +
                               " --at 2025-03-01T00:00:00Z " + shell_quote(test::fixtures() / "pss/lotl-pss.xml") + " 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  v = evidence("verify " + rec + " --store " + shell_quote(other));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("NOT TRUSTED"), std::string::npos) << v.out;
  // No anchors given and no store: the bundled Official Journal anchors, never the
  // record's own anchors; the fixture record does not rest on them.
  v = evidence("verify " + rec);
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("NOT TRUSTED"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("the Official Journal anchors bundled with eutl"), std::string::npos) << v.out;
}

TEST_F(EvidenceTrustCli, RepeatedVerdictKeyIsInvalid) {
  std::string text = test::read_text(m_dir / "rec.json");
  text.insert(text.find('{') + 1, "\n  \"verdict\": \"refuted\",");
  test::write_text(m_dir / "dup.json", text);
  auto v = evidence("verify " + shell_quote(m_dir / "dup.json") + store());
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("\"verdict\" appears twice"), std::string::npos) << v.out;
}

TEST_F(EvidenceTrustCli, PrunedInputsAreIndeterminateNotTampering) {
  const json rec = json::parse(test::read_text(m_dir / "rec.json"));
  std::string hex;
  for (const auto& l : rec["lists"]) {
    if (l["territory"] == "AA") {
      hex = l["sha256"];
    }
  }
  ASSERT_EQ(hex.size(), 64u);
  const fs::path blob = m_store / "blobs" / hex.substr(0, 2) / hex;
  fs::permissions(blob, fs::perms::owner_write, fs::perm_options::add);
  fs::remove(blob);
  // The recorded path still holds the bytes: found there.
  auto found = evidence("verify " + shell_quote(m_dir / "rec.json") + store());
  EXPECT_EQ(found.exit_code, 0) << found.out;
  EXPECT_THAT(found.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
  fs::remove_all(m_dir / "lists");
  auto v = evidence("verify " + shell_quote(m_dir / "rec.json") + store());
  EXPECT_EQ(v.exit_code, 3) << v.out;
  EXPECT_NE(v.out.find("inputs missing"), std::string::npos) << v.out;
  EXPECT_EQ(v.out.find("DIFFERS"), std::string::npos) << v.out;
  auto b = evidence("bundle " + shell_quote(m_dir / "rec.json") + " -o " + shell_quote(m_dir / "bundle") + store());
  EXPECT_EQ(b.exit_code, 3) << b.out;
  EXPECT_THAT(b.out, HasSubstr("eutl: list " + (m_dir / "lists" / "tl-AA.xml").string() + ": no bytes with SHA-256 " +
                               hex));
  auto r = evidence("report " + shell_quote(m_dir / "rec.json") + store() + " -o " + shell_quote(m_dir / "r.html"));
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_THAT(r.out, HasSubstr("eutl: INDETERMINATE: inputs missing"));
  EXPECT_THAT(r.out, HasSubstr("eutl: no report written: the record does not re-verify"));
  EXPECT_FALSE(fs::exists(m_dir / "r.html"));
}

TEST_F(EvidenceTrustCli, ReportRendersOnlyWhatReverifies) {
  const fs::path out = m_dir / "r.html";
  auto r = evidence("report " + shell_quote(m_dir / "rec.json") + store() + " -o " + shell_quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(test::read_text(out).find("Re-verified"), std::string::npos);
  EXPECT_EQ(test::read_text(out).find("Not verified"), std::string::npos);
  fs::remove(out);

  // Not evidence records at all: exit 2, with or without --unverified.
  test::write_text(m_dir / "empty.json", "{}");
  auto check_json = test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / "certs/qes-natural.pem") +
                                      " --snapshot current" + store() + " --at 2025-03-01T00:00:00Z --json");
  ASSERT_FALSE(json::parse(check_json.out, nullptr, false).is_discarded()) << check_json.out;
  test::write_text(m_dir / "check.json", check_json.out);
  for (const char* f : {"empty.json", "check.json"}) {
    for (const char* extra : {"", " --unverified"}) {
      SCOPED_TRACE(std::string(f) + extra);
      r = evidence("report " + shell_quote(m_dir / f) + store() + extra + " -o " + shell_quote(out));
      EXPECT_EQ(r.exit_code, 2) << r.out;
      EXPECT_NE(r.out.find("not an evidence record"), std::string::npos) << r.out;
      EXPECT_FALSE(fs::exists(out));
      auto v = evidence("verify " + shell_quote(m_dir / f) + store());
      EXPECT_EQ(v.exit_code, 2) << v.out;
      EXPECT_THAT(v.out, HasSubstr("eutl: " + (m_dir / f).string() + ": not an evidence record"));
    }
  }

  // A tampered record: refused (exit 1); with --unverified rendered under the banner.
  json rec = json::parse(test::read_text(m_dir / "rec.json"));
  rec["verdict"] = "refuted";
  test::write_text(m_dir / "tampered.json", rec.dump(2));
  r = evidence("report " + shell_quote(m_dir / "tampered.json") + store() + " -o " + shell_quote(out));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("the record was modified after it was written"));
  EXPECT_THAT(r.out, HasSubstr("eutl: no report written: the record does not re-verify"));
  EXPECT_FALSE(fs::exists(out));
  r = evidence("report " + shell_quote(m_dir / "tampered.json") + " --unverified -o " + shell_quote(out));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "") << "the report goes to -o, nothing to the terminal";
  const std::string html = test::read_text(out);
  EXPECT_NE(html.find("Not verified"), std::string::npos);
  EXPECT_LT(html.find("Not verified"), html.find("Verdict: refuted"));

  // Foreign anchors: refused too.
  r = evidence("report " + shell_quote(m_dir / "rec.json") + store() + anchors("pki/oj-anchor-rsa.pem"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("the record rests on a LOTL anchor you do not trust"));
  EXPECT_THAT(r.out, HasSubstr("eutl: no report written"));
}

// evidence.h: lists are found in the store or at their recorded file path.
TEST_F(EvidenceTrustCli, BundleFindsTheRecordedFilesWithoutAStore) {
  auto b = evidence("bundle " + shell_quote(m_dir / "rec.json") + " -o " + shell_quote(m_dir / "bundle"));
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_THAT(b.out, HasSubstr("bundle " + (m_dir / "bundle").string() + ": record, 4 lists"));
  auto v = evidence("verify " + shell_quote(m_dir / "bundle") + anchors("pki/oj-anchors.pem"));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
}

// The default store ($EUTL_STORE) supplies the lists and the trusted anchors when
// neither --store nor --lotl-signers is given.
TEST_F(EvidenceTrustCli, DefaultStoreSuppliesListsAndAnchors) {
  fs::remove_all(m_dir / "lists");  // only the store's blobs are left
  const std::string env = "EUTL_STORE=" + shell_quote(m_store) + " " + test::cli() + " evidence ";
  auto v = test::run_command(env + "verify " + shell_quote(m_dir / "rec.json") + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("recorded in store snapshot"), std::string::npos) << v.out;
  auto b = test::run_command(env + "bundle " + shell_quote(m_dir / "rec.json") + " -o " + shell_quote(m_dir / "bundle") + " 2>&1");
  EXPECT_EQ(b.exit_code, 0) << b.out;
  EXPECT_THAT(b.out, HasSubstr("bundle " + (m_dir / "bundle").string() + ": record, 4 lists"));
  v = test::run_command(env + "verify " + shell_quote(m_dir / "rec.json") + anchors("pki/oj-anchor-rsa.pem") + " 2>&1");
  EXPECT_EQ(v.exit_code, 1) << v.out;  // --lotl-signers wins over the store's anchors
  EXPECT_THAT(v.out, HasSubstr("NOT TRUSTED"));
}

// A file named record.json is a bundle only inside a bundle (lists/ beside it), and
// not at all when --store names where the lists are.
TEST_F(EvidenceTrustCli, RecordJsonIsReadAsABundleOnlyWhenItIsOne) {
  fs::create_directories(m_dir / "plain");
  fs::copy_file(m_dir / "rec.json", m_dir / "plain" / "record.json");
  auto v = evidence("verify " + shell_quote(m_dir / "plain" / "record.json") + store());
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));

  auto b = evidence("bundle " + shell_quote(m_dir / "rec.json") + " -o " + shell_quote(m_dir / "b") + store());
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_THAT(b.out, HasSubstr("bundle " + (m_dir / "b").string() + ": record, 4 lists"));
  fs::remove_all(m_dir / "b" / "lists");
  fs::create_directories(m_dir / "b" / "lists");  // an emptied bundle
  fs::remove_all(m_dir / "lists");                // and no recorded paths to fall back on
  v = evidence("verify " + shell_quote(m_dir / "b" / "record.json") + anchors("pki/oj-anchors.pem"));
  EXPECT_EQ(v.exit_code, 3) << v.out;  // read as the bundle: its lists are missing
  EXPECT_THAT(v.out, HasSubstr("INDETERMINATE: inputs missing"));
  v = evidence("verify " + shell_quote(m_dir / "b" / "record.json") + store());
  EXPECT_EQ(v.exit_code, 0) << v.out;  // --store given: the store's copies
  EXPECT_THAT(v.out, HasSubstr("RE-VERIFIED: same verdict (confirmed)"));
}

}  // namespace
}  // namespace eutl::cli
