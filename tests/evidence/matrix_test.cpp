// The evidence matrix of an eutl-evidence/3 record: one row per artifact the decision
// used, digests checkable against the files with openssl, the Part 1 flag for a
// certificate with only EN 319 411-1 policies checked for a qualified profile, rows
// re-checked by `evidence verify`, and /2 records still re-verified without one.
#include "evidence/matrix.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string openssl_sha256(const fs::path& file, bool pem_cert = false) {
  const std::string q = "'" + file.string() + "'";
  auto r = test::run_command(pem_cert ? "openssl x509 -in " + q + " -outform DER | openssl dgst -sha256 -r"
                                      : "openssl dgst -sha256 -r " + q);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out.substr(0, 64);
}

class MatrixTest : public test::FixtureRecordTest {
 protected:
  json record(const std::string& cert, const std::string& claim) {
    const std::string text = test::make_record(*m_store, m_snapshot, cert, "2025-03-01T00:00:00Z", claim);
    return json::parse(text);
  }
  static std::vector<json> rows_of(const json& rec, const std::string& kind) {
    std::vector<json> out;
    for (const auto& r : rec["evidence_matrix"]) {
      if (r["kind"] == kind) {
        out.push_back(r);
      }
    }
    return out;
  }
};

TEST_F(MatrixTest, OneRowPerArtifactWithDigestsMatchingTheFiles) {
  const json rec = record("certs/qes-natural.pem", "qes");
  EXPECT_EQ(rec["schema"], "eutl-evidence/3");
  ASSERT_TRUE(rec["evidence_matrix"].is_array());
  std::set<std::string> kinds;
  for (const auto& r : rec["evidence_matrix"]) {
    kinds.insert(r["kind"]);
    EXPECT_TRUE(r["flag"].is_null()) << r.dump();
    for (const char* key : {"source", "claim", "artifact", "standard"}) {
      EXPECT_TRUE(r[key].is_string() && !r[key].get<std::string>().empty()) << key << " " << r.dump();
    }
    EXPECT_EQ(r["date"]["evaluated_at"].is_string(), true) << r.dump();
  }
  for (const char* k : {"certificate", "policy", "qc-statement", "issuing-ca", "service", "service-period-at-issuance",
                        "service-period-at-t", "national-list", "lotl", "pivot", "official-journal-anchor"}) {
    EXPECT_EQ(kinds.count(k), 1u) << k;
  }
  const fs::path f = test::fixtures();
  EXPECT_EQ(rows_of(rec, "certificate").at(0)["sha256"], openssl_sha256(f / "certs/qes-natural.pem", true));
  const json tl = rows_of(rec, "national-list").at(0);
  EXPECT_EQ(tl["sha256"], openssl_sha256(f / "lists/tl-AA.xml"));
  EXPECT_NE(tl["artifact"].get<std::string>().find("AA list sequence 7"), std::string::npos) << tl.dump();
  EXPECT_EQ(tl["standard"], "trusted-list-framework");
  EXPECT_EQ(rows_of(rec, "lotl").at(0)["sha256"], openssl_sha256(f / "lists/lotl.xml"));
  EXPECT_EQ(rows_of(rec, "pivot").at(0)["sha256"], openssl_sha256(f / "lists/pivot-101.xml"));
  // The QC statements (EN 319 412-5) serve Part 2; QcSSCD supports "private key on a QSCD".
  bool sscd = false;
  for (const auto& r : rows_of(rec, "qc-statement")) {
    sscd = sscd || (r["claim"] == "private key on a QSCD" && r["standard"] == "en-319-411-2");
  }
  EXPECT_TRUE(sscd) << rec["evidence_matrix"].dump(1);
  // The Part 2 policy of a QES (QCP-n-qscd) serves EN 319 411-2.
  const json policy = rows_of(rec, "policy").at(0);
  EXPECT_EQ(policy["claim"], "QCP-n-qscd profile");
  EXPECT_EQ(policy["standard"], "en-319-411-2");
  // The service periods name the status in force at issuance and at T.
  EXPECT_NE(rows_of(rec, "service-period-at-t").at(0)["claim"].get<std::string>().find("granted at T"),
            std::string::npos);
}

TEST_F(MatrixTest, Part1PolicyAloneIsFlaggedForAQualifiedProfileClaim) {
  // ovcp-web: OVCP + CA/B OV only (fixtures/MANIFEST.txt), checked for QCP-n.
  const json rec = record("certs/ovcp-web.pem", "QCP-n");
  const auto policies = rows_of(rec, "policy");
  ASSERT_FALSE(policies.empty());
  bool ovcp = false;
  for (const auto& p : policies) {
    EXPECT_EQ(p["standard"], "en-319-411-1") << p.dump();
    EXPECT_EQ(p["flag"], "Part 1 evidence does not prove the qualified claim") << p.dump();
    ovcp = ovcp || p["claim"] == "OVCP profile";
  }
  EXPECT_TRUE(ovcp);
  // The same certificate without a qualified claim: nothing is flagged.
  for (const auto& p : rows_of(record("certs/ovcp-web.pem", ""), "policy")) {
    EXPECT_TRUE(p["flag"].is_null()) << p.dump();
  }
  // A Part 1 claim (OVCP) is not a qualified claim either.
  for (const auto& p : rows_of(record("certs/ovcp-web.pem", "OVCP"), "policy")) {
    EXPECT_TRUE(p["flag"].is_null()) << p.dump();
  }
}

TEST_F(MatrixTest, VerifyRechecksTheRows) {
  const std::string text = test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes");
  EvidenceCheck same = verify(text);
  EXPECT_TRUE(same.same);
  bool noted = false;
  for (const auto& c : same.checked) {
    noted = noted || c.rfind("evidence matrix: ", 0) == 0;
  }
  EXPECT_TRUE(noted);
  // A row naming a digest the record does not carry, integrity recomputed so only the row differs.
  json rec = json::parse(text);
  std::size_t i = 0;
  while (rec["evidence_matrix"][i]["kind"] != "national-list") {
    ++i;
  }
  rec["evidence_matrix"][i]["sha256"] = std::string(64, 'a');
  auto read = from_json(rec.dump());
  ASSERT_TRUE(read.record);
  EvidenceCheck changed = verify(to_json(*read.record));
  EXPECT_FALSE(changed.same);
  bool named = false;
  for (const auto& d : changed.differences) {
    named = named || d.where == "evidence_matrix[" + std::to_string(i) + "] national-list";
  }
  EXPECT_TRUE(named);
}

TEST_F(MatrixTest, SchemaTwoRecordsStillReverifyWithoutAMatrix) {
  json rec = json::parse(
      test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes"));
  rec.erase("evidence_matrix");
  rec["schema"] = "eutl-evidence/2";
  auto read = from_json(rec.dump());
  ASSERT_TRUE(read.record);
  EvidenceCheck c = verify(to_json(*read.record));
  std::string all;
  for (const auto& d : c.differences) {
    all += d.where + ": " + d.message + "\n";
  }
  EXPECT_TRUE(c.same) << all;
  EXPECT_EQ(c.verdict, RecordVerdict::kConfirmed);
}

TEST(MatrixStandardNames, AreTheSerialisedOnes) {
  EXPECT_EQ(detail::to_string(detail::MatrixStandard::kBoth), "both");
  EXPECT_EQ(detail::to_string(detail::MatrixStandard::kTrustedListFramework), "trusted-list-framework");
}

}  // namespace
}  // namespace eutl::evidence
