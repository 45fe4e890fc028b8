#include "tests/verify/rules/rule_test_support.h"

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
    EXPECT_EQ(status_granted(*bed.candidates[0].period), r.acceptable) << r.status;
    EXPECT_EQ(is_granted_ca_qc(*bed.candidates[0].period), r.acceptable) << r.status;
  }
}

TEST(RuleGrantedStatus, FilterRejectsNonCaQcEvenWhenGranted) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/PKC", "granted", date(2017, 1, 1)))});
  Trace trace;
  EXPECT_TRUE(filter_granted(test::RuleCtx(trace), bed.candidates).value.empty());
  EXPECT_TRUE(trace.has("GRANTED-STATUS", Outcome::kFail));
}

TEST(RuleGrantedStatus, GrantedCaQcNeedsAUsableEntry) {
  tsl::ServiceState s = test::state("CA/QC", "granted", date(2017, 1, 1));
  s.extensions.unknown.push_back({"{urn:x}Ext", true, 0});
  test::RuleBed bed({test::service(test::rule_ca(), s)});
  EXPECT_TRUE(status_granted(*bed.candidates[0].period));
  EXPECT_FALSE(is_granted_ca_qc(*bed.candidates[0].period));
}

}  // namespace
}  // namespace eutl::verify::detail
