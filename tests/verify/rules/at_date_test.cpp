#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::date;

TEST(RuleAtDate, KeepsThePeriodInForce) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})});
  Trace trace;
  auto at = filter_at_date(test::RuleCtx(trace), bed.candidates, date(2020, 1, 1)).value;
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kGranted);
  at = filter_at_date(test::RuleCtx(trace), bed.candidates, date(2023, 1, 1)).value;
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kWithdrawn);
}

TEST(RuleAtDate, AtTheChangeInstantTheNewerPeriodWins) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})});
  Trace trace;
  auto at = filter_at_date(test::RuleCtx(trace), bed.candidates, date(2022, 1, 1)).value;
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].state().status, tsl::ServiceStatus::kWithdrawn);
}

TEST(RuleAtDate, BeforeTheFirstPeriodNothingRemains) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))});
  Trace trace;
  EXPECT_TRUE(filter_at_date(test::RuleCtx(trace), bed.candidates, date(2016, 1, 1)).value.empty());
  EXPECT_TRUE(trace.has("AT-DATE", Outcome::kIndeterminate));
}

// period_at (used by `eutl export` and `eutl list`) answers the same for one service.
TEST(RuleAtDate, PeriodAtAgreesWithTheFilter) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})});
  const tsl::IndexedService& svc = bed.index.service(0);
  Trace trace;
  for (tsl::TimePoint t : {date(2016, 1, 1), date(2020, 1, 1), date(2022, 1, 1), date(2023, 1, 1)}) {
    auto kept = filter_at_date(test::RuleCtx(trace), bed.candidates, t).value;
    const tsl::ServicePeriod* p = period_at(svc, t);
    ASSERT_EQ(kept.size(), p == nullptr ? 0u : 1u) << tsl::format_time(t);
    if (p != nullptr) {
      EXPECT_EQ(kept[0].period, p) << tsl::format_time(t);
    }
  }
  EXPECT_EQ(period_at(svc, date(2016, 1, 1)), nullptr);
  EXPECT_EQ(period_at(svc, date(2022, 1, 1))->state->status, tsl::ServiceStatus::kWithdrawn);
}

}  // namespace
}  // namespace eutl::verify::detail
