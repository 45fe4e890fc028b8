#include "tests/verify/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::date;

struct Row {
  const char* status;
  tsl::TimePoint start;
  bool acceptable;
};

TEST(RuleGrantedStatus, AcceptableStatusDependsOnThePeriodEra) {
  const Row rows[] = {{"granted", date(2017, 1, 1), true},           {"withdrawn", date(2017, 1, 1), false},
                      {"accredited", date(2017, 1, 1), false},       {"accredited", date(2012, 1, 1), true},
                      {"undersupervision", date(2012, 1, 1), true},  {"supervisionincessation", date(2012, 1, 1), true},
                      {"setbynationallaw", date(2012, 1, 1), false}, {"supervisionceased", date(2012, 1, 1), false},
                      {"recognisedatnationallevel", date(2017, 1, 1), false}};
  for (const Row& r : rows) {
    test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", r.status, r.start))});
    EXPECT_EQ(status_acceptable(bed.candidates[0]), r.acceptable) << r.status;
  }
}

TEST(RuleGrantedStatus, FilterRejectsNonCaQcEvenWhenGranted) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/PKC", "granted", date(2017, 1, 1)))});
  Trace trace;
  EXPECT_TRUE(filter_granted(bed.candidates, "T", trace).empty());
  EXPECT_TRUE(trace.has("GRANTED-STATUS", Outcome::kFail));
}

}  // namespace
}  // namespace eutl::verify::detail
