// Which failed trace entries decide nothing for the claim: table-driven, each rule of
// evidence/rule_applicability.h with a claim it applies to and one it does not, and
// the report showing the reason instead of a red "fail".
#include "evidence/rule_applicability.h"

#include <gtest/gtest.h>

#include "eutl/evidence/evidence.h"

namespace eutl::evidence::detail {
namespace {

json record_with(const char* claim, const char* rule, const char* outcome) {
  json rec = json::object();
  rec["results"] = {{"claim", claim ? json{{"claim", claim}, {"verdict", "confirmed"}} : json()}};
  rec["trace"] = json::array({{{"rule", rule}, {"outcome", outcome}, {"subject", "at T"}, {"detail", "d"},
                               {"clause", "c"}}});
  return rec;
}

struct ApplicabilityCase {
  const char* claim;  // nullptr: no claim
  const char* rule;
  const char* outcome;
  bool not_applicable;
};

TEST(RuleApplicability, OnlyFailuresTheClaimDoesNotAskAboutAreNeutral) {
  const ApplicabilityCase cases[] = {
      // QSCD: decides QES, qualified seals, -qscd policies and QCP+ only.
      {"qwac", "QSCD", "fail", true},
      {"qc-esig", "QSCD", "fail", true},
      {"QCP-n", "QSCD", "fail", true},
      {nullptr, "QSCD", "fail", true},
      {"qes", "QSCD", "fail", false},
      {"qseal", "QSCD", "fail", false},
      {"QCP-l-qscd", "QSCD", "fail", false},
      {"QCP+", "QSCD", "fail", false},
      // CRITERIA-LIST: a Qualification element that does not select the certificate never decides.
      {"qes", "CRITERIA-LIST", "fail", true},
      {nullptr, "CRITERIA-LIST", "fail", true},
      // QWAC: decides website-authentication claims only.
      {"qes", "QWAC", "fail", true},
      {nullptr, "QWAC", "fail", true},
      {"qwac", "QWAC", "fail", false},
      {"QNCP-w-gen", "QWAC", "fail", false},
      {"QCP-w", "QWAC", "fail", false},
      // Everything else keeps its outcome, and only a "fail" is ever restated.
      {"qwac", "GRANTED-STATUS", "fail", false},
      {"qwac", "CERT-VALIDITY", "fail", false},
      {nullptr, "CLAIM", "fail", false},
      {"qwac", "QSCD", "pass", false},
      {"qes", "QWAC", "indeterminate", false},
  };
  for (const ApplicabilityCase& c : cases) {
    const json rec = record_with(c.claim, c.rule, c.outcome);
    const auto why = not_applicable_because(rec, rec["trace"][0]);
    EXPECT_EQ(why.has_value(), c.not_applicable) << (c.claim ? c.claim : "(no claim)") << " " << c.rule << " "
                                                 << c.outcome;
  }
}

TEST(RuleApplicability, TheReasonCitesItsClause) {
  const json qscd = record_with("qwac", "QSCD", "fail");
  EXPECT_NE(not_applicable_because(qscd, qscd["trace"][0])->find("EN 319 412-5"), std::string::npos);
  const json criteria = record_with("qes", "CRITERIA-LIST", "fail");
  EXPECT_NE(not_applicable_because(criteria, criteria["trace"][0])->find("TS 119 612 V2.4.1 §5.5.9.2.1"),
            std::string::npos);
}

TEST(RuleApplicability, NotAnObjectOrNoOutcomeIsLeftAlone) {
  const json rec = record_with("qes", "QWAC", "fail");
  EXPECT_FALSE(not_applicable_because(rec, json("QWAC")));
  EXPECT_FALSE(not_applicable_because(rec, json::object()));
  // A record that is not an object has no claim: read as "no claim", never a throw.
  EXPECT_TRUE(not_applicable_because(json::array(), rec["trace"][0]).has_value());
}

}  // namespace
}  // namespace eutl::evidence::detail
