// CRITICAL-EXTENSIONS (RFC 5280 §4.2, §6.1.3): a critical extension eutl does not
// process, in the certificate or a --chain certificate, makes the rule indeterminate
// and is named; known critical extensions (keyUsage, basicConstraints) pass.
#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

const std::string kUnknown = "1.3.6.1.4.1.55555.1";

struct CritCase final {
  const char* name;
  bool ee_unknown;
  bool chain_unknown;
  Outcome expected;
  const char* named;  // expected entry of `which`, "" for none
};

const CritCase kCritCases[] = {
    {"KnownCriticalExtensionsPass", false, false, Outcome::kPass, ""},
    {"UnknownInTheCertificate", true, false, Outcome::kIndeterminate, "certificate: 1.3.6.1.4.1.55555.1"},
    {"UnknownInAChainCertificate", false, true, Outcome::kIndeterminate, "chain certificate 1: 1.3.6.1.4.1.55555.1"},
};

class RuleCriticalExtensions : public ::testing::TestWithParam<CritCase> {};

TEST_P(RuleCriticalExtensions, NamesEveryUnprocessedCriticalExtension) {
  const CritCase& tc = GetParam();
  test::CertSpec ee_spec;  // keyUsage is not critical here; basicConstraints is added as CA:FALSE
  ee_spec.key_usage = "critical,nonRepudiation";
  if (tc.ee_unknown) {
    ee_spec.unknown_critical_oid = kUnknown;
  }
  CertificateProfile ee = test::ee(ee_spec);
  test::CertSpec ca_spec{.cn = "Chain CA", .ca = true};
  if (tc.chain_unknown) {
    ca_spec.unknown_critical_oid = kUnknown;
  }
  CertificateProfile ca = test::profile(test::issue(ca_spec, nullptr).der);
  std::vector<const CertificateProfile*> chain{&ca};
  Trace trace;
  auto r = check_critical_extensions(test::RuleCtx(trace, ee, "certificate"), chain);
  const std::vector<std::string>& which = r.value;
  EXPECT_EQ(to_string(r.outcome), to_string(tc.expected));
  if (std::string(tc.named).empty()) {
    EXPECT_TRUE(which.empty());
  } else {
    ASSERT_EQ(which.size(), 1u);
    EXPECT_EQ(which[0], tc.named);
    EXPECT_TRUE(trace.has("CRITICAL-EXTENSIONS", Outcome::kIndeterminate));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, RuleCriticalExtensions, ::testing::ValuesIn(kCritCases),
                         [](const ::testing::TestParamInfo<CritCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace eutl::verify::detail
