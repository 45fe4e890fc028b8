#include "eutl/tsl/service_index.h"

#include <gtest/gtest.h>

#include "tests/verify/qualification_test_support.h"

namespace eutl::tsl {
namespace {

using test::date;

TEST(ServicePeriods, HistoryEndsWhereTheNewerStatusStarts) {
  test::Issued ca = test::issue(test::CertSpec{.cn = "CA", .ca = true}, nullptr);
  TrustService svc = test::service(ca, test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1)),
                                    test::state("CA/QC", "accredited", date(2010, 1, 1))});
  std::vector<std::string> warnings;
  auto periods = service_periods(svc, warnings);
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_FALSE(periods[0].end.has_value());
  EXPECT_EQ(periods[1].start, date(2017, 1, 1));
  EXPECT_EQ(*periods[1].end, date(2022, 1, 1));
  EXPECT_EQ(*periods[2].end, date(2017, 1, 1));
  EXPECT_TRUE(periods[1].covers(date(2022, 1, 1)));  // both ends inclusive (docs §5 pitfall 12)
  EXPECT_TRUE(warnings.empty());
}

TEST(ServicePeriods, HistoryWithoutStartIsSkippedWithAWarning) {
  test::Issued ca = test::issue(test::CertSpec{.cn = "CA", .ca = true}, nullptr);
  ServiceState h = test::state("CA/QC", "granted", date(2017, 1, 1));
  h.status_start.reset();
  TrustService svc = test::service(ca, test::state("CA/QC", "withdrawn", date(2022, 1, 1)), {h});
  std::vector<std::string> warnings;
  EXPECT_EQ(service_periods(svc, warnings).size(), 1u);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(ServiceIndex, FindsByKeyBySubjectAndBySki) {
  test::Issued ca = test::issue(test::CertSpec{.cn = "Listed CA", .ca = true}, nullptr);
  test::Issued other = test::issue(test::CertSpec{.cn = "Other CA", .ca = true}, nullptr);
  TrustedList l = test::list("AA", {test::service(ca, test::state("CA/QC", "granted", date(2017, 1, 1))),
                                    test::service(other, test::state("CA/PKC", "granted", date(2017, 1, 1)))},
                             42);
  ServiceIndex index = ServiceIndex::build({IndexInput{&l, sha256(as_bytes("x")), "mem"}});
  ASSERT_EQ(index.services().size(), 2u);
  auto blob = CertificateBlob::from_der(ca.der);
  ASSERT_TRUE(blob.has_value());
  auto by_key = index.find_by_key(blob->spki(), blob->subject());
  ASSERT_EQ(by_key.size(), 1u);
  EXPECT_EQ(by_key[0].service, 0u);
  EXPECT_EQ(index.service(0).provenance.list_sequence, 42u);
  EXPECT_EQ(index.service(0).provenance.territory, "AA");
  EXPECT_EQ(index.service(1).provenance.service_index, 1u);
  EXPECT_EQ(index.find_by_ski(blob->ski()).size(), 1u);
  EXPECT_EQ(index.find_issuer_candidates(blob->subject(), {}).size(), 1u);
  EXPECT_EQ(index.find_issuer_candidates(as_bytes("no such name"), blob->ski()).size(), 1u);
  auto other_blob = CertificateBlob::from_der(other.der);
  EXPECT_TRUE(index.find_by_key(other_blob->spki(), blob->subject()).empty());  // key and name must both match
}

TEST(ServiceIndex, LookalikeWithSameNameIsACandidateButNotTheSameKey) {
  test::CertSpec spec{.cn = "Same Name CA", .ca = true};
  test::Issued ca = test::issue(spec, nullptr);
  test::Issued lookalike = test::issue(spec, nullptr);
  TrustedList l = test::list("AA", {test::service(ca, test::state("CA/QC", "granted", date(2017, 1, 1)))});
  ServiceIndex index = ServiceIndex::build({IndexInput{&l, {}, "mem"}});
  auto fake = CertificateBlob::from_der(lookalike.der);
  EXPECT_EQ(index.find_issuer_candidates(fake->subject(), {}).size(), 1u);
  EXPECT_TRUE(index.find_by_key(fake->spki(), fake->subject()).empty());
}

// Several anchors under one name, across lists and services: every one is a candidate,
// in list order then service order (the order the decision reports them in), and the
// same certificate listed by two services is found once per service.
TEST(ServiceIndex, AnchorsSharingANameAreFoundInListOrder) {
  test::CertSpec spec{.cn = "Shared Name CA", .ca = true};
  test::Issued a = test::issue(spec, nullptr);
  test::Issued b = test::issue(spec, nullptr);
  test::Issued unrelated = test::issue(test::CertSpec{.cn = "Unrelated CA", .ca = true}, nullptr);
  TrustedList first = test::list("AA", {test::service(unrelated, test::state("CA/QC", "granted", date(2017, 1, 1))),
                                        test::service(b, test::state("CA/QC", "granted", date(2017, 1, 1)))});
  TrustedList second = test::list("BB", {test::service(a, test::state("CA/QC", "granted", date(2017, 1, 1))),
                                         test::service(b, test::state("CA/PKC", "granted", date(2017, 1, 1)))});
  ServiceIndex index = ServiceIndex::build({IndexInput{&first, {}, "first"}, IndexInput{&second, {}, "second"}});
  ASSERT_EQ(index.services().size(), 4u);
  auto blob_a = CertificateBlob::from_der(a.der);
  auto blob_b = CertificateBlob::from_der(b.der);
  ASSERT_TRUE(blob_a && blob_b);
  auto candidates = index.find_issuer_candidates(blob_a->subject(), {});
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_EQ(candidates[0].service, 1u);
  EXPECT_EQ(candidates[1].service, 2u);
  EXPECT_EQ(candidates[2].service, 3u);
  auto by_key = index.find_by_key(blob_b->spki(), blob_b->subject());
  ASSERT_EQ(by_key.size(), 2u);
  EXPECT_EQ(by_key[0].service, 1u);
  EXPECT_EQ(by_key[1].service, 3u);
  // By SKI and by name together: each anchor once.
  EXPECT_EQ(index.find_issuer_candidates(blob_b->subject(), blob_b->ski()).size(), 3u);
  EXPECT_TRUE(index.find_by_ski(as_bytes("no such key identifier")).empty());
  EXPECT_TRUE(ServiceIndex::build({}).find_issuer_candidates(blob_a->subject(), blob_a->ski()).empty());
}

}  // namespace
}  // namespace eutl::tsl
