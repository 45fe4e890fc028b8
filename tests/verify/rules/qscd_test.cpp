#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

const tsl::Bytes kSscd = test::qc_statement("0.4.0.1862.1.4");

struct QscdRow {
  tsl::Qualifier qualifier;
  bool cert_sscd;
  Tri expected;
};

TEST(RuleQscd, PostEidasQualifiersOverrideTheCertificate) {
  const QscdRow rows[] = {{tsl::Qualifier::kQcWithQscd, false, Tri::kTrue},
                      {tsl::Qualifier::kQcNoQscd, true, Tri::kFalse},
                      {tsl::Qualifier::kQcQscdManagedOnBehalf, false, Tri::kTrue},
                      {tsl::Qualifier::kQcQscdStatusAsInCert, true, Tri::kTrue},
                      {tsl::Qualifier::kQcQscdStatusAsInCert, false, Tri::kFalse},
                      {tsl::Qualifier::kQcWithSscd, false, Tri::kFalse}};  // SSCD form not read post-eIDAS
  for (const QscdRow& r : rows) {
    test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", test::date(2017, 1, 1)))});
    bed.candidates[0].qualifiers.add(r.qualifier);
    test::CertSpec spec;
    spec.qc = r.cert_sscd ? std::vector<tsl::Bytes>{test::qc_compliance(), kSscd} : std::vector<tsl::Bytes>{test::qc_compliance()};
    auto cert = test::ee(spec);
    EXPECT_EQ(qscd_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{&bed.candidates[0], {}}, Tri::kTrue).value, r.expected)
        << tsl::to_string(r.qualifier);
  }
}

TEST(RuleQscd, NotQcIsNeverQscd) {
  auto cert = test::ee({.qc = {test::qc_compliance(), kSscd}});
  EXPECT_EQ(qscd_with_tl(test::RuleCtx(test::no_trace(), cert), Selection{}, Tri::kFalse).value, Tri::kFalse);
}

TEST(RuleQscd, PreEidasQcpPlusMeansSscd) {
  auto cert = test::ee({.not_before = test::date(2014, 1, 1), .policies = "0.4.0.1456.1.1"});
  EXPECT_EQ(qscd_by_content(make_facts(cert)), Tri::kTrue);
}

}  // namespace
}  // namespace eutl::verify::detail
