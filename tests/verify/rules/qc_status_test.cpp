#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleQcStatus, NotQualifiedOverridesTheCertificate) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kNotQualified);
  auto cert = test::ee({.qc = {test::qc_compliance()}});
  EXPECT_EQ(qc_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{&bed.candidates[0], {}}).value, Tri::kFalse);
}

TEST(RuleQcStatus, QcStatementOverridesTheCertificate) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcStatement);
  EXPECT_EQ(qc_with_tl(test::RuleCtx(test::no_trace(), test::ee({})), Selection{&bed.candidates[0], {}}).value, Tri::kTrue);
}

TEST(RuleQcStatus, NoUsableServiceIsNeverQualified) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcStatement);
  Trace trace;
  EXPECT_EQ(qc_with_tl(test::RuleCtx(trace, test::ee({.qc = {test::qc_compliance()}})), Selection{nullptr, {}}).value,
            Tri::kFalse);
  EXPECT_TRUE(trace.has("QC-STATUS", Outcome::kFail));
}

}  // namespace
}  // namespace eutl::verify::detail
