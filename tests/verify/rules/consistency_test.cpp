#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleConsistency, QcStatementWithNotQualifiedIsInconsistent) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcStatement);
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kNotQualified);
  Trace trace;
  Consistency c = check_consistency(test::RuleCtx(trace), bed.candidates[0]).value;
  EXPECT_FALSE(c.qc);
  EXPECT_TRUE(c.qscd);
  EXPECT_TRUE(trace.has("CONSISTENCY", Outcome::kWarning));
}

TEST(RuleConsistency, WithAndNoQscdIsInconsistent) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcQscdManagedOnBehalf);
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcNoQscd);
  Trace trace;
  EXPECT_FALSE(check_consistency(test::RuleCtx(trace), bed.candidates[0]).value.qscd);
}

TEST(RuleConsistency, PreEidasGrantedStatusIsInconsistent) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2015, 1, 1)))});
  Trace trace;
  EXPECT_FALSE(check_consistency(test::RuleCtx(trace), bed.candidates[0]).value.pre_eidas_status);
}

TEST(RuleConsistency, PlainGrantedPeriodIsConsistent) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForeSignatures"}))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESig);
  Trace trace;
  Consistency c = check_consistency(test::RuleCtx(trace), bed.candidates[0]).value;
  EXPECT_TRUE(c.qc && c.type && c.qscd && c.pre_eidas_status);
  EXPECT_TRUE(trace.empty());
}

}  // namespace
}  // namespace eutl::verify::detail
