// Table-driven qualification cases (issue 5): every case builds an in-memory trusted
// list around a test CA, issues a certificate with the OpenSSL API, and asserts
// qualified, type, qscd and the claim verdict. Expected values come from the ETSI
// rules as written in docs §4.4–4.6, not from running the code.
#include <gtest/gtest.h>

#include <functional>

#include "eutl/verify/qualification.h"
#include "tests/verify/qualification_test_support.h"

namespace eutl::verify {
namespace {

using test::date;
using test::qc_statement;
using test::qc_type;
using Q = std::vector<tsl::Bytes>;
const std::string kEsign = "0.4.0.1862.1.6.1";
const std::string kEseal = "0.4.0.1862.1.6.2";
const std::string kWeb = "0.4.0.1862.1.6.3";
const tsl::Bytes kCompliance = qc_statement("0.4.0.1862.1.1");
const tsl::Bytes kSscd = qc_statement("0.4.0.1862.1.4");
const std::string kQcpNQscd = "0.4.0.194112.1.2", kQcpN = "0.4.0.194112.1.0", kQcpLQscd = "0.4.0.194112.1.3",
                  kQcpL = "0.4.0.194112.1.1", kQncpW = "0.4.0.194112.1.5", kQncpWGen = "0.4.0.194112.1.6",
                  kOvcp = "0.4.0.2042.1.7", kQcpPlus = "0.4.0.1456.1.1", kQcp = "0.4.0.1456.1.2";

struct Pki final {
  test::Issued ca;         // the listed CA (AA)
  test::Issued lookalike;  // same name, another key: never listed
  test::Issued other;      // a second, independent listed CA
  test::Issued root;       // a root CA listed RootCA-QC, with an unlisted intermediate
  test::Issued intermediate;
};

const Pki& pki() {
  static const Pki p = [] {
    Pki r;
    test::CertSpec ca{.cn = "Test QC CA", .org = "Test TSP", .country = "AA", .not_before = date(2010, 1, 1),
                      .not_after = date(2040, 1, 1), .ca = true};
    r.ca = test::issue(ca, nullptr);
    r.lookalike = test::issue(ca, nullptr);
    test::CertSpec other = ca;
    other.cn = "Other QC CA";
    r.other = test::issue(other, nullptr);
    test::CertSpec root = ca;
    root.cn = "Test Root CA";
    r.root = test::issue(root, nullptr);
    test::CertSpec inter = ca;
    inter.cn = "Test Issuing CA";
    r.intermediate = test::issue(inter, &r.root, "Test Root CA", "Test TSP", "AA");
    return r;
  }();
  return p;
}

enum class Issuer { kCa, kLookalike, kOther, kIntermediate };

struct Case final {
  const char* name;
  test::CertSpec cert;
  std::function<std::vector<tsl::TrustedList>(const Pki&)> lists;
  tsl::TimePoint at = date(2024, 6, 1);
  const char* claim = "qes";
  Tri qualified;
  CertType type;
  Tri qscd;
  Verdict verdict;
  Issuer issuer = Issuer::kCa;
  bool with_chain = false;
  std::optional<Tri> qualified_at_issuance = std::nullopt;
};

// ---- certificate shapes ----
test::CertSpec qes_cert() { return {.policies = kQcpNQscd, .qc = Q{kCompliance, kSscd, qc_type({kEsign})}}; }
test::CertSpec qc_esig_cert() { return {.policies = kQcpN, .qc = Q{kCompliance, qc_type({kEsign})}}; }
test::CertSpec qseal_cert() {
  return {.cn = "Seal", .policies = kQcpLQscd, .qc = Q{kCompliance, kSscd, qc_type({kEseal})}};
}
test::CertSpec qwac_cert() {
  return {.cn = "www.example.aa", .key_usage = "digitalSignature", .policies = kQncpW + ",0.4.0.2042.1.7",
          .ekus = "1.3.6.1.5.5.7.3.1", .qc = Q{kCompliance, qc_type({kWeb})}};
}
test::CertSpec ovcp_cert() {
  return {.cn = "www.ovcp.aa", .key_usage = "digitalSignature", .policies = kOvcp, .ekus = "1.3.6.1.5.5.7.3.1"};
}
test::CertSpec pre_eidas_cert(const std::string& policy) {
  return {.not_before = date(2014, 1, 1), .not_after = date(2017, 1, 1), .policies = policy};
}

// ---- list shapes ----
using Lists = std::vector<tsl::TrustedList>;
tsl::ServiceState granted(std::initializer_list<std::string> asi = {"ForeSignatures"},
                          tsl::TimePoint since = date(2017, 1, 1)) {
  return test::state("CA/QC", "granted", since, asi);
}
tsl::ServiceState with(tsl::ServiceState s, tsl::QualificationElement q) {
  s.extensions.qualifications.push_back(std::move(q));
  return s;
}
std::function<Lists(const Pki&)> one(std::function<tsl::TrustService(const Pki&)> svc) {
  return [svc](const Pki& p) { return Lists{test::list("AA", {svc(p)})}; };
}
std::function<Lists(const Pki&)> granted_ca(std::initializer_list<std::string> asi = {"ForeSignatures"}) {
  std::vector<std::string> a(asi);
  return [a](const Pki& p) {
    tsl::ServiceState s = test::state("CA/QC", "granted", date(2017, 1, 1));
    for (const auto& x : a) {
      s.extensions.additional_information.push_back(
          test::state("CA/QC", "granted", date(2017, 1, 1), {x}).extensions.additional_information[0]);
    }
    return Lists{test::list("AA", {test::service(p.ca, s)})};
  };
}
tsl::CriteriaList all_of_policies(std::vector<std::string> oids) {
  return test::policy_criteria(std::move(oids), tsl::CriteriaAssert::kAll);
}

std::vector<Case> cases() {
  std::vector<Case> c;
  // 1-7: the plain cases and the QSCD qualifiers.
  c.push_back({"QesUnderGrantedCaNoQualifiers", qes_cert(), granted_ca(), date(2024, 6, 1), "qes", Tri::kTrue,
               CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"QcEsigWithoutSscdRefutesQes", qc_esig_cert(), granted_ca(), date(2024, 6, 1), "qes", Tri::kTrue,
               CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"QcEsigWithoutSscdConfirmsQcEsig", qc_esig_cert(), granted_ca(), date(2024, 6, 1), "qc-esig",
               Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"QscdOverruledByQcNoQscd", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"QCNoQSCD"},
                                                                                all_of_policies({kQcpNQscd}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"QscdOverruledByQcWithQscd", qc_esig_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca,
                                      with(granted(), test::qualification({"QCWithQSCD"}, all_of_policies({kQcpN}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"QscdManagedOnBehalf", qc_esig_cert(),
               one([](const Pki& p) {
                 return test::service(
                     p.ca, with(granted(), test::qualification({"QCQSCDManagedOnBehalf"}, all_of_policies({kQcpN}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"QscdStatusAsInCertReadsQcSscd", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"QCQSCDStatusAsInCert"},
                                                                                all_of_policies({kQcpNQscd}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  // 8-11: periods and statuses.
  auto withdrawn_2022 = one([](const Pki& p) {
    return test::service(p.ca, test::state("CA/QC", "withdrawn", date(2022, 1, 1), {"ForeSignatures"}),
                         {granted()});
  });
  c.push_back({"WithdrawnAfterIssuance", qes_cert(), withdrawn_2022, date(2024, 6, 1), "qes", Tri::kFalse,
               CertType::kESig, Tri::kFalse, Verdict::kRefuted, Issuer::kCa, false, Tri::kTrue});
  c.push_back({"GrantedOnlyInHistoryUsedAtTimeInHistory", qes_cert(), withdrawn_2022, date(2021, 6, 1), "qes",
               Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed, Issuer::kCa, false, Tri::kTrue});
  c.push_back({"IssuedAfterWithdrawal",
               test::CertSpec{.not_before = date(2023, 1, 1), .policies = kQcpNQscd,
                              .qc = Q{kCompliance, kSscd, qc_type({kEsign})}},
               withdrawn_2022, date(2024, 6, 1), "qes", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted,
               Issuer::kCa, false, Tri::kFalse});
  c.push_back({"NoPeriodAtIssuanceIsIndeterminate",
               test::CertSpec{.not_before = date(2016, 1, 1), .policies = kQcpNQscd,
                              .qc = Q{kCompliance, kSscd, qc_type({kEsign})}},
               granted_ca(), date(2024, 6, 1), "qes", Tri::kUnknown, CertType::kUnknown, Tri::kUnknown,
               Verdict::kIndeterminate, Issuer::kCa, false, Tri::kUnknown});
  // 12-15: NotQualified / QCStatement and criteria.
  c.push_back({"NotQualifiedViaPolicySet", qc_esig_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"NotQualified"},
                                                                                test::policy_criteria({kQcpN}))));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"NotQualifiedPolicySetNotMatching", qc_esig_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"NotQualified"},
                                                                                test::policy_criteria({"1.2.3.4"}))));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"QcStatementQualifierMakesPlainCertQualified", test::CertSpec{.policies = "1.2.3.4"},
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"QCStatement", "QCForESig"},
                                                                                test::policy_criteria({"1.2.3.4"}))));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"PlainCertNoQualifierNotQualified", test::CertSpec{.policies = "1.2.3.4"}, granted_ca(),
               date(2024, 6, 1), "qc-esig", Tri::kFalse, CertType::kUnknown, Tri::kFalse, Verdict::kRefuted});
  // 16-21: type filter and overrides.
  c.push_back({"EsealUnderForeSignaturesOnly", qseal_cert(), granted_ca({"ForeSignatures"}), date(2024, 6, 1),
               "qseal", Tri::kFalse, CertType::kESeal, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"EsealUnderForeSignaturesAndForeSeals", qseal_cert(), granted_ca({"ForeSignatures", "ForeSeals"}),
               date(2024, 6, 1), "qseal", Tri::kTrue, CertType::kESeal, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"EsealAsiVsQcTypeEsignConflict", qes_cert(), granted_ca({"ForeSeals"}), date(2024, 6, 1), "qes",
               Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"NoQcTypeOverriddenToEseal", test::CertSpec{.policies = kQcpLQscd, .qc = Q{kCompliance, kSscd}},
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted({"ForeSeals"}),
                                                 test::qualification({"QCForESeal"}, all_of_policies({kQcpLQscd}))));
               }),
               date(2024, 6, 1), "qseal", Tri::kTrue, CertType::kESeal, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"QcForLegalPersonCancelsForeSignatures", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted({"ForeSignatures"}),
                                                 test::qualification({"QCForLegalPerson"}, all_of_policies({kQcpNQscd}))));
               }),
               date(2024, 6, 1), "qes", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"TwoQcTypesGiveUnknownType",
               test::CertSpec{.policies = kQcpNQscd, .qc = Q{kCompliance, kSscd, qc_type({kEsign, kEseal})}},
               granted_ca({"ForeSignatures", "ForeSeals"}), date(2024, 6, 1), "qes", Tri::kTrue, CertType::kUnknown,
               Tri::kTrue, Verdict::kRefuted});
  c.push_back({"TwoUsageQualifiersGiveUnknownType", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted({"ForeSignatures", "ForeSeals"}),
                                                 test::qualification({"QCForESig", "QCForESeal"},
                                                                     all_of_policies({kQcpNQscd}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kUnknown, Tri::kTrue, Verdict::kRefuted});
  // 22-25: several services.
  c.push_back({"TwoServicesDisagree", qes_cert(),
               [](const Pki& p) {
                 return Lists{test::list("AA", {test::service(p.ca, granted())}),
                              test::list("BB", {test::service(p.ca, with(granted(), test::qualification(
                                                                                        {"QCNoQSCD"},
                                                                                        all_of_policies({kQcpNQscd}))))})};
               },
               date(2024, 6, 1), "qes", Tri::kUnknown, CertType::kUnknown, Tri::kUnknown, Verdict::kIndeterminate});
  c.push_back({"TwoServicesAgree", qes_cert(),
               [](const Pki& p) {
                 return Lists{test::list("AA", {test::service(p.ca, granted())}),
                              test::list("BB", {test::service(p.ca, granted())})};
               },
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"CaQcPreferredOverCaPkcSameKey", qes_cert(),
               [](const Pki& p) {
                 return Lists{test::list("AA", {test::service(p.ca, test::state("CA/PKC", "recognisedatnationallevel",
                                                                                date(2017, 1, 1))),
                                                test::service(p.ca, granted())})};
               },
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"OnlyCaPkcIsNotQualified", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, test::state("CA/PKC", "granted", date(2017, 1, 1), {"ForeSignatures"}));
               }),
               date(2024, 6, 1), "qes", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  // 26-30: pre-eIDAS.
  auto accredited_then_granted = one([](const Pki& p) {
    tsl::ServiceState cur = granted({"ForeSignatures"}, date(2016, 7, 1));
    tsl::ServiceState old = test::state("CA/QC", "accredited", date(2010, 1, 1));
    return test::service(p.ca, cur, {old});
  });
  c.push_back({"PreEidasQcpPlusCertificate", pre_eidas_cert(kQcpPlus), accredited_then_granted, date(2016, 9, 1),
               "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed, Issuer::kCa, false, Tri::kTrue});
  c.push_back({"PreEidasQcpCertificateNoSscd", pre_eidas_cert(kQcp), accredited_then_granted, date(2016, 9, 1),
               "qes", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kRefuted, Issuer::kCa, false, Tri::kTrue});
  c.push_back({"PreEidasQcpWithSscdQualifier", pre_eidas_cert(kQcp),
               one([](const Pki& p) {
                 tsl::ServiceState old = with(test::state("CA/QC", "undersupervision", date(2010, 1, 1)),
                                              test::qualification({"QCWithSSCD"}, all_of_policies({kQcp})));
                 return test::service(p.ca, granted({"ForeSignatures"}, date(2016, 7, 1)), {old});
               }),
               date(2014, 1, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"PreEidasSetByNationalLawNotAcceptable", pre_eidas_cert(kQcpPlus),
               one([](const Pki& p) {
                 return test::service(p.ca, granted({"ForeSignatures"}, date(2016, 7, 1)),
                                      {test::state("CA/QC", "setbynationallaw", date(2010, 1, 1))});
               }),
               date(2016, 9, 1), "qes", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted, Issuer::kCa,
               false, Tri::kFalse});
  c.push_back({"PreEidasCertWithoutQcPolicyNotQualified", pre_eidas_cert("1.2.3.4"), accredited_then_granted,
               date(2016, 9, 1), "qc-esig", Tri::kFalse, CertType::kUnknown, Tri::kFalse, Verdict::kRefuted});
  // 31-32: QcCClegislation.
  c.push_back({"QcCcLegislationPresent",
               test::CertSpec{.policies = kQcpN,
                              .qc = Q{kCompliance, qc_type({kEsign}),
                                      qc_statement("0.4.0.1862.1.7", test::der_tlv(0x30, test::der_str(0x13, "ZZ")))}},
               granted_ca(), date(2024, 6, 1), "qc-esig", Tri::kFalse, CertType::kESig, Tri::kFalse,
               Verdict::kRefuted});
  c.push_back({"QcCompliancePolicyClaimWithoutList", qes_cert(), granted_ca(), date(2024, 6, 1), "QCP-n-qscd",
               Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  // 33-39: QWAC.
  c.push_back({"Part1OvcpCertificateClaimingQwac", ovcp_cert(), granted_ca({"ForWebSiteAuthentication"}),
               date(2024, 6, 1), "qwac", Tri::kFalse, CertType::kUnknown, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"Part1OvcpPolicyClaimConfirmedButNotQualified", ovcp_cert(), granted_ca({"ForWebSiteAuthentication"}),
               date(2024, 6, 1), "OVCP", Tri::kFalse, CertType::kUnknown, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"OneQwacConfirmed", qwac_cert(), granted_ca({"ForWebSiteAuthentication"}), date(2024, 6, 1), "qwac",
               Tri::kTrue, CertType::kWsa, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"QwacCertUnderCaWithoutForWsa", qwac_cert(), granted_ca({"ForeSignatures"}), date(2024, 6, 1),
               "qwac", Tri::kFalse, CertType::kWsa, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"TwoQwacConfirmed",
               test::CertSpec{.cn = "binding", .key_usage = "digitalSignature", .policies = kQncpWGen,
                              .ekus = "0.4.0.194115.1.0", .qc = Q{kCompliance, qc_type({kWeb})}},
               granted_ca({"ForWebSiteAuthentication"}), date(2024, 6, 1), "qwac", Tri::kTrue, CertType::kWsa,
               Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"QwacContentWithoutQwacPolicy",
               test::CertSpec{.cn = "www.nopolicy.aa", .policies = kOvcp, .qc = Q{kCompliance, qc_type({kWeb})}},
               granted_ca({"ForWebSiteAuthentication"}), date(2024, 6, 1), "qwac", Tri::kTrue, CertType::kWsa,
               Tri::kFalse, Verdict::kRefuted});
  c.push_back({"QncpWPolicyClaimOnOvcpRefuted", ovcp_cert(), granted_ca({"ForWebSiteAuthentication"}),
               date(2024, 6, 1), "QNCP-w", Tri::kFalse, CertType::kUnknown, Tri::kFalse, Verdict::kRefuted});
  // 40-43: issuer identification.
  c.push_back({"LookalikeIssuerSameNameOtherKey", qes_cert(), granted_ca(), date(2024, 6, 1), "qes", Tri::kUnknown,
               CertType::kUnknown, Tri::kUnknown, Verdict::kIndeterminate, Issuer::kLookalike});
  c.push_back({"IssuerNotListed", qes_cert(), [](const Pki& p) { return Lists{test::list("AA", {test::service(p.other, granted())})}; },
               date(2024, 6, 1), "qes", Tri::kUnknown, CertType::kUnknown, Tri::kUnknown, Verdict::kIndeterminate});
  c.push_back({"ListedRootThroughChain", qes_cert(),
               [](const Pki& p) {
                 return Lists{test::list("AA", {test::service(p.root, granted({"ForeSignatures", "RootCA-QC"}))})};
               },
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed,
               Issuer::kIntermediate, true});
  c.push_back({"ListedRootWithoutChainIsIndeterminate", qes_cert(),
               [](const Pki& p) {
                 return Lists{test::list("AA", {test::service(p.root, granted({"ForeSignatures", "RootCA-QC"}))})};
               },
               date(2024, 6, 1), "qes", Tri::kUnknown, CertType::kUnknown, Tri::kUnknown, Verdict::kIndeterminate,
               Issuer::kIntermediate, false});
  // 44-45: extensions.
  c.push_back({"UnknownCriticalExtensionMakesEntryUnusable", qes_cert(),
               one([](const Pki& p) {
                 tsl::ServiceState s = granted();
                 s.extensions.unknown.push_back(tsl::UnknownExtension{"{urn:x}Foo", true, 0});
                 return test::service(p.ca, s);
               }),
               date(2024, 6, 1), "qes", Tri::kUnknown, CertType::kUnknown, Tri::kUnknown, Verdict::kIndeterminate});
  c.push_back({"UnknownNonCriticalExtensionIgnored", qes_cert(),
               one([](const Pki& p) {
                 tsl::ServiceState s = granted();
                 s.extensions.unknown.push_back(tsl::UnknownExtension{"{urn:x}Foo", false, 0});
                 return test::service(p.ca, s);
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  // 46-50: criteria lists.
  c.push_back({"KeyUsageCriteriaAppliesNoQscd", qes_cert(),
               one([](const Pki& p) {
                 tsl::CriteriaList cl;
                 cl.key_usages.push_back({{"nonRepudiation", true}});
                 return test::service(p.ca, with(granted(), test::qualification({"QCNoQSCD"}, cl)));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"AssertNoneDoesNotApplyWhenPolicyMatches", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"QCNoQSCD"},
                                                                                test::policy_criteria(
                                                                                    {kQcpNQscd},
                                                                                    tsl::CriteriaAssert::kNone))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kConfirmed});
  c.push_back({"NestedCriteriaWithEku",
               test::CertSpec{.policies = kQcpN, .ekus = "1.3.6.1.5.5.7.3.4", .qc = Q{kCompliance, qc_type({kEsign})}},
               one([](const Pki& p) {
                 tsl::CriteriaList inner;
                 inner.assert_kind = tsl::CriteriaAssert::kAtLeastOne;
                 inner.extended_key_usages = {{"1.3.6.1.5.5.7.3.2"}, {"1.3.6.1.5.5.7.3.4"}};
                 tsl::CriteriaList outer = all_of_policies({kQcpN});
                 outer.nested.push_back(inner);
                 return test::service(p.ca, with(granted(), test::qualification({"NotQualified"}, outer)));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"UnknownCriteriaNeverMatch", qc_esig_cert(),
               one([](const Pki& p) {
                 tsl::CriteriaList cl;
                 cl.unknown_criteria.push_back("{urn:x}Mystery");
                 return test::service(p.ca, with(granted(), test::qualification({"NotQualified"}, cl)));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kConfirmed});
  c.push_back({"SubjectDnAttributeCriteria", qc_esig_cert(),
               one([](const Pki& p) {
                 tsl::CriteriaList cl;
                 cl.subject_dn_attributes.push_back({"2.5.4.10", "2.5.4.3"});
                 return test::service(p.ca, with(granted(), test::qualification({"NotQualified"}, cl)));
               }),
               date(2024, 6, 1), "qc-esig", Tri::kFalse, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"ContradictoryQscdQualifiersGiveNoQscd", qes_cert(),
               one([](const Pki& p) {
                 return test::service(p.ca, with(granted(), test::qualification({"QCWithQSCD", "QCNoQSCD"},
                                                                                all_of_policies({kQcpNQscd}))));
               }),
               date(2024, 6, 1), "qes", Tri::kTrue, CertType::kESig, Tri::kFalse, Verdict::kRefuted});
  c.push_back({"QcpLClaimOnNaturalPersonCertRefuted", qes_cert(), granted_ca(), date(2024, 6, 1), "QCP-l",
               Tri::kTrue, CertType::kESig, Tri::kTrue, Verdict::kRefuted});
  return c;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class QualificationCases : public ::testing::TestWithParam<Case> {};

TEST_P(QualificationCases, DecidesAsTheRulesSay) {
  const Case& tc = GetParam();
  const Pki& p = pki();
  const test::Issued* signer = tc.issuer == Issuer::kCa          ? &p.ca
                               : tc.issuer == Issuer::kLookalike ? &p.lookalike
                               : tc.issuer == Issuer::kOther     ? &p.other
                                                                 : &p.intermediate;
  std::string issuer_cn = tc.issuer == Issuer::kIntermediate ? "Test Issuing CA"
                          : tc.issuer == Issuer::kOther      ? "Other QC CA"
                                                             : "Test QC CA";
  test::Issued ee = test::issue(tc.cert, signer, issuer_cn, "Test TSP", "AA");
  CertificateProfile cert = test::profile(ee.der);
  CertificateProfile inter = test::profile(p.intermediate.der);
  Lists lists = tc.lists(p);
  std::vector<tsl::IndexInput> inputs;
  for (const auto& l : lists) {
    inputs.push_back(tsl::IndexInput{&l, tsl::sha256(tsl::as_bytes(l.scheme.territory)), "mem:" + l.scheme.territory});
  }
  tsl::ServiceIndex index = tsl::ServiceIndex::build(inputs);
  QualificationEngine engine(index);
  QualificationRequest req;
  req.certificate = &cert;
  if (tc.with_chain) {
    req.chain.push_back(&inter);
  }
  req.at = tc.at;
  auto claim = parse_claim(tc.claim);
  ASSERT_TRUE(claim.has_value());
  req.claim = *claim;
  auto r = engine.decide(req);
  ASSERT_TRUE(r.has_value());
  std::string trace;
  for (const auto& e : r->trace.entries()) {
    trace += "  [" + e.rule_id + "] " + std::string(to_string(e.outcome)) + " " + e.subject + ": " + e.detail + "\n";
  }
  EXPECT_EQ(to_string(r->overall.qualified), to_string(tc.qualified)) << trace;
  EXPECT_EQ(to_string(r->overall.type), to_string(tc.type)) << trace;
  EXPECT_EQ(to_string(r->overall.qscd), to_string(tc.qscd)) << trace;
  ASSERT_TRUE(r->claim.has_value());
  EXPECT_EQ(to_string(r->claim->verdict), to_string(tc.verdict)) << r->claim->failing_part << "\n" << trace;
  if (tc.qualified_at_issuance) {
    EXPECT_EQ(to_string(r->at_issuance.qualified), to_string(*tc.qualified_at_issuance)) << trace;
  }
  if (r->overall.status != QualStatus::kIndeterminate) {
    EXPECT_TRUE(r->at_issuance.service.has_value()) << "a decided result names its service";
  }
}

INSTANTIATE_TEST_SUITE_P(Table, QualificationCases, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(QualificationCasesTable, HasAtLeastFortyCases) { EXPECT_GE(cases().size(), 40u); }

}  // namespace
}  // namespace eutl::verify
