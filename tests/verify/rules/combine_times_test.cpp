#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

QualificationAtTime at(QualStatus s, CertType t, Tri qscd) {
  QualificationAtTime r;
  r.status = s;
  r.qualified = s == QualStatus::kQualified ? Tri::kTrue : s == QualStatus::kNotQualified ? Tri::kFalse : Tri::kUnknown;
  r.type = t;
  r.qscd = qscd;
  return r;
}

TEST(RuleCombineTimes, QcOnlyWhenQcAtBothTimesAndQscdAtTimeT) {
  Trace trace;
  auto r = combine_times(test::RuleCtx(trace, test::plain_ee(), "combined"), at(QualStatus::kQualified, CertType::kESig, Tri::kFalse),
                         at(QualStatus::kQualified, CertType::kESig, Tri::kTrue)).value;
  EXPECT_EQ(r.qualified, Tri::kTrue);
  EXPECT_EQ(r.qscd, Tri::kTrue);
  r = combine_times(test::RuleCtx(trace, test::plain_ee(), "combined"), at(QualStatus::kQualified, CertType::kESig, Tri::kTrue),
                    at(QualStatus::kNotQualified, CertType::kESig, Tri::kFalse)).value;
  EXPECT_EQ(r.qualified, Tri::kFalse);
}

TEST(RuleCombineTimes, DifferentTypesGiveUnknownAndNaWins) {
  Trace trace;
  auto r = combine_times(test::RuleCtx(trace, test::plain_ee(), "combined"), at(QualStatus::kQualified, CertType::kESig, Tri::kTrue),
                         at(QualStatus::kQualified, CertType::kESeal, Tri::kTrue)).value;
  EXPECT_EQ(r.type, CertType::kUnknown);
  r = combine_times(test::RuleCtx(trace, test::plain_ee(), "combined"), at(QualStatus::kIndeterminate, CertType::kUnknown, Tri::kUnknown),
                    at(QualStatus::kQualified, CertType::kESig, Tri::kTrue)).value;
  EXPECT_EQ(r.status, QualStatus::kIndeterminate);
  EXPECT_EQ(r.qualified, Tri::kUnknown);
}

}  // namespace
}  // namespace eutl::verify::detail
