// Which lists a check can need (include/eutl/cache/issuer_scope.h): a list may hold an
// issuer of a certificate when one of its service certificates has the certificate's
// issuer Name or its AuthorityKeyIdentifier as subject or SKI, or when a chain
// certificate is itself listed; never otherwise.
#include "eutl/cache/issuer_scope.h"

#include <gtest/gtest.h>

#include "tests/verify/qualification_test_support.h"

namespace eutl::cache {
namespace {

using test::date;

// One list with one CA/QC service whose identity is `ca`.
tsl::TrustedList list_of(const test::Issued& ca) {
  return test::list("AA", {test::service(ca, test::state("CA/QC", "granted", date(2017, 1, 1)))}, 1);
}

IssuerScope scope_of(std::initializer_list<const verify::CertificateProfile*> certs) {
  return IssuerScope::of(std::vector<const verify::CertificateProfile*>(certs));
}

class IssuerScopeTest : public ::testing::Test {
 protected:
  const test::Issued m_ca = test::issue(test::CertSpec{.cn = "Listed CA", .ca = true}, nullptr);
  const test::Issued m_other_ca = test::issue(test::CertSpec{.cn = "Other CA", .ca = true}, nullptr);
  const tsl::TrustedList m_list = list_of(m_ca);
  const std::vector<std::uint64_t> m_keys = anchor_keys(m_list);
};

TEST_F(IssuerScopeTest, AListHoldsTheIssuerNamedByTheCertificate) {
  const auto child = test::profile(test::issue(test::CertSpec{}, &m_ca, "Listed CA", "Test Org", "AA").der);
  EXPECT_TRUE(scope_of({&child}).may_hold(m_keys));
}

TEST_F(IssuerScopeTest, AListHoldsTheIssuerOfTheCertificatesKeyIdentifier) {
  // Issued by the listed CA's key under another issuer Name: found by the AKI alone.
  const auto child = test::profile(test::issue(test::CertSpec{}, &m_ca, "Renamed CA", "Other Org", "BB").der);
  EXPECT_TRUE(scope_of({&child}).may_hold(m_keys));
}

TEST_F(IssuerScopeTest, AListDoesNotHoldAnotherIssuer) {
  const auto child = test::profile(test::issue(test::CertSpec{}, &m_other_ca, "Other CA", "Test Org", "AA").der);
  EXPECT_FALSE(scope_of({&child}).may_hold(m_keys));
  EXPECT_FALSE(scope_of({}).may_hold(m_keys));
  EXPECT_FALSE(scope_of({&child}).may_hold({}));
}

TEST_F(IssuerScopeTest, AListedChainCertificateBringsInItsList) {
  // The certificate's issuer is not listed, but the chain certificate given with it is.
  const auto child = test::profile(test::issue(test::CertSpec{}, &m_other_ca, "Other CA", "Test Org", "AA").der);
  const auto listed = test::profile(m_ca.der);
  EXPECT_TRUE(scope_of({&child, &listed}).may_hold(m_keys));
}

TEST_F(IssuerScopeTest, AnchorKeysAreTheSubjectAndSkiOfEveryServiceCertificate) {
  EXPECT_EQ(m_keys.size(), 2u);
  EXPECT_TRUE(std::is_sorted(m_keys.begin(), m_keys.end()));
  const tsl::TrustedList two = test::list("AA",
                                          {test::service(m_ca, test::state("CA/QC", "granted", date(2017, 1, 1))),
                                           test::service(m_other_ca, test::state("CA/QC", "granted", date(2017, 1, 1))),
                                           test::service(m_ca, test::state("CA/QC", "withdrawn", date(2018, 1, 1)))},
                                          1);
  EXPECT_EQ(anchor_keys(two).size(), 4u) << "one key per distinct Name and SKI";
  EXPECT_TRUE(anchor_keys(tsl::TrustedList{}).empty());
}

}  // namespace
}  // namespace eutl::cache
