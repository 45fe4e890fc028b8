#include "tests/verify/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

const tsl::Bytes kCompliance = test::qc_statement("0.4.0.1862.1.1");

TEST(RuleTypeFilter, EsealCertificateNeedsForeSeals) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForeSignatures"}))});
  auto cert = test::ee({.qc = {kCompliance, test::qc_type({"0.4.0.1862.1.6.2"})}});
  Trace trace;
  EXPECT_TRUE(filter_by_type(bed.candidates, make_facts(cert), "T", trace).empty());
  EXPECT_TRUE(trace.has("TYPE-FILTER", Outcome::kFail));
}

TEST(RuleTypeFilter, ValidOverrideKeepsTheEntry) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForeSeals"}))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESeal);
  auto cert = test::ee({.qc = {kCompliance}});  // eSig by content
  Trace trace;
  EXPECT_EQ(filter_by_type(bed.candidates, make_facts(cert), "T", trace).size(), 1u);
}

TEST(RuleTypeFilter, OverrideWithoutItsAsiIsNotValid) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForWebSiteAuthentication"}))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESeal);
  Trace trace;
  EXPECT_TRUE(filter_by_type(bed.candidates, make_facts(test::ee({.qc = {kCompliance}})), "T", trace).empty());
}

TEST(RuleTypeFilter, UnknownTypeAndPreEidasCertificatesAreKept) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  EXPECT_EQ(filter_by_type(bed.candidates, make_facts(test::ee({})), "T", trace).size(), 1u);
  auto old = test::ee({.not_before = test::date(2014, 1, 1), .qc = {kCompliance}});
  EXPECT_EQ(filter_by_type(bed.candidates, make_facts(old), "T", trace).size(), 1u);
}

}  // namespace
}  // namespace eutl::verify::detail
