#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

QualificationResult result(QualStatus s, CertType t, Tri qscd) {
  QualificationResult r;
  r.overall.status = s;
  r.overall.qualified = s == QualStatus::kQualified ? Tri::kTrue : s == QualStatus::kNotQualified ? Tri::kFalse : Tri::kUnknown;
  r.overall.type = t;
  r.overall.qscd = qscd;
  r.at_issuance = r.overall;
  return r;
}

TEST(RuleClaim, QesNeedsEveryPart) {
  auto cert = test::ee({});
  Trace trace;
  auto qes = *parse_claim("qes");
  EXPECT_EQ(evaluate_claim(test::RuleCtx(trace, cert), qes, result(QualStatus::kQualified, CertType::kESig, Tri::kTrue)).value.verdict,
            Verdict::kConfirmed);
  auto r = evaluate_claim(test::RuleCtx(trace, cert), qes, result(QualStatus::kQualified, CertType::kESig, Tri::kFalse)).value;
  EXPECT_EQ(r.verdict, Verdict::kRefuted);
  EXPECT_EQ(r.failing_part, "qscd");
  r = evaluate_claim(test::RuleCtx(trace, cert), qes, result(QualStatus::kQualified, CertType::kESeal, Tri::kTrue)).value;
  EXPECT_EQ(r.failing_part, "type esig");
  EXPECT_EQ(evaluate_claim(test::RuleCtx(trace, cert), qes, result(QualStatus::kIndeterminate, CertType::kUnknown, Tri::kUnknown)).value
                .verdict,
            Verdict::kIndeterminate);
}

TEST(RuleClaim, PolicyClaimNeedsTheOid) {
  auto cert = test::ee({.policies = "0.4.0.2042.1.7"});
  Trace trace;
  auto ovcp = *parse_claim("OVCP");
  EXPECT_EQ(evaluate_claim(test::RuleCtx(trace, cert), ovcp, result(QualStatus::kNotQualified, CertType::kUnknown, Tri::kFalse)).value
                .verdict,
            Verdict::kConfirmed);
  auto qcp = *parse_claim("QCP-n");
  auto r = evaluate_claim(test::RuleCtx(trace, cert), qcp, result(QualStatus::kQualified, CertType::kESig, Tri::kFalse)).value;
  EXPECT_EQ(r.verdict, Verdict::kRefuted);
  EXPECT_EQ(r.failing_part, "policy QCP-n");
}

TEST(RuleClaim, UnknownClaimIsAUsageError) {
  auto c = parse_claim("qualified-please");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, Errc::kUsage);
}

}  // namespace
}  // namespace eutl::verify::detail
