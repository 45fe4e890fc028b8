#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleCaQc, SetsAsideNonCaQcWhenACaQcExists) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/PKC", "granted", test::date(2017, 1, 1))),
                     test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  auto out = filter_ca_qc(test::RuleCtx(trace), bed.candidates).value;
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state().type, tsl::ServiceType::kCaQc);
}

TEST(RuleCaQc, KeepsEverythingWithAWarningWhenNoCaQc) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/PKC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  EXPECT_EQ(filter_ca_qc(test::RuleCtx(trace), bed.candidates).value.size(), 1u);
  EXPECT_TRUE(trace.has("CA-QC", Outcome::kWarning));
}

}  // namespace
}  // namespace eutl::verify::detail
