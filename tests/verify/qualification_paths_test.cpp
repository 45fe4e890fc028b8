// The decision paths around the rules: a list speaks only for instants it covers
// (TS 119 612 V2.4.1 §5.3.15), a certificate outside its validity period is never
// qualified at T (RFC 5280 §4.1.2.5), an unprocessed critical extension is never
// accepted (RFC 5280 §4.2), and an issuer found only in unacceptable lists is named
// with that list, not reported as "not listed".
#include <gtest/gtest.h>

#include "eutl/verify/qualification.h"
#include "tests/verify/qualification_test_support.h"
#include "tests/support/text_file.h"

namespace eutl::verify {
namespace {

using test::date;
using Q = std::vector<tsl::Bytes>;
const std::string kQcpNQscdOid = "0.4.0.194112.1.2";
const std::string kUnknownOid = "1.3.6.1.4.1.55555.1";

const test::Issued& ca() {
  static const test::Issued c = test::issue(
      {.cn = "Paths CA", .org = "Paths TSP", .country = "AA", .not_before = date(2010, 1, 1),
       .not_after = date(2040, 1, 1), .ca = true},
      nullptr);
  return c;
}

test::CertSpec qes(tsl::TimePoint nb = date(2020, 1, 1), tsl::TimePoint na = date(2030, 1, 1)) {
  return {.not_before = nb,
          .not_after = na,
          .policies = kQcpNQscdOid,
          .qc = Q{test::qc_statement("0.4.0.1862.1.1"), test::qc_statement("0.4.0.1862.1.4"),
                  test::qc_type({"0.4.0.1862.1.6.1"})}};
}

CertificateProfile ee(const test::CertSpec& spec) {
  return test::profile(test::issue(spec, &ca(), "Paths CA", "Paths TSP", "AA").der);
}

tsl::TrustedList granted_list(std::optional<tsl::TimePoint> next_update) {
  tsl::TrustedList l =
      test::list("AA", {test::service(ca(), test::state("CA/QC", "granted", date(2016, 7, 1), {"ForeSignatures"}))}, 7);
  l.scheme.next_update = next_update;
  return l;
}

struct Bed final {
  tsl::TrustedList list;
  tsl::ServiceIndex index;
  tsl::ServiceIndex unacceptable;
  std::unique_ptr<QualificationEngine> engine;

  // `acceptable`: the list goes to the deciding index; otherwise to the second index
  // only, with `why`.
  Bed(tsl::TrustedList l, bool acceptable, std::string why = "") : list(std::move(l)) {
    tsl::IndexInput in{&list, tsl::sha256(tsl::as_bytes("AA")), "mem:AA"};
    if (acceptable) {
      index = tsl::ServiceIndex::build({in});
    } else {
      in.unacceptable = std::move(why);
      unacceptable = tsl::ServiceIndex::build({in});
    }
    engine = std::make_unique<QualificationEngine>(index, &unacceptable);
  }

  QualificationResult decide(const CertificateProfile& cert, tsl::TimePoint at, const char* claim = "qes",
                             std::vector<const CertificateProfile*> chain = {}) const {
    QualificationRequest req;
    req.certificate = &cert;
    req.chain = std::move(chain);
    req.at = at;
    auto c = parse_claim(claim);
    EXPECT_TRUE(c.has_value());
    req.claim = *c;
    auto r = engine->decide(req);
    EXPECT_TRUE(r.has_value());
    return r ? std::move(*r) : QualificationResult{};
  }
};

using ::eutl::test::contains;

// ---- Lists speak only for instants they cover ----

TEST(QualificationListCovers, ListCoveringBothInstantsDecides) {
  Bed bed(granted_list(date(2025, 1, 1)), true);
  auto r = bed.decide(ee(qes()), date(2024, 6, 1));
  EXPECT_EQ(r.overall.status, QualStatus::kQualified) << r.overall.reason;
  EXPECT_EQ(r.claim->verdict, Verdict::kConfirmed);
}

TEST(QualificationListCovers, IssuanceAfterNextUpdateIsIndeterminateNamingTheList) {
  // A certificate issued in 2025 judged from a list whose NextUpdate passed in 2024.
  Bed bed(granted_list(date(2024, 1, 1)), true);
  auto r = bed.decide(ee(qes(date(2025, 3, 1), date(2030, 1, 1))), date(2023, 12, 31));
  EXPECT_EQ(r.at_issuance.status, QualStatus::kIndeterminate);
  EXPECT_TRUE(contains(r.at_issuance.reason, "AA sequence 7")) << r.at_issuance.reason;
  EXPECT_TRUE(contains(r.at_issuance.reason, "NextUpdate is 2024-01-01T00:00:00Z")) << r.at_issuance.reason;
  EXPECT_NE(r.claim->verdict, Verdict::kConfirmed);
}

TEST(QualificationListCovers, TimeAfterNextUpdateIsIndeterminateAtTOnly) {
  Bed bed(granted_list(date(2022, 1, 1)), true);
  auto r = bed.decide(ee(qes()), date(2024, 6, 1));
  EXPECT_EQ(r.at_issuance.status, QualStatus::kQualified) << r.at_issuance.reason;
  EXPECT_EQ(r.at_time.status, QualStatus::kIndeterminate);
  EXPECT_TRUE(contains(r.at_time.reason, "does not cover 2024-06-01T00:00:00Z")) << r.at_time.reason;
  EXPECT_EQ(r.overall.status, QualStatus::kIndeterminate);
  EXPECT_EQ(r.claim->verdict, Verdict::kIndeterminate);
}

TEST(QualificationListCovers, ClosedListStaysUsableForThePast) {
  Bed bed(granted_list(std::nullopt), true);
  auto r = bed.decide(ee(qes()), date(2024, 6, 1));
  EXPECT_EQ(r.overall.status, QualStatus::kQualified) << r.overall.reason;
}

// ---- Certificate validity at T ----

TEST(QualificationValidity, InsideTheValidityPeriodIsConfirmed) {
  Bed bed(granted_list(std::nullopt), true);
  auto r = bed.decide(ee(qes()), date(2029, 12, 31));
  EXPECT_EQ(r.at_time.validity, CertValidity::kValid);
  EXPECT_EQ(r.claim->verdict, Verdict::kConfirmed);
}

TEST(QualificationValidity, AfterNotAfterIsRefutedExpired) {
  Bed bed(granted_list(std::nullopt), true);
  auto r = bed.decide(ee(qes()), date(2031, 1, 1));
  EXPECT_EQ(r.at_issuance.status, QualStatus::kQualified) << "the result at issuance is unchanged";
  EXPECT_EQ(r.at_issuance.validity, CertValidity::kValid);
  EXPECT_EQ(r.at_time.validity, CertValidity::kExpired);
  EXPECT_EQ(r.at_time.status, QualStatus::kNotQualified);
  EXPECT_EQ(r.overall.status, QualStatus::kNotQualified);
  EXPECT_EQ(r.claim->verdict, Verdict::kRefuted);
  EXPECT_EQ(r.claim->failing_part, "validity");
  EXPECT_TRUE(contains(r.claim->explanation, "expired at T")) << r.claim->explanation;
}

TEST(QualificationValidity, BeforeNotBeforeIsRefutedNotYetValid) {
  Bed bed(granted_list(std::nullopt), true);
  auto r = bed.decide(ee(qes()), date(2019, 6, 1));
  EXPECT_EQ(r.at_time.validity, CertValidity::kNotYetValid);
  EXPECT_EQ(r.claim->verdict, Verdict::kRefuted);
  EXPECT_TRUE(contains(r.claim->explanation, "not yet valid at T")) << r.claim->explanation;
}

TEST(QualificationValidity, PolicyOnlyClaimIsRefutedOutsideValidity) {
  // A Part 1 policy claim otherwise only asks for the OID.
  Bed bed(granted_list(std::nullopt), true);
  test::CertSpec spec = qes();
  spec.policies = "0.4.0.2042.1.1";  // NCP
  EXPECT_EQ(bed.decide(ee(spec), date(2024, 1, 1), "NCP").claim->verdict, Verdict::kConfirmed);
  EXPECT_EQ(bed.decide(ee(spec), date(2031, 1, 1), "NCP").claim->verdict, Verdict::kRefuted);
}

// ---- Unprocessed critical extensions ----

TEST(QualificationCriticalExtension, UnknownCriticalExtensionIsNeverConfirmed) {
  Bed bed(granted_list(std::nullopt), true);
  test::CertSpec spec = qes();
  spec.unknown_critical_oid = kUnknownOid;
  auto r = bed.decide(ee(spec), date(2024, 6, 1));
  EXPECT_EQ(r.overall.status, QualStatus::kIndeterminate);
  EXPECT_TRUE(contains(r.overall.reason, kUnknownOid)) << r.overall.reason;
  EXPECT_EQ(r.claim->verdict, Verdict::kIndeterminate);
  ASSERT_EQ(r.unprocessed_critical_extensions.size(), 1u);
  // Control: the same certificate without it is confirmed.
  EXPECT_EQ(bed.decide(ee(qes()), date(2024, 6, 1)).claim->verdict, Verdict::kConfirmed);
}

TEST(QualificationCriticalExtension, InAChainCertificateToo) {
  // Listed root (RootCA-QC) -> unlisted intermediate with the extension -> end entity.
  test::Issued root = test::issue({.cn = "Paths Root", .org = "Paths TSP", .country = "AA",
                                   .not_before = date(2010, 1, 1), .not_after = date(2040, 1, 1), .ca = true},
                                  nullptr);
  tsl::TrustedList l = test::list(
      "AA", {test::service(root, test::state("CA/QC", "granted", date(2016, 7, 1), {"ForeSignatures", "RootCA-QC"}))}, 7);
  tsl::ServiceIndex index = tsl::ServiceIndex::build({tsl::IndexInput{&l, {}, "mem:AA"}});
  QualificationEngine engine(index);
  for (bool unknown : {false, true}) {
    test::CertSpec inter_spec{.cn = "Paths Issuing", .org = "Paths TSP", .country = "AA",
                              .not_before = date(2010, 1, 1), .not_after = date(2040, 1, 1), .ca = true};
    if (unknown) {
      inter_spec.unknown_critical_oid = kUnknownOid;
    }
    test::Issued inter = test::issue(inter_spec, &root, "Paths Root", "Paths TSP", "AA");
    CertificateProfile inter_p = test::profile(inter.der);
    CertificateProfile cert = test::profile(test::issue(qes(), &inter, "Paths Issuing", "Paths TSP", "AA").der);
    QualificationRequest req;
    req.certificate = &cert;
    req.chain = {&inter_p};
    req.at = date(2024, 6, 1);
    req.claim = *parse_claim("qes");
    auto r = engine.decide(req);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->claim->verdict, unknown ? Verdict::kIndeterminate : Verdict::kConfirmed) << r->overall.reason;
    if (unknown) {
      EXPECT_TRUE(contains(r->overall.reason, "chain certificate 1: " + kUnknownOid)) << r->overall.reason;
    }
  }
}

// ---- Reasons that tell the truth ----

TEST(QualificationReasons, IssuerOnlyInAnExpiredListIsNamedWithTheList) {
  Bed bed(granted_list(date(2023, 1, 1)), false, "expired: NextUpdate 2023-01-01T00:00:00Z is before 2024-06-01");
  auto r = bed.decide(ee(qes()), date(2024, 6, 1));
  EXPECT_EQ(r.overall.status, QualStatus::kIndeterminate);
  EXPECT_FALSE(contains(r.at_issuance.reason, "issuer not listed")) << r.at_issuance.reason;
  EXPECT_TRUE(contains(r.at_issuance.reason, "AA sequence 7 (mem:AA)")) << r.at_issuance.reason;
  EXPECT_TRUE(contains(r.at_issuance.reason, "expired: NextUpdate")) << r.at_issuance.reason;
  EXPECT_TRUE(r.anchor_services.empty()) << "the unacceptable list never decides";
}

TEST(QualificationReasons, IssuerOnlyInAnInvalidListIsNamedWithTheList) {
  Bed bed(granted_list(std::nullopt), false, "invalid: the signature does not verify");
  auto r = bed.decide(ee(qes()), date(2024, 6, 1));
  EXPECT_EQ(r.claim->verdict, Verdict::kIndeterminate);
  EXPECT_TRUE(contains(r.at_issuance.reason, "AA sequence 7")) << r.at_issuance.reason;
  EXPECT_TRUE(contains(r.at_issuance.reason, "invalid: the signature does not verify")) << r.at_issuance.reason;
}

TEST(QualificationReasons, IssuerInNoListIsNotListed) {
  Bed bed(granted_list(std::nullopt), false, "invalid: x");
  test::Issued stranger = test::issue({.cn = "Stranger CA", .ca = true}, nullptr);
  CertificateProfile cert = test::profile(test::issue(qes(), &stranger, "Stranger CA", "Test Org", "AA").der);
  auto r = bed.decide(cert, date(2024, 6, 1));
  EXPECT_EQ(r.at_issuance.reason, "issuer not listed in any acceptable trusted list");
}

TEST(QualificationReasons, UnacceptableIndexInputsNameWhy) {
  std::vector<VerifiedList> lists(3);
  lists[0].status = ListStatus::kValid;
  lists[0].list = granted_list(std::nullopt);
  lists[1].status = ListStatus::kExpired;
  lists[1].list = granted_list(date(2020, 1, 1));
  lists[1].reasons.push_back({"expired", "NextUpdate 2020-01-01T00:00:00Z is before 2024-06-01T00:00:00Z"});
  lists[2].status = ListStatus::kInvalid;  // unreadable: no model, nothing to search
  auto in = unacceptable_index_inputs(lists);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].list, &*lists[1].list);
  EXPECT_EQ(in[0].unacceptable, "expired: NextUpdate 2020-01-01T00:00:00Z is before 2024-06-01T00:00:00Z");
  EXPECT_EQ(valid_index_inputs(lists).size(), 1u);
}

TEST(QualificationListsTime, WarningOnlyWhenTheInstantsDiffer) {
  EXPECT_TRUE(lists_time_warning(date(2024, 1, 1), date(2024, 1, 1)).empty());
  std::string w = lists_time_warning(date(2024, 1, 1), date(2025, 1, 1));
  EXPECT_TRUE(contains(w, "2024-01-01T00:00:00Z")) << w;
  EXPECT_TRUE(contains(w, "2025-01-01T00:00:00Z")) << w;
}

}  // namespace
}  // namespace eutl::verify
