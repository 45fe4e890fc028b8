// The evidence matrix of a record made from the real 2023 set for a real qualified
// certificate: every kind of row is there, and every digest it names matches the
// file it stands for, computed independently with openssl (lists, certificate,
// Official Journal anchors).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/cli_stores.h"
#include "tests/support/evidence_support.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

std::string dgst(const std::string& cmd) {
  auto r = test::run_command(cmd + " | openssl dgst -sha256 -r");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out.substr(0, 64);
}

// SHA-256 of the DER of every certificate in a PEM file, split with awk.
std::set<std::string> pem_digests(const fs::path& pem, const fs::path& dir) {
  fs::create_directories(dir);
  test::run_command("awk '/BEGIN CERT/{n++} n{print > (\"" + dir.string() + "/c\" n \".pem\")}' " + shell_quote(pem));
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out.insert(dgst("openssl x509 -in " + shell_quote(e.path()) + " -outform DER"));
  }
  return out;
}

TEST(EvidenceMatrixRealData, Record2023HasACompleteMatrixWhoseDigestsMatchTheFiles) {
  EUTL_REQUIRE_REALDATA();
  const fs::path r = test::realdata();
  const fs::path dir = test::temp_dir("matrix-real2023");
  const fs::path store = dir / "store";
  const fs::path oj = r / "oj/oj-C276-2019-lotl-signers.pem";
  auto imp = test::import_real_2023_store(store);  // with the anchors of `oj`
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  // MANIFEST.md: LU LuxTrust Global Qualified CA 3, QC granted since 2018-04-06.
  const fs::path cert = r / "certs/qualified/LU-Aleksandr-Beliakov-8ed9a642.pem";
  auto c = test::run_command(test::cli() + " check " + shell_quote(cert) + " --snapshot current --store " + shell_quote(store) +
                             " --at 2023-10-28T00:00:00Z --for qes --evidence " + shell_quote(dir / "rec.json") + " 2>&1");
  ASSERT_NE(c.exit_code, 2) << c.out;
  const json rec = json::parse(test::read_text(dir / "rec.json"));
  ASSERT_EQ(rec["schema"], "eutl-evidence/3");
  std::map<std::string, std::vector<json>> by_kind;
  for (const auto& row : rec["evidence_matrix"]) {
    by_kind[row["kind"]].push_back(row);
  }
  for (const char* k : {"certificate", "policy", "qc-statement", "issuing-ca", "service", "service-period-at-issuance",
                        "service-period-at-t", "national-list", "lotl", "official-journal-anchor"}) {
    EXPECT_FALSE(by_kind[k].empty()) << k << " missing from " << rec["evidence_matrix"].dump(1);
  }
  EXPECT_EQ(by_kind["pivot"].size(), 2u);
  // Lists: the digest of the file named as the row's source.
  std::size_t lists = 0;
  for (const char* k : {"national-list", "lotl", "pivot"}) {
    for (const auto& row : by_kind[k]) {
      const fs::path source = row["source"].get<std::string>();
      ASSERT_TRUE(fs::exists(source)) << source;
      EXPECT_EQ(row["sha256"], dgst("cat " + shell_quote(source))) << source;
      ++lists;
    }
  }
  EXPECT_EQ(lists, 4u);
  EXPECT_THAT(by_kind["national-list"][0]["artifact"].get<std::string>(), ::testing::StartsWith("LU list sequence"));
  EXPECT_EQ(by_kind["certificate"][0]["sha256"], dgst("openssl x509 -in " + shell_quote(cert) + " -outform DER"));
  // Official Journal anchors: exactly the certificates of OJ C 276/2019.
  std::set<std::string> anchors;
  for (const auto& row : by_kind["official-journal-anchor"]) {
    anchors.insert(row["sha256"]);
    EXPECT_THAT(row["source"].get<std::string>(), ::testing::HasSubstr("OJ C 276/2019"));
  }
  EXPECT_EQ(anchors, pem_digests(oj, dir / "oj"));
  // The QES claim rests on a Part 2 policy: nothing is flagged.
  for (const auto& row : rec["evidence_matrix"]) {
    EXPECT_TRUE(row["flag"].is_null()) << row.dump();
  }
  auto v = test::run_command(test::cli() + " evidence verify " + shell_quote(dir / "rec.json") + " --store " + shell_quote(store) + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("RE-VERIFIED: same verdict"));
  fs::remove_all(dir);
}

// The 2026 set with the anchors bundled with eutl: each OJ row names the notice that
// announced its certificate, and the report's chain of trust starts at OJ C/2026/1944,
// whose certificate signed LOTL 390, not at the 2019 notice the LOTL also lists.
TEST(EvidenceMatrixRealData, Record2026NamesTheNoticeOfEachAnchor) {
  EUTL_REQUIRE_REALDATA();
  const fs::path r = test::realdata();
  const fs::path dir = test::temp_dir("matrix-real2026");
  const fs::path store = dir / "store";
  auto imp = test::import_real_2026_store(store);
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  auto c = test::run_command(test::cli() + " check " + shell_quote(r / "certs/qualified/AT-Neelie-Kroes-c5f8b3af.pem") +
                             " --snapshot current --store " + shell_quote(store) + " --at " + test::kReal2026At +
                             " --for qes --evidence " + shell_quote(dir / "rec.json") + " 2>&1");
  ASSERT_NE(c.exit_code, 2) << c.out;
  const json rec = json::parse(test::read_text(dir / "rec.json"));
  std::map<std::string, std::string> source_of;  // anchor digest -> row source
  for (const auto& row : rec["evidence_matrix"]) {
    if (row["kind"] == "official-journal-anchor") {
      source_of[row["sha256"]] = row["source"];
    }
  }
  const std::set<std::string> notice2019 = pem_digests(r / "oj/oj-C276-2019-lotl-signers.pem", dir / "oj2019");
  const std::set<std::string> notice2026 = pem_digests(test::source_dir() / "oj/oj-C2026-1944-lotl-signers.pem",
                                                       dir / "oj2026");
  ASSERT_FALSE(notice2026.empty());
  for (const auto& [digest, source] : source_of) {
    const bool in2019 = notice2019.count(digest) != 0;
    const bool in2026 = notice2026.count(digest) != 0;
    EXPECT_TRUE(in2019 || in2026) << digest;
    EXPECT_EQ(source.find("OJ C 276/2019") != std::string::npos, in2019) << digest << ": " << source;
    EXPECT_EQ(source.find("OJ C/2026/1944") != std::string::npos, in2026) << digest << ": " << source;
  }
  EXPECT_EQ(source_of.size(), rec["lotl_anchors"].size());
  auto h = test::run_command(test::cli() + " evidence report " + shell_quote(dir / "rec.json") + " --store " + shell_quote(store) +
                             " -o " + shell_quote(dir / "report.html") + " 2>&1");
  ASSERT_EQ(h.exit_code, 0) << h.out;
  const std::string html = test::read_text(dir / "report.html");
  const auto chain = html.find("<span class=\"what\">Official Journal</span>");
  ASSERT_NE(chain, std::string::npos);
  const std::string first_link = html.substr(chain, html.find("</li>", chain) - chain);
  EXPECT_THAT(first_link, ::testing::HasSubstr("Official Journal notice OJ C/2026/1944"));
  EXPECT_THAT(first_link, ::testing::HasSubstr("signed EU sequence 390"));
  EXPECT_THAT(first_link, ::testing::Not(::testing::HasSubstr("276/2019")));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl::cli
