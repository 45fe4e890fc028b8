#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleQcType, ContentTypes) {
  EXPECT_EQ(type_by_content(make_facts(test::ee({.qc = {test::qc_compliance()}}))), CertType::kESig);
  EXPECT_EQ(type_by_content(make_facts(test::ee({.qc = {test::qc_compliance(), test::qc_type({"0.4.0.1862.1.6.3"})}}))),
            CertType::kWsa);
  EXPECT_EQ(type_by_content(make_facts(
                test::ee({.qc = {test::qc_compliance(), test::qc_type({"0.4.0.1862.1.6.1", "0.4.0.1862.1.6.2"})}}))),
            CertType::kUnknown);
  EXPECT_EQ(type_by_content(make_facts(test::ee({}))), CertType::kUnknown);
}

TEST(RuleQcType, UsageQualifierOverridesAndPreEidasPeriodIsEsig) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)),
                                   {test::state("CA/QC", "accredited", test::date(2010, 1, 1))})});
  auto cert = test::ee({.qc = {test::qc_compliance(), test::qc_type({"0.4.0.1862.1.6.1"})}});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESeal);
  EXPECT_EQ(type_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{&bed.candidates[0], {}}, Tri::kTrue).value, CertType::kESeal);
  bed.candidates[1].qualifiers.add(tsl::Qualifier::kQcForESeal);
  EXPECT_EQ(type_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{&bed.candidates[1], {}}, Tri::kTrue).value, CertType::kESig);
}

TEST(RuleQcType, NonQcKeepsTheContentType) {
  auto cert = test::ee({.qc = {test::qc_type({"0.4.0.1862.1.6.2"})}});
  EXPECT_EQ(type_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{}, Tri::kFalse).value, CertType::kESeal);
}

}  // namespace
}  // namespace eutl::verify::detail
