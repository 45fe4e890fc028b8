// CERT-VALIDITY (RFC 5280 §4.1.2.5): time T inside [notBefore, notAfter], both ends
// inclusive; outside it the reason says "expired at T" / "not yet valid at T".
#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::date;

struct ValidityCase final {
  const char* name;
  tsl::TimePoint t;
  CertValidity expected;
  const char* reason_part;  // in the reason when not valid
};

const ValidityCase kValidityCases[] = {
    {"BeforeNotBefore", date(2019, 12, 31), CertValidity::kNotYetValid, "not yet valid at T"},
    {"AtNotBefore", date(2020, 1, 1), CertValidity::kValid, ""},
    {"Inside", date(2025, 6, 1), CertValidity::kValid, ""},
    {"AtNotAfter", date(2030, 1, 1), CertValidity::kValid, ""},
    {"AfterNotAfter", date(2030, 1, 2), CertValidity::kExpired, "expired at T"},
};

class RuleCertValidity : public ::testing::TestWithParam<ValidityCase> {};

TEST_P(RuleCertValidity, PlacesTAgainstTheValidityPeriod) {
  const ValidityCase& tc = GetParam();
  CertificateProfile cert = test::ee({.not_before = date(2020, 1, 1), .not_after = date(2030, 1, 1)});
  Trace trace;
  EXPECT_EQ(to_string(check_cert_validity(test::RuleCtx(trace, cert, "at time T"), tc.t).value), to_string(tc.expected));
  if (tc.expected == CertValidity::kValid) {
    EXPECT_TRUE(trace.has("CERT-VALIDITY", Outcome::kPass));
  } else {
    EXPECT_TRUE(trace.has("CERT-VALIDITY", Outcome::kFail));
    EXPECT_NE(validity_reason(cert, tc.expected, tc.t).find(tc.reason_part), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, RuleCertValidity, ::testing::ValuesIn(kValidityCases),
                         [](const ::testing::TestParamInfo<ValidityCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace eutl::verify::detail
