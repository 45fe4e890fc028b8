#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

QualificationAtTime wsa(bool qualified) {
  QualificationAtTime r;
  r.status = qualified ? QualStatus::kQualified : QualStatus::kNotQualified;
  r.qualified = qualified ? Tri::kTrue : Tri::kFalse;
  r.type = CertType::kWsa;
  return r;
}

TEST(RuleQwac, OneQwacNeedsContentPolicyAndList) {
  auto cert = test::ee({.policies = "0.4.0.194112.1.4", .qc = {test::qc_compliance(), test::qc_type({"0.4.0.1862.1.6.3"})}});
  Trace trace;
  EXPECT_EQ(check_qwac(test::RuleCtx(trace, cert), wsa(true)).outcome, Outcome::kPass);
  EXPECT_EQ(check_qwac(test::RuleCtx(trace, cert), wsa(false)).outcome, Outcome::kFail);
}

TEST(RuleQwac, TwoQwacNeedsTlsBindingEku) {
  auto cert = test::ee({.policies = "0.4.0.194112.1.6", .ekus = "0.4.0.194115.1.0"});
  Trace trace;
  EXPECT_EQ(check_qwac(test::RuleCtx(trace, cert), wsa(true)).outcome, Outcome::kPass);
  auto no_eku = test::ee({.policies = "0.4.0.194112.1.6"});
  EXPECT_EQ(check_qwac(test::RuleCtx(trace, no_eku), wsa(true)).outcome, Outcome::kFail);
}

struct MissingCase final {
  const char* name;
  const char* policies;
  const char* missing;  // the rule's `why`
};

// Without QcCompliance the rule names what is missing; a Part 1 policy alone (OVCP) is
// called so, but not next to a Part 2 policy (QNCP-w), where that wording would mislead.
TEST(RuleQwac, NamesWhatIsMissing) {
  const MissingCase cases[] = {
      {"Part1OvcpIsNotAQwac", "0.4.0.2042.1.7",
       "QcCompliance statement (EN 319 411-1 OVCP: Part 1 policy, not a qualified certificate)"},
      {"Part2PolicyWithoutQcComplianceIsNotCalledPart1", "0.4.0.194112.1.5,0.4.0.2042.1.7", "QcCompliance statement"},
  };
  for (const MissingCase& tc : cases) {
    auto cert = test::ee({.policies = tc.policies, .ekus = "1.3.6.1.5.5.7.3.1"});
    Trace trace;
    auto r = check_qwac(test::RuleCtx(trace, cert), wsa(true));
    EXPECT_EQ(r.outcome, Outcome::kFail) << tc.name;
    EXPECT_EQ(r.why, tc.missing) << tc.name;
  }
}

}  // namespace
}  // namespace eutl::verify::detail
