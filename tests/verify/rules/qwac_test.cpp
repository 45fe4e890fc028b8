#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

const tsl::Bytes kCompliance = test::qc_statement("0.4.0.1862.1.1");

QualificationAtTime wsa(bool qualified) {
  QualificationAtTime r;
  r.status = qualified ? QualStatus::kQualified : QualStatus::kNotQualified;
  r.qualified = qualified ? Tri::kTrue : Tri::kFalse;
  r.type = CertType::kWsa;
  return r;
}

TEST(RuleQwac, OneQwacNeedsContentPolicyAndList) {
  auto cert = test::ee({.policies = "0.4.0.194112.1.4", .qc = {kCompliance, test::qc_type({"0.4.0.1862.1.6.3"})}});
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

TEST(RuleQwac, Part1OvcpIsNotAQwac) {
  auto cert = test::ee({.policies = "0.4.0.2042.1.7", .ekus = "1.3.6.1.5.5.7.3.1"});
  Trace trace;
  auto r = check_qwac(test::RuleCtx(trace, cert), wsa(true));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.why, "QcCompliance statement (EN 319 411-1 OVCP: Part 1 policy, not a qualified certificate)");
}

TEST(RuleQwac, Part2PolicyWithoutQcComplianceIsNotCalledPart1) {
  // QNCP-w (EN 319 411-2) plus OVCP: the Part 2 policy means the Part 1 wording would mislead.
  auto cert = test::ee({.policies = "0.4.0.194112.1.5,0.4.0.2042.1.7", .ekus = "1.3.6.1.5.5.7.3.1"});
  Trace trace;
  auto r = check_qwac(test::RuleCtx(trace, cert), wsa(true));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.why, "QcCompliance statement");
}

}  // namespace
}  // namespace eutl::verify::detail
