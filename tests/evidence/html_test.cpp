// The HTML report: self-contained, verdict first, every value escaped.
#include <gtest/gtest.h>

#include "evidence/html.h"
#include "eutl/evidence/evidence.h"

namespace eutl::evidence {
namespace {

using detail::json;

json minimal_record() {
  return {{"schema", "eutl-evidence/1"},
          {"verdict", "qualified"},
          {"question", {{"at", "2025-03-01T00:00:00Z"}, {"claim", nullptr}, {"lists_verified_at", "2025-03-01T00:00:00Z"}}},
          {"certificate", {{"subject", "CN=<script>alert(1)</script>,O=A&B"}, {"sha256", "ab"}}},
          {"lists", json::array({{{"territory", "AA"}, {"sequence_number", 7}, {"source", "x\"><img src=y>"},
                                  {"role", "tl"}, {"sha256", "cd"}, {"indexed", true}}})},
          {"services", json::array({{{"territory", "AA"}, {"tsp", "T"}, {"service_name", "Svc <1>"},
                                     {"history", json::array({{{"period", "current"}, {"status_short", "granted"},
                                                               {"start", "2016-07-01T00:00:00Z"}, {"end", nullptr},
                                                               {"applied_at", json::array({"T"})}}})}}})},
          {"results", {{"overall", {{"status", "qualified"}, {"reason", "r"}}}, {"claim", nullptr}}},
          {"trace", json::array()}};
}

TEST(EvidenceHtml, EscapesEveryValue) {
  auto html = evidence_html(minimal_record().dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_EQ(html->find("<img"), std::string::npos);
  EXPECT_NE(html->find("CN=&lt;script&gt;alert(1)&lt;/script&gt;,O=A&amp;B"), std::string::npos);
  EXPECT_NE(html->find("Svc &lt;1&gt;"), std::string::npos);
}

TEST(EvidenceHtml, IsSelfContainedAndPutsTheVerdictFirst) {
  auto html = evidence_html(minimal_record().dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->find("http://"), std::string::npos);
  EXPECT_EQ(html->find("https://"), std::string::npos);
  EXPECT_EQ(html->find("<link"), std::string::npos);
  EXPECT_NE(html->find("@media print"), std::string::npos);
  const auto verdict = html->find("Verdict: qualified");
  ASSERT_NE(verdict, std::string::npos);
  EXPECT_LT(verdict, html->find("<h2>Certificate"));
}

TEST(EvidenceHtml, RejectsWhatIsNotAnEvidenceRecord) {
  const char* not_records[] = {"{not json", "{}", "[]", R"({"schema": "eutl-evidence/0", "verdict": "qualified"})",
                               // the shape of `eutl check --json` output
                               R"({"certificate": {"subject": "CN=x"}, "results": {"overall": {"status": "qualified"}}})"};
  for (const char* text : not_records) {
    for (auto p : {RecordProvenance::kJustMade, RecordProvenance::kReVerified, RecordProvenance::kUnverified}) {
      auto html = evidence_html(text, p);
      ASSERT_FALSE(html) << text;
      EXPECT_EQ(html.error().code, Errc::kMalformed);
    }
  }
}

TEST(EvidenceHtml, UnverifiedRecordCarriesAVisibleBannerBeforeTheVerdict) {
  auto html = evidence_html(minimal_record().dump(), RecordProvenance::kUnverified);
  ASSERT_TRUE(html);
  const auto banner = html->find("Not verified");
  ASSERT_NE(banner, std::string::npos);
  EXPECT_LT(banner, html->find("Verdict: qualified"));
  EXPECT_NE(html->find("--unverified"), std::string::npos);
  for (auto p : {RecordProvenance::kJustMade, RecordProvenance::kReVerified}) {
    auto other = evidence_html(minimal_record().dump(), p);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->find("Not verified"), std::string::npos);
  }
  EXPECT_NE(evidence_html(minimal_record().dump(), RecordProvenance::kReVerified)->find("Re-verified"),
            std::string::npos);
}

TEST(EvidenceHtml, UnverifiedBannerNamesARepeatedKey) {
  std::string text = minimal_record().dump();
  text.insert(1, R"("verdict": "refuted", )");
  auto html = evidence_html(text, RecordProvenance::kUnverified);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("repeats the key <code>verdict</code>"), std::string::npos);
}

}  // namespace
}  // namespace eutl::evidence
