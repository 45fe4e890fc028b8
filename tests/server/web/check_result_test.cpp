// The result section from real `check --json` output of the fixture certificates,
// and from output whose strings are hostile.
#include "server/web/check_result.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_paths.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using nlohmann::json;

json check_json(const std::string& cert, const std::string& claim) {
  const auto f = eutl::test::fixtures();
  const std::string cmd = eutl::test::cli() + " check '" + (f / "certs" / (cert + ".pem")).string() + "' --lists '" +
                          (f / "lists").string() + "' --lotl-signers '" + (f / "pki/oj-anchors.pem").string() +
                          "' --at 2025-03-01T00:00:00Z --json" + (claim.empty() ? "" : " --for " + claim) + " 2>/dev/null";
  const auto r = eutl::test::run_command(cmd);
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

using ::eutl::test::contains;

TEST(CheckResult, AConfirmedQwacClaim) {
  const json d = check_json("qwac", "qwac");
  EXPECT_EQ(verdict_word(d), "confirmed");
  const std::string html = render_check_result(d, std::string(64, 'a'));
  EXPECT_TRUE(contains(html, "class=\"verdict good\" id=\"verdict\" data-verdict=\"confirmed\"")) << html;
  EXPECT_TRUE(contains(html, "<p class=\"v\">Confirmed</p>"));
  EXPECT_TRUE(contains(html, "Claim <code>qwac</code> (a QWAC): qualified at issuance and at time T.</p>")) << html;
  EXPECT_TRUE(contains(html, "<td id=\"r-type\">wsa: website authentication (eIDAS Art. 3(39))</td>"));
  EXPECT_TRUE(contains(html, "<td id=\"r-qscd\">no</td>"));
  EXPECT_TRUE(contains(html, "<code>BB/1/1</code> Beta Certification — Beta Qualified Website CA"));
  EXPECT_TRUE(contains(html, "CN=qwac.example.test"));
  EXPECT_TRUE(contains(html, "Rule trace ("));
  EXPECT_TRUE(contains(html, "<code>ISSUER-KEY</code>"));
  EXPECT_TRUE(contains(html, "<a id=\"report-link\" href=\"/v1/evidence/" + std::string(64, 'a') + "/report\">"));
  EXPECT_TRUE(contains(html, "<a id=\"record-link\" href=\"/v1/evidence/" + std::string(64, 'a') +
                            "\" download=\"eutl-evidence-aaaaaaaaaaaaaaaa.json\">"));
}

TEST(CheckResult, ARefutedClaimSaysWhatFails) {
  const json d = check_json("qwac", "qes");
  EXPECT_EQ(verdict_word(d), "refuted");
  const std::string html = render_check_result(d, "");
  EXPECT_TRUE(contains(html, "class=\"verdict bad\""));
  EXPECT_TRUE(contains(html, "What fails the claim:"));
  EXPECT_FALSE(contains(html, "report-link")) << "no record, no links";
}

TEST(CheckResult, WithoutAClaimTheOverallStatusIsTheVerdict) {
  const json qualified = check_json("qes-natural", "");
  EXPECT_EQ(verdict_word(qualified), "qualified");
  EXPECT_TRUE(contains(render_check_result(qualified, ""), "<td id=\"r-claim\"><span class=\"na\">none asked</span>"));
  const json plain = check_json("pkc-plain", "");
  EXPECT_EQ(verdict_word(plain), "not_qualified");
  EXPECT_TRUE(contains(render_check_result(plain, ""), "<p class=\"v\">Not qualified</p>"));
  EXPECT_EQ(verdict_word(json::object()), "indeterminate");
}

TEST(CheckResult, HostileStringsAreEscapedEverywhere) {
  json d = check_json("qwac", "qwac");
  const std::string evil = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;";
  d["overall"]["service"]["tsp"] = evil;
  d["overall"]["service"]["service_name"] = evil;
  d["overall"]["service"]["id"] = evil;
  d["overall"]["reason"] = evil;
  d["at_time"]["reason"] = evil;
  d["certificate"]["subject"] = evil;
  d["claim_explanation"] = evil;
  d["failing_part"] = evil;
  d["warnings"] = json::array({evil});
  d["trace"][0]["detail"] = evil;
  d["trace"][0]["outcome"] = evil;
  const std::string html = render_check_result(d, evil);
  EXPECT_FALSE(contains(html, "<script>"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "\"'>"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(html, "&amp;amp;"));
}

TEST(CheckResult, ToleratesMissingAndOddlyTypedMembers) {
  const json d = json::parse(R"({"claim":"qwac","verdict":7,"overall":{"qscd":null,"service":"x"},"trace":{},
                                 "warnings":[{"code":"w"}]})");
  const std::string html = render_check_result(d, "");
  EXPECT_TRUE(contains(html, "data-verdict=\"indeterminate\""));
  EXPECT_TRUE(contains(html, "<td id=\"r-qscd\">unknown</td>"));
  EXPECT_TRUE(contains(html, "{&quot;code&quot;:&quot;w&quot;}"));
}

}  // namespace
}  // namespace eutl::server::web
