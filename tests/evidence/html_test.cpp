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

// A record of schema /3 with the pieces the audit-ready sections read.
json audit_record(const std::string& claim, const std::string& type) {
  json rec = minimal_record();
  rec["schema"] = "eutl-evidence/3";
  rec["question"]["at"] = "2036-01-01T00:00:00Z";
  rec["certificate"]["not_before"] = "2024-01-01T00:00:00Z";
  rec["certificate"]["not_after"] = "2035-01-01T00:00:00Z";
  rec["certificate"]["policies"] = json::array({"0.4.0.1456.1.1", "0.4.0.2042.1.7"});
  rec["certificate"]["extended_key_usages"] = json::array({"1.3.6.1.5.5.7.3.1"});
  rec["certificate"]["qc_statements"] = {{"statements", json::array({"0.4.0.1862.1.1", "0.4.0.1862.1.6"})},
                                         {"qc_type", json::array({"web"})}};
  rec["lists"][0]["source"] = "/very/long/path/to/the/lists/tl-AA.xml";
  rec["services"][0]["list"] = 0;
  rec["results"]["overall"]["type"] = type;
  rec["results"]["overall"]["qscd"] = false;
  rec["results"]["overall"]["service"] = {{"ref", 0}, {"period", "history 1"}, {"status", "http://x/Svcstatus/granted"},
                                          {"period_start", "2016-07-01T00:00:00Z"}, {"period_end", nullptr}};
  rec["results"]["claim"] = {{"claim", claim}, {"verdict", "confirmed"}, {"explanation", "e"}};
  rec["trace"] = json::array({{{"rule", "QSCD"}, {"outcome", "fail"}, {"subject", "at T"}, {"detail", "no QSCD"},
                               {"clause", "EN 319 412-5 §4.2.2"}}});
  rec["crosswalk"] = json::array({{{"oid", "0.4.0.1456.1.1"}, {"profile", "QCP+"}, {"standard", "TS 101 456"},
                                   {"qualified_profile", true}, {"backed_by_tl", false},
                                   {"note", "Part 2 policy QCP+ present, but x"}}});
  rec["evidence_matrix"] = json::array(
      {{{"kind", "policy"}, {"source", "certificatePolicies"}, {"claim", "OVCP profile"}, {"artifact", "0.4.0.2042.1.7"},
        {"sha256", nullptr}, {"date", {{"from", nullptr}, {"until", nullptr}, {"evaluated_at", "2036-01-01T00:00:00Z"}}},
        {"standard", "en-319-411-1"}, {"flag", "Part 1 evidence does not prove the qualified claim"}}});
  return rec;
}

TEST(EvidenceHtml, MatrixRowsAreShownAndPartOneEvidenceForAQualifiedClaimIsFlagged) {
  auto html = evidence_html(audit_record("qwac", "wsa").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("id=\"evidence-matrix\""), std::string::npos);
  EXPECT_NE(html->find("<tr class=\"flagged\">"), std::string::npos);
  EXPECT_NE(html->find("<div class=\"flag\">Part 1 evidence does not prove the qualified claim</div>"),
            std::string::npos);
  // A record of an older schema says it has no matrix.
  auto old = evidence_html(minimal_record().dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(old);
  EXPECT_NE(old->find("predates the evidence matrix"), std::string::npos);
}

TEST(EvidenceHtml, QscdIsNotApplicableToAQwacButFailsAQes) {
  auto qwac = evidence_html(audit_record("qwac", "wsa").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(qwac);
  EXPECT_NE(qwac->find("<td class=\"na\">not applicable</td>"), std::string::npos);
  EXPECT_EQ(qwac->find("<td class=\"fail\">fail</td>"), std::string::npos);
  EXPECT_NE(qwac->find("a website certificate needs no QSCD"), std::string::npos);
  auto qes = evidence_html(audit_record("qes", "esig").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(qes);
  EXPECT_NE(qes->find("<td class=\"fail\">fail</td>"), std::string::npos);
  EXPECT_EQ(qes->find("not applicable"), std::string::npos);
}

TEST(EvidenceHtml, AQualificationElementThatDoesNotSelectTheCertificateIsNotAFailure) {
  json rec = audit_record("qes", "esig");
  rec["trace"] = json::array({{{"rule", "CRITERIA-LIST"}, {"outcome", "fail"}, {"subject", "AA/1/1"},
                               {"detail", "Qualification element 1 [QCForESeal] does not match the certificate"},
                               {"clause", "TS 119 612 V2.4.1 §5.5.9.2.1"}}});
  auto html = evidence_html(rec.dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("<td class=\"na\">not applicable</td>"), std::string::npos);
  EXPECT_NE(html->find("Not applicable: the criteria of this Qualification element do not select the certificate"),
            std::string::npos);
  EXPECT_EQ(html->find("<td class=\"fail\">fail</td>"), std::string::npos);
}

TEST(EvidenceHtml, CertificateOidsAreNamedAndTOutsideItsValidityIsNoted) {
  auto html = evidence_html(audit_record("qwac", "wsa").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("QCP+ (0.4.0.1456.1.1)"), std::string::npos);
  EXPECT_NE(html->find("OVCP (0.4.0.2042.1.7)"), std::string::npos);
  EXPECT_NE(html->find("QcCompliance (0.4.0.1862.1.1)"), std::string::npos);
  EXPECT_NE(html->find("serverAuth (1.3.6.1.5.5.7.3.1)"), std::string::npos);
  EXPECT_NE(html->find("id=\"validity-note\""), std::string::npos);
  EXPECT_NE(html->find("the certificate has expired (RFC 5280 §4.1.2.5)"), std::string::npos);
  json in_validity = audit_record("qwac", "wsa");
  in_validity["question"]["at"] = "2025-03-01T00:00:00Z";
  EXPECT_EQ(evidence_html(in_validity.dump(), RecordProvenance::kJustMade)->find("validity-note"), std::string::npos);
}

TEST(EvidenceHtml, LegacyQcpPlusIsNotLabelledPartTwoAndServicePeriodsHaveHumanLabels) {
  auto html = evidence_html(audit_record("qwac", "wsa").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->find("Part 2 policy QCP+"), std::string::npos);
  EXPECT_NE(html->find("TS 101 456 qualified policy QCP+"), std::string::npos);
  EXPECT_NE(html->find("yes (TS 101 456, pre-eIDAS)"), std::string::npos);
  EXPECT_EQ(html->find("service #0"), std::string::npos);
  EXPECT_NE(html->find("history instance 2"), std::string::npos);
  EXPECT_NE(html->find("<strong>Svc &lt;1&gt;</strong> (T, AA list sequence"), std::string::npos);
}

TEST(EvidenceHtml, ListTableIsCollapsedWithShortNamesAndFullPathsOnHover) {
  auto html = evidence_html(audit_record("qwac", "wsa").dump(), RecordProvenance::kJustMade);
  ASSERT_TRUE(html);
  const auto details = html->find("<details id=\"all-lists\">");
  ASSERT_NE(details, std::string::npos);
  const auto path = html->find("<span class=\"path\" title=\"/very/long/path/to/the/lists/tl-AA.xml\">tl-AA.xml</span>",
                               details);
  EXPECT_NE(path, std::string::npos);
  // The list that decided the case is highlighted, in the table and the chain of trust.
  EXPECT_NE(html->find("<tr class=\"decisive\">"), std::string::npos);
  EXPECT_NE(html->find("<li class=\"decisive\""), std::string::npos);
  EXPECT_EQ(html->find("<script"), std::string::npos);
}

}  // namespace
}  // namespace eutl::evidence
