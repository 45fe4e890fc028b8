// The EN 319 411-1/-2 crosswalk: which profile a certificate carries and, for a
// qualified profile, which piece of trusted-list evidence is missing.
#include <gtest/gtest.h>

#include "evidence/json.h"
#include "eutl/verify/policy_profile.h"

namespace eutl::evidence::detail {
namespace {

verify::CertificateProfile with_policy(verify::PolicyProfile p) {
  verify::CertificateProfile c;
  c.policies.emplace_back(verify::policy_oid(p));
  return c;
}

verify::QualificationResult qualified(verify::CertType type, verify::Tri qscd, std::vector<std::string> asi) {
  verify::QualificationResult r;
  r.overall.status = verify::QualStatus::kQualified;
  r.overall.qualified = verify::Tri::kTrue;
  r.overall.type = type;
  r.overall.qscd = qscd;
  r.overall.service = verify::ServiceUse{};
  r.overall.service->additional_information = std::move(asi);
  return r;
}

struct Case {
  const char* name;
  verify::PolicyProfile profile;
  verify::CertType tl_type;
  verify::Tri qscd;
  std::vector<std::string> asi;
  bool backed;
  const char* missing_contains;  // "" when backed
};

TEST(EvidenceCrosswalk, Part2ProfilesAreCheckedAgainstTheTrustedList) {
  using P = verify::PolicyProfile;
  using T = verify::CertType;
  const Case kCases[] = {
      {"qncp-w without WSA entry", P::kQncpW, T::kESig, verify::Tri::kFalse, {"ForeSignatures"}, false,
       "Part 2 policy QNCP-w present, but the issuing CA's service has no ForWebSiteAuthentication entry"},
      {"qevcp-w backed", P::kQevcpW, T::kWsa, verify::Tri::kFalse, {"ForWebSiteAuthentication"}, true, ""},
      {"qcp-n-qscd without qscd", P::kQcpNQscd, T::kESig, verify::Tri::kFalse, {"ForeSignatures"}, false,
       "requires a QSCD"},
      {"qcp-n-qscd backed", P::kQcpNQscd, T::kESig, verify::Tri::kTrue, {}, true, ""},
      {"qcp-l typed esig", P::kQcpL, T::kESig, verify::Tri::kFalse, {}, false, "the policy is for eseal"},
  };
  for (const Case& c : kCases) {
    const json cw = crosswalk_json(with_policy(c.profile), qualified(c.tl_type, c.qscd, c.asi));
    ASSERT_EQ(cw.size(), 1u) << c.name;
    EXPECT_EQ(cw[0]["standard"], "EN 319 411-2") << c.name;
    EXPECT_EQ(cw[0]["qualified_profile"], true) << c.name;
    EXPECT_EQ(cw[0]["backed_by_tl"], c.backed) << c.name;
    if (c.backed) {
      EXPECT_TRUE(cw[0]["missing"].is_null()) << c.name;
    } else {
      ASSERT_TRUE(cw[0]["missing"].is_string()) << c.name;
      EXPECT_NE(cw[0]["missing"].get<std::string>().find(c.missing_contains), std::string::npos)
          << c.name << ": " << cw[0]["missing"];
    }
  }
}

TEST(EvidenceCrosswalk, ATs101456PolicyIsNotCalledPart2) {
  const json cw = crosswalk_json(with_policy(verify::PolicyProfile::kQcpPlus),
                                 qualified(verify::CertType::kESig, verify::Tri::kFalse, {"ForeSeals"}));
  ASSERT_EQ(cw.size(), 1u);
  EXPECT_EQ(cw[0]["standard"], "TS 101 456");
  EXPECT_EQ(cw[0]["missing"], "TS 101 456 qualified policy QCP+ present, but the issuing CA's service has no "
                              "ForeSignatures entry");
  EXPECT_EQ(cw[0]["note"], cw[0]["missing"]);
}

TEST(EvidenceCrosswalk, NoServiceIsTheMissingPiece) {
  verify::QualificationResult r;
  r.overall.status = verify::QualStatus::kIndeterminate;
  r.overall.reason = "no trusted service issued it";
  const json cw = crosswalk_json(with_policy(verify::PolicyProfile::kQcpN), r);
  ASSERT_EQ(cw.size(), 1u);
  EXPECT_EQ(cw[0]["backed_by_tl"], false);
  EXPECT_NE(cw[0]["missing"].get<std::string>().find("no trusted-list service"), std::string::npos);
}

TEST(EvidenceCrosswalk, Part1ProfileMakesNoQualifiedClaim) {
  const json cw = crosswalk_json(with_policy(verify::PolicyProfile::kOvcp), verify::QualificationResult{});
  ASSERT_EQ(cw.size(), 1u);
  EXPECT_EQ(cw[0]["standard"], "EN 319 411-1");
  EXPECT_EQ(cw[0]["qualified_profile"], false);
  EXPECT_TRUE(cw[0]["backed_by_tl"].is_null());
}

}  // namespace
}  // namespace eutl::evidence::detail
