#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleTypeFilter, EsealCertificateNeedsForeSeals) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForeSignatures"}))});
  auto cert = test::ee({.qc = {test::qc_compliance(), test::qc_type({"0.4.0.1862.1.6.2"})}});
  Trace trace;
  EXPECT_TRUE(filter_by_type(test::RuleCtx(trace, cert), bed.candidates).value.empty());
  EXPECT_TRUE(trace.has("TYPE-FILTER", Outcome::kFail));
}

TEST(RuleTypeFilter, ValidOverrideKeepsTheEntry) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForeSeals"}))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESeal);
  auto cert = test::ee({.qc = {test::qc_compliance()}});  // eSig by content
  Trace trace;
  EXPECT_EQ(filter_by_type(test::RuleCtx(trace, cert), bed.candidates).value.size(), 1u);
}

TEST(RuleTypeFilter, OverrideWithoutItsAsiIsNotValid) {
  test::RuleBed bed({test::service(test::rule_ca(),
                                   test::state("CA/QC", "granted", test::date(2017, 1, 1), {"ForWebSiteAuthentication"}))});
  bed.candidates[0].qualifiers.add(tsl::Qualifier::kQcForESeal);
  Trace trace;
  EXPECT_TRUE(filter_by_type(test::RuleCtx(trace, test::ee({.qc = {test::qc_compliance()}})), bed.candidates).value.empty());
}

TEST(RuleTypeFilter, UnknownTypeAndPreEidasCertificatesAreKept) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
  Trace trace;
  EXPECT_EQ(filter_by_type(test::RuleCtx(trace, test::ee({})), bed.candidates).value.size(), 1u);
  auto old = test::ee({.not_before = test::date(2014, 1, 1), .qc = {test::qc_compliance()}});
  EXPECT_EQ(filter_by_type(test::RuleCtx(trace, old), bed.candidates).value.size(), 1u);
}

struct UseRow {
  const char* asi;  // "" for none
  tsl::TimePoint start;
  CertType use;
  bool covered;
};

// period_covers_use (used by `eutl export --for`): the ASI lists the use; a pre-eIDAS
// period covers e-signatures only.
TEST(RuleTypeFilter, PeriodCoversUse) {
  const UseRow rows[] = {{"ForeSignatures", test::date(2017, 1, 1), CertType::kESig, true},
                         {"ForeSignatures", test::date(2017, 1, 1), CertType::kESeal, false},
                         {"ForeSeals", test::date(2017, 1, 1), CertType::kESeal, true},
                         {"ForWebSiteAuthentication", test::date(2017, 1, 1), CertType::kWsa, true},
                         {"ForWebSiteAuthentication", test::date(2017, 1, 1), CertType::kUnknown, false},
                         {"", test::date(2017, 1, 1), CertType::kESig, false},
                         {"", test::date(2012, 1, 1), CertType::kESig, true},
                         {"ForeSeals", test::date(2012, 1, 1), CertType::kESeal, false}};
  for (const UseRow& r : rows) {
    tsl::ServiceState state = *r.asi != '\0' ? test::state("CA/QC", "granted", r.start, {r.asi})
                                              : test::state("CA/QC", "granted", r.start);
    test::RuleBed bed({test::service(test::rule_ca(), state)});
    EXPECT_EQ(period_covers_use(*bed.candidates[0].period, r.use), r.covered)
        << r.asi << " " << tsl::format_time(r.start) << " " << to_string(r.use);
  }
}

}  // namespace
}  // namespace eutl::verify::detail
