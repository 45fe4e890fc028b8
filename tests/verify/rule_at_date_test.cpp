#include "tests/verify/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::date;

TEST(RuleAtDate, KeepsThePeriodInForce) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})});
  Trace trace;
  auto at = filter_at_date(bed.candidates, date(2020, 1, 1), "T", trace);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kGranted);
  at = filter_at_date(bed.candidates, date(2023, 1, 1), "T", trace);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kWithdrawn);
}

TEST(RuleAtDate, AtTheChangeInstantTheNewerPeriodWins) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})});
  Trace trace;
  auto at = filter_at_date(bed.candidates, date(2022, 1, 1), "T", trace);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kWithdrawn);
}

TEST(RuleAtDate, BeforeTheFirstPeriodNothingRemains) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))});
  Trace trace;
  EXPECT_TRUE(filter_at_date(bed.candidates, date(2016, 1, 1), "T", trace).empty());
  EXPECT_TRUE(trace.has("AT-DATE", Outcome::kIndeterminate));
}

}  // namespace
}  // namespace eutl::verify::detail
