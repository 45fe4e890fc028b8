// ISSUER-KEY (TS 119 615 §4.4 step 1; TS 119 612 V2.4.1 §5.5.3): a listed service is
// the issuer only when its key verifies the signature, directly or through a CA
// certificate given with --chain; a look-alike name is never enough.
#include "tests/verify/rules/rule_test_support.h"
#include "verify/qualification_anchor.h"

namespace eutl::verify::detail {
namespace {

using test::date;

TEST(RuleIssuerKey, TheListedKeyVerifiesTheCertificate) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))});
  QualificationEngine::KeyCache cache;
  Trace trace;
  auto r = find_anchors(test::RuleCtx(trace, test::ee({}), "certificate"), bed.index, cache, {});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.value.services, std::vector<std::uint32_t>{0});
  EXPECT_EQ(r.value.depth, 0u);
  EXPECT_TRUE(trace.has("ISSUER-KEY", Outcome::kPass));
}

TEST(RuleIssuerKey, ALookAlikeIssuerIsNotUsed) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))});
  test::Issued twin = test::issue(test::CertSpec{.cn = "Rule CA", .ca = true}, nullptr);  // same name, other key
  CertificateProfile cert = test::profile(test::issue(test::CertSpec{}, &twin, "Rule CA", "Test Org", "AA").der);
  QualificationEngine::KeyCache cache;
  Trace trace;
  auto r = find_anchors(test::RuleCtx(trace, cert, "certificate"), bed.index, cache, {});
  EXPECT_EQ(r.outcome, Outcome::kIndeterminate);
  EXPECT_TRUE(r.value.services.empty());
  EXPECT_NE(r.why.find("issuer not listed"), std::string::npos) << r.why;
  EXPECT_TRUE(trace.has("ISSUER-KEY", Outcome::kFail));
}

TEST(RuleIssuerKey, AChainCertificateLeadsToTheListedIssuer) {
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))});
  test::Issued sub =
      test::issue(test::CertSpec{.cn = "Sub CA", .ca = true}, &test::rule_ca(), "Rule CA", "Test Org", "AA");
  CertificateProfile sub_profile = test::profile(sub.der);
  CertificateProfile cert = test::profile(test::issue(test::CertSpec{}, &sub, "Sub CA", "Test Org", "AA").der);
  QualificationEngine::KeyCache cache;
  Trace trace;
  auto alone = find_anchors(test::RuleCtx(trace, cert, "certificate"), bed.index, cache, {});
  EXPECT_EQ(alone.outcome, Outcome::kIndeterminate);
  auto r = find_anchors(test::RuleCtx(trace, cert, "certificate"), bed.index, cache, {&sub_profile});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.value.services, std::vector<std::uint32_t>{0});
  EXPECT_EQ(r.value.depth, 1u);
}

}  // namespace
}  // namespace eutl::verify::detail
