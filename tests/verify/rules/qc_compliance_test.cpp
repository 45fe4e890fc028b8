#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleQcCompliance, PassesWithQcCompliance) {
  auto cert = test::ee({.qc = {test::qc_compliance()}});
  Trace trace;
  EXPECT_EQ(check_qc_compliance(test::RuleCtx(trace, cert)).outcome, Outcome::kPass);
}

TEST(RuleQcCompliance, FailsWhenStatementAbsent) {
  Trace trace;
  EXPECT_EQ(check_qc_compliance(test::RuleCtx(trace, test::ee({}))).outcome, Outcome::kFail);
}

TEST(RuleQcCompliance, FailsWithQcCcLegislation) {
  auto cert = test::ee({.qc = {test::qc_compliance(), test::qc_statement("0.4.0.1862.1.7",
                                                               test::der_tlv(0x30, test::der_str(0x13, "ZZ")))}});
  Trace trace;
  EXPECT_EQ(check_qc_compliance(test::RuleCtx(trace, cert)).outcome, Outcome::kFail);
}

TEST(RuleQcCompliance, PreEidasQcpPolicyCountsButNotAfterEidas) {
  auto old = test::ee({.not_before = test::date(2014, 1, 1), .policies = "0.4.0.1456.1.2"});
  auto recent = test::ee({.policies = "0.4.0.1456.1.2"});
  EXPECT_TRUE(qc_by_content(make_facts(old)));
  EXPECT_FALSE(qc_by_content(make_facts(recent)));
}

}  // namespace
}  // namespace eutl::verify::detail
