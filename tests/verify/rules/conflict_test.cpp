#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleConflict, DifferentResultsAreAConflict) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1))),
                     test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  EXPECT_EQ(check_conflict(test::RuleCtx(trace), bed.candidates,
                           {{Tri::kTrue, CertType::kESig, Tri::kTrue}, {Tri::kTrue, CertType::kESig, Tri::kFalse}})
                .outcome,
            Outcome::kIndeterminate);
  EXPECT_TRUE(trace.has("CONFLICT", Outcome::kIndeterminate));
}

TEST(RuleConflict, EqualResultsAgree) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1))),
                     test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  EntryResult r{Tri::kTrue, CertType::kESig, Tri::kTrue};
  EXPECT_EQ(check_conflict(test::RuleCtx(trace), bed.candidates, {r, r}).outcome, Outcome::kPass);
}

}  // namespace
}  // namespace eutl::verify::detail
