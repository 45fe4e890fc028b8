#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleQualifierCapture, CapturesOnlyMatchingElements) {
  auto cert = test::ee({.policies = "1.2.3"});
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  s.extensions.qualifications.push_back(test::qualification({"QCNoQSCD"}, test::policy_criteria({"1.2.3"})));
  s.extensions.qualifications.push_back(test::qualification({"NotQualified"}, test::policy_criteria({"9.9"})));
  Trace trace;
  QualifierSet q = capture_qualifiers(test::RuleCtx(trace, cert, "svc"), s).value;
  EXPECT_TRUE(q.has(tsl::Qualifier::kQcNoQscd));
  EXPECT_FALSE(q.has(tsl::Qualifier::kNotQualified));
  EXPECT_TRUE(trace.has("CRITERIA-LIST", Outcome::kFail));
  EXPECT_TRUE(trace.has("QUALIFIER-CAPTURE", Outcome::kPass));
}

TEST(RuleQualifierCapture, NoQualificationsCapturesNothing) {
  Trace trace;
  QualifierSet q = capture_qualifiers(test::RuleCtx(trace, test::plain_ee(), "svc"),
                                      test::state("CA/QC", "granted", test::date(2017, 1, 1)))
                       .value;
  EXPECT_TRUE(q.empty());
  EXPECT_TRUE(trace.empty());
}

}  // namespace
}  // namespace eutl::verify::detail
