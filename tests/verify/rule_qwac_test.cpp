#include "tests/verify/rule_test_support.h"

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
  std::string missing;
  Trace trace;
  EXPECT_EQ(check_qwac(cert, wsa(true), missing, trace), Outcome::kPass);
  EXPECT_EQ(check_qwac(cert, wsa(false), missing, trace), Outcome::kFail);
}

TEST(RuleQwac, TwoQwacNeedsTlsBindingEku) {
  auto cert = test::ee({.policies = "0.4.0.194112.1.6", .ekus = "0.4.0.194115.1.0"});
  std::string missing;
  Trace trace;
  EXPECT_EQ(check_qwac(cert, wsa(true), missing, trace), Outcome::kPass);
  auto no_eku = test::ee({.policies = "0.4.0.194112.1.6"});
  EXPECT_EQ(check_qwac(no_eku, wsa(true), missing, trace), Outcome::kFail);
}

TEST(RuleQwac, Part1OvcpIsNotAQwac) {
  auto cert = test::ee({.policies = "0.4.0.2042.1.7", .ekus = "1.3.6.1.5.5.7.3.1"});
  std::string missing;
  Trace trace;
  EXPECT_EQ(check_qwac(cert, wsa(true), missing, trace), Outcome::kFail);
  EXPECT_EQ(missing, "QcCompliance statement (EN 319 411-1 OVCP: Part 1 policy, not a qualified certificate)");
}

TEST(RuleQwac, Part2PolicyWithoutQcComplianceIsNotCalledPart1) {
  // QNCP-w (EN 319 411-2) plus OVCP: the Part 2 policy means the Part 1 wording would mislead.
  auto cert = test::ee({.policies = "0.4.0.194112.1.5,0.4.0.2042.1.7", .ekus = "1.3.6.1.5.5.7.3.1"});
  std::string missing;
  Trace trace;
  EXPECT_EQ(check_qwac(cert, wsa(true), missing, trace), Outcome::kFail);
  EXPECT_EQ(missing, "QcCompliance statement");
}

}  // namespace
}  // namespace eutl::verify::detail
