// eutl list / show-service against the generated fixture lists. Expected counts and
// names come from the lists themselves through xmllint XPath and from MANIFEST.txt.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/product_cli_support.h"

namespace eutl::test {
namespace {

using nlohmann::json;

std::string xpath(const std::string& expr, const std::filesystem::path& file) {
  auto r = run_command("xmllint --xpath '" + expr + "' '" + file.string() + "' 2>/dev/null");
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == ' ')) {
    r.out.pop_back();
  }
  return r.out;
}

json list_json(const std::string& extra, int* rc = nullptr) {
  auto r = run_command(cli() + " list --json --quiet" + fixture_list_args() + " " + extra);
  if (rc != nullptr) {
    *rc = r.exit_code;
  }
  return json::parse(r.out, nullptr, false);
}

TEST(CliList, ListsEveryCurrentServiceOfEachTerritory) {
  for (const char* t : {"AA", "BB", "CC"}) {
    const auto tl = fixtures() / "lists" / (std::string("tl-") + t + ".xml");
    const int expected = std::stoi(xpath("count(//*[local-name()=\"TSPService\"])", tl));
    json out = list_json(std::string("--territory ") + t);
    ASSERT_TRUE(out.is_array()) << t;
    EXPECT_EQ(static_cast<int>(out.size()), expected) << t;
    for (const auto& s : out) {
      EXPECT_EQ(s["territory"], t);
    }
  }
}

TEST(CliList, FiltersByTypeStatusAndTspSubstring) {
  // MANIFEST: CC CA/QC granted 2017-01-01..2024-06-01, withdrawn since.
  json withdrawn = list_json("--type CA/QC --status withdrawn");
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_EQ(withdrawn[0]["territory"], "CC");
  const std::string cc_tsp =
      xpath("string(//*[local-name()=\"TSPInformation\"]/*[local-name()=\"TSPName\"]/*[1])", fixtures() / "lists/tl-CC.xml");
  EXPECT_EQ(withdrawn[0]["tsp"], cc_tsp);
  // A lower-case substring of the TSP name finds the same service.
  std::string part = cc_tsp.substr(0, 4);
  std::transform(part.begin(), part.end(), part.begin(), [](unsigned char c) { return std::tolower(c); });
  json by_name = list_json("--tsp " + part + " --type http://uri.etsi.org/TrstSvc/Svctype/CA/QC");
  ASSERT_GE(by_name.size(), 1u);
  EXPECT_EQ(by_name[0]["id"], withdrawn[0]["id"]);
}

TEST(CliList, QualifiedAtAndAsiSelectTheWebsiteCa) {
  // MANIFEST: BB CA/QC granted since 2018-01-01 with ForWebSiteAuthentication; no other CA/QC has it.
  json wsa = list_json("--asi wsa --qualified-at 2025-03-01");
  ASSERT_EQ(wsa.size(), 1u);
  EXPECT_EQ(wsa[0]["territory"], "BB");
  EXPECT_EQ(wsa[0]["type_short"], "CA/QC");
  // Before 2018-01-01 the BB service was not granted.
  EXPECT_TRUE(list_json("--asi wsa --qualified-at 2017-06-01").empty());
  // CC was granted until 2024-06-01.
  json cc_2024 = list_json("--territory CC --qualified-at 2024-01-01");
  json cc_2025 = list_json("--territory CC --qualified-at 2025-03-01");
  EXPECT_EQ(cc_2024.size(), 1u);
  EXPECT_TRUE(cc_2025.empty());
}

TEST(CliList, TableOnStdoutAndUsageErrors) {
  auto table = run_command(cli() + " list --quiet" + fixture_list_args() + " --territory BB 2>/dev/null");
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("ID"), std::string::npos);
  EXPECT_NE(table.out.find("BB/1/1"), std::string::npos);
  auto use = run_command(cli() + " list" + fixture_list_args() + " --for nonsense 2>&1");
  EXPECT_EQ(use.exit_code, 2);
  EXPECT_THAT(use.out, ::testing::HasSubstr("eutl: --for: 'nonsense': expected esig, eseal or wsa"));
  auto asi = run_command(cli() + " list" + fixture_list_args() + " --asi nonsense 2>&1");  // the old spelling
  EXPECT_EQ(asi.exit_code, 2);
  EXPECT_THAT(asi.out, ::testing::HasSubstr("eutl: --asi is an old spelling of --for"));
  EXPECT_THAT(asi.out, ::testing::HasSubstr("eutl: --for: 'nonsense': expected esig, eseal or wsa"));
  auto anchors = run_command(cli() + " list --lists /nonexistent --lotl-signers /nonexistent 2>&1");
  EXPECT_EQ(anchors.exit_code, 2);
  EXPECT_THAT(anchors.out, ::testing::HasSubstr("eutl: --lotl-signers: /nonexistent: cannot open the anchors file"));
}

TEST(CliShowService, PrintsTheHistoryTimeline) {
  // MANIFEST: AA CA/QC granted since 2016-07-01 (accredited 2010-01-01..2016-07-01).
  json aa = list_json("--territory AA --type CA/QC --status granted --qualified-at 2012-01-01");
  ASSERT_EQ(aa.size(), 1u);
  const std::string id = aa[0]["id"];
  auto r = run_command(cli() + " show-service " + id + " --json --quiet" + fixture_list_args());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  json s = json::parse(r.out);
  ASSERT_EQ(s["timeline"].size(), 2u);
  EXPECT_EQ(s["history"], s["timeline"]);  // timeline is its deprecated spelling (docs/json.md)
  EXPECT_EQ(s["schema"], "eutl-show-service/1");
  EXPECT_EQ(s["timeline"][0]["start"], "2016-07-01T00:00:00Z");
  EXPECT_TRUE(s["timeline"][0]["end"].is_null());
  EXPECT_EQ(s["timeline"][1]["start"], "2010-01-01T00:00:00Z");
  EXPECT_EQ(s["timeline"][1]["end"], "2016-07-01T00:00:00Z");
  EXPECT_NE(s["timeline"][1]["status"].get<std::string>().find("accredited"), std::string::npos);
  ASSERT_EQ(s["certificate_details"].size(), 1u);
  EXPECT_EQ(s["certificate_details"][0]["sha256"], openssl_fingerprint(fixtures() / "pki/ca-qc-AA.pem"));
}

TEST(CliShowService, UnknownIdIsExitOneAndBadIdIsUsage) {
  auto unknown = run_command(cli() + " show-service AA/9/9 --quiet" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.out, ::testing::HasSubstr("eutl: no service AA/9/9 in the valid lists (see 'eutl list "
                                                "--territory AA')"));
  auto bad = run_command(cli() + " show-service AA-1-1" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.out, ::testing::HasSubstr("eutl: service ID 'AA-1-1': expected TERRITORY/TSP/SERVICE, e.g. AA/1/2"));
}

}  // namespace
}  // namespace eutl::test
