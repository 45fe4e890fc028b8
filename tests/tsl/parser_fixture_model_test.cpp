// The model read from the generated fixtures (fixtures/generate.sh, see
// build/fixtures/MANIFEST.txt). Expected values come from the generator's templates
// and MANIFEST, and certificate facts from the openssl CLI on the generated PEM files.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "eutl/tsl/parser.h"
#include "tests/test_paths.h"

namespace eutl::tsl {
namespace {

Result<TrustedList> load_fixture(const std::string& rel) {
  auto path = test::fixtures() / rel;
  auto bytes = read_file(path);
  if (!bytes) return std::move(bytes).error();
  return parse_trusted_list(*bytes, path.string());
}

// `openssl x509 ... -outform DER | sha256sum`, independent of our DER and SHA code.
std::string openssl_der_sha256(const std::string& pem_rel) {
  auto r = test::run_command("openssl x509 -in '" + (test::fixtures() / pem_rel).string() +
                             "' -outform DER | sha256sum");
  return r.out.substr(0, 64);
}

// `openssl x509 -noout -ext subjectKeyIdentifier`, as lower-case hex without colons.
std::string openssl_ski_hex(const std::string& pem_rel) {
  auto r = test::run_command("openssl x509 -in '" + (test::fixtures() / pem_rel).string() +
                             "' -noout -ext subjectKeyIdentifier | tail -1");
  std::string hex;
  for (char c : r.out) {
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(c));
  }
  return hex;
}

const TrustService* find_service(const TrustedList& l, std::string_view name) {
  for (const auto& p : l.providers) {
    for (const auto& s : p.services) {
      if (s.current.name.preferred() == name) return &s;
    }
  }
  return nullptr;
}

TEST(FixtureModel, TlAaSchemeInformation) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-AA.xml");
  ASSERT_TRUE(l) << l.error().message;
  const auto& s = l->scheme;
  EXPECT_EQ(s.version, 5);
  EXPECT_EQ(s.sequence_number, 7u);
  EXPECT_EQ(s.territory, "AA");
  EXPECT_EQ(s.tsl_type, TslType::kEuGeneric);
  EXPECT_FALSE(l->is_lotl());
  EXPECT_EQ(s.operator_name.preferred(), "AA Supervisory Body");
  ASSERT_EQ(s.operator_name.values.size(), 2u);
  EXPECT_EQ(s.operator_name.values[1].lang, "de");
  EXPECT_EQ(s.operator_name.values[1].value, "AA Aufsichtsstelle");
  ASSERT_EQ(s.operator_address.postal.size(), 1u);
  EXPECT_EQ(s.operator_address.postal[0].locality, "AA City");
  EXPECT_EQ(s.operator_address.electronic.values.size(), 2u);
  EXPECT_EQ(s.information_uris.preferred(), "https://aa.example.test/tl/en/");
  EXPECT_EQ(s.status_determination_approach, "http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUappropriate");
  EXPECT_EQ(s.community_rules.size(), 2u);
  EXPECT_EQ(s.policy_or_legal_notice.legal_notices.values.size(), 2u);
  EXPECT_EQ(s.historical_information_period, 65535u);
  EXPECT_EQ(format_time(s.issue_date), "2025-01-01T00:00:00Z");
  EXPECT_EQ(format_time(s.next_update), "2025-07-01T00:00:00Z");
  ASSERT_EQ(s.distribution_points.size(), 1u);
  EXPECT_EQ(s.distribution_points[0], "https://127.0.0.1/tl-AA.xml");
  ASSERT_EQ(s.pointers.size(), 1u);
  EXPECT_EQ(s.pointers[0].tsl_type, TslType::kEuListOfLists);
  EXPECT_EQ(s.pointers[0].territory, "EU");
  EXPECT_EQ(s.pointers[0].scheme_operator_name.preferred(), "European Commission");
  EXPECT_TRUE(l->has_signature);
  EXPECT_EQ(l->providers.size(), 2u);
  EXPECT_EQ(l->service_count(), 4u);
  EXPECT_EQ(l->certificate_count(), 4u);
}

TEST(FixtureModel, TlAaQualifiedCaDetails) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-AA.xml");
  ASSERT_TRUE(l) << l.error().message;
  const auto& tsp = l->providers.at(0);
  EXPECT_EQ(tsp.name.preferred(), "Alpha Trust Services");
  EXPECT_EQ(tsp.trade_name.values.size(), 2u);
  EXPECT_EQ(tsp.information_uris.values.size(), 2u);
  const TrustService* svc = find_service(*l, "Alpha Qualified CA 1");
  ASSERT_NE(svc, nullptr);
  const ServiceState& cur = svc->current;
  EXPECT_EQ(cur.type, ServiceType::kCaQc);
  EXPECT_EQ(cur.status, ServiceStatus::kGranted);
  EXPECT_EQ(format_time(cur.status_start), "2016-07-01T00:00:00Z");
  EXPECT_GT(cur.line, 0);
  // Identity: one certificate, its subject name and its SKI, in three DigitalIds.
  ASSERT_EQ(cur.identity.certificates.size(), 1u);
  EXPECT_EQ(to_hex(cur.identity.certificates[0].blob.sha256()), openssl_der_sha256("pki/ca-qc-AA.pem"));
  EXPECT_EQ(to_hex(cur.identity.certificates[0].blob.ski()), openssl_ski_hex("pki/ca-qc-AA.pem"));
  ASSERT_EQ(cur.identity.subject_names.size(), 1u);
  EXPECT_EQ(cur.identity.subject_names[0], "CN=Alpha Qualified CA 1,O=Alpha Trust Services,C=AA");
  ASSERT_EQ(cur.identity.skis.size(), 1u);
  EXPECT_EQ(to_hex(cur.identity.skis[0]), openssl_ski_hex("pki/ca-qc-AA.pem"));
  EXPECT_EQ(svc->supply_points, std::vector<std::string>{"http://crl.alpha.example.test/qca1.crl"});
  EXPECT_EQ(svc->tsp_service_definition_uris.size(), 1u);
  // Qualifications: QCForESeal+QCWithQSCD for QCP-l-qscd (atLeastOne), QCStatement for nonRepudiation (all).
  const ServiceExtensions& ext = cur.extensions;
  EXPECT_TRUE(ext.qualifications_critical);
  ASSERT_EQ(ext.qualifications.size(), 2u);
  const auto& q0 = ext.qualifications[0];
  EXPECT_EQ(q0.qualifiers, (std::vector<Qualifier>{Qualifier::kQcForESeal, Qualifier::kQcWithQscd}));
  EXPECT_EQ(q0.criteria.assert_kind, CriteriaAssert::kAtLeastOne);
  EXPECT_TRUE(q0.criteria.assert_present);
  ASSERT_EQ(q0.criteria.policy_sets.size(), 1u);
  EXPECT_EQ(q0.criteria.policy_sets[0], std::vector<std::string>{"0.4.0.194112.1.3"});
  EXPECT_TRUE(q0.criteria.unknown_criteria.empty());
  const auto& q1 = ext.qualifications[1];
  EXPECT_EQ(q1.qualifiers, std::vector<Qualifier>{Qualifier::kQcStatement});
  EXPECT_EQ(q1.criteria.assert_kind, CriteriaAssert::kAll);
  ASSERT_EQ(q1.criteria.key_usages.size(), 1u);
  ASSERT_EQ(q1.criteria.key_usages[0].size(), 1u);
  EXPECT_EQ(q1.criteria.key_usages[0][0].name, "nonRepudiation");
  EXPECT_TRUE(q1.criteria.key_usages[0][0].value);
  // AdditionalServiceInformation: ForeSignatures and ForeSeals, both critical.
  ASSERT_EQ(ext.additional_information.size(), 2u);
  EXPECT_TRUE(ext.has(AdditionalInfo::kForESignatures));
  EXPECT_TRUE(ext.has(AdditionalInfo::kForESeals));
  EXPECT_FALSE(ext.has(AdditionalInfo::kForWebSiteAuthentication));
  EXPECT_TRUE(ext.additional_information[0].critical);
  EXPECT_FALSE(ext.has_unknown_critical());
  // History: accredited since 2010-01-01, identified by SKI only.
  ASSERT_EQ(svc->history.size(), 1u);
  const ServiceState& h = svc->history[0];
  EXPECT_EQ(h.status, ServiceStatus::kAccredited);
  EXPECT_EQ(format_time(h.status_start), "2010-01-01T00:00:00Z");
  EXPECT_TRUE(h.identity.certificates.empty());
  ASSERT_EQ(h.identity.skis.size(), 1u);
  EXPECT_EQ(to_hex(h.identity.skis[0]), openssl_ski_hex("pki/ca-qc-AA.pem"));
}

TEST(FixtureModel, TlAaUnknownCriticalExtensionIsRecorded) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-AA.xml");
  ASSERT_TRUE(l) << l.error().message;
  std::size_t with_unknown = 0;
  for (const auto& p : l->providers) {
    for (const auto& s : p.services) {
      if (!s.current.extensions.has_unknown_critical()) continue;
      ++with_unknown;
      ASSERT_EQ(s.current.extensions.unknown.size(), 1u);
      EXPECT_EQ(s.current.extensions.unknown[0].element, "{urn:example:eutl:future-extension}FutureConstraint");
      EXPECT_GT(s.current.extensions.unknown[0].line, 0);
      EXPECT_EQ(s.current.type, ServiceType::kCaQc);
    }
  }
  EXPECT_EQ(with_unknown, 1u);  // MANIFEST: ca-critext-AA's entry only
  EXPECT_TRUE(std::any_of(l->warnings.begin(), l->warnings.end(),
                          [](const Diagnostic& d) { return d.code == "extension-unknown-critical"; }));
}

TEST(FixtureModel, TlAaTimestampService) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-AA.xml");
  ASSERT_TRUE(l) << l.error().message;
  ASSERT_EQ(l->providers.size(), 2u);
  const auto& tsp = l->providers[1];
  EXPECT_EQ(tsp.name.preferred(), "Alpha Time Services");
  ASSERT_EQ(tsp.services.size(), 1u);
  EXPECT_EQ(tsp.services[0].current.type, ServiceType::kTsaQtst);
  EXPECT_EQ(format_time(tsp.services[0].current.status_start), "2019-01-01T00:00:00Z");
  ASSERT_EQ(tsp.services[0].current.identity.certificates.size(), 1u);
  EXPECT_EQ(to_hex(tsp.services[0].current.identity.certificates[0].blob.sha256()),
            openssl_der_sha256("pki/tsa-AA.pem"));
}

TEST(FixtureModel, LotlPointersWithSeveralIdentities) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/lotl.xml");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_TRUE(l->is_lotl());
  EXPECT_EQ(l->scheme.sequence_number, 102u);
  EXPECT_EQ(l->providers.size(), 0u);
  const OtherTslPointer* aa_xml = nullptr;
  std::size_t pdf = 0;
  for (const auto& p : l->scheme.pointers) {
    if (p.territory == "AA" && p.mime_type == kMimeTsl) aa_xml = &p;
    pdf += p.mime_type == "application/pdf";
  }
  EXPECT_EQ(pdf, 3u);  // AA, BB, CC each have a PDF pointer too
  ASSERT_NE(aa_xml, nullptr);
  EXPECT_EQ(aa_xml->location, "https://127.0.0.1/tl-AA.xml");
  EXPECT_EQ(aa_xml->tsl_type, TslType::kEuGeneric);
  // MANIFEST: AA pointer has 2 SDIs, tl-signer-AA-old first, tl-signer-AA second.
  ASSERT_EQ(aa_xml->identities.size(), 2u);
  EXPECT_EQ(aa_xml->certificate_count(), 2u);
  ASSERT_EQ(aa_xml->identities[0].certificates.size(), 1u);
  ASSERT_EQ(aa_xml->identities[1].certificates.size(), 1u);
  EXPECT_EQ(to_hex(aa_xml->identities[0].certificates[0].blob.sha256()),
            openssl_der_sha256("pki/tl-signer-AA-old.pem"));
  EXPECT_EQ(to_hex(aa_xml->identities[1].certificates[0].blob.sha256()), openssl_der_sha256("pki/tl-signer-AA.pem"));
  // SchemeInformationURI: pivot-101 first, then the OJ URL.
  ASSERT_GE(l->scheme.information_uris.values.size(), 2u);
  EXPECT_NE(l->scheme.information_uris.values[0].value.find("pivot-101"), std::string::npos);
}

TEST(FixtureModel, TlBbIsVersion6) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-BB.xml");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->scheme.version, 6);
  EXPECT_EQ(l->scheme.sequence_number, 3u);
  const TrustService* svc = nullptr;
  for (const auto& p : l->providers) {
    for (const auto& s : p.services) svc = &s;
  }
  ASSERT_NE(svc, nullptr);
  EXPECT_TRUE(svc->current.extensions.has(AdditionalInfo::kForWebSiteAuthentication));
  EXPECT_EQ(format_time(svc->current.status_start), "2018-01-01T00:00:00Z");
}

TEST(FixtureModel, TlCcWithdrawnServiceKeepsItsGrantedHistory) {
  EUTL_REQUIRE_FIXTURES();
  auto l = load_fixture("lists/tl-CC.xml");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->scheme.sequence_number, 12u);
  ASSERT_EQ(l->service_count(), 1u);
  const TrustService& svc = l->providers.at(0).services.at(0);
  EXPECT_EQ(svc.current.status, ServiceStatus::kWithdrawn);
  EXPECT_EQ(format_time(svc.current.status_start), "2024-06-01T00:00:00Z");
  ASSERT_GE(svc.history.size(), 1u);
  EXPECT_EQ(svc.history[0].status, ServiceStatus::kGranted);
  EXPECT_EQ(format_time(svc.history[0].status_start), "2017-01-01T00:00:00Z");
}

TEST(FixtureModel, BadFilesFailOrParseAsTheManifestSays) {
  EUTL_REQUIRE_FIXTURES();
  auto nw = load_fixture("bad/not-wellformed.xml");
  ASSERT_FALSE(nw);
  EXPECT_EQ(nw.error().code, Errc::kMalformed);
  EXPECT_NE(nw.error().message.find("not-wellformed.xml:"), std::string::npos) << nw.error().message;
  auto nt = load_fixture("bad/not-a-tsl.xml");
  ASSERT_FALSE(nt);
  EXPECT_NE(nt.error().message.find("not a trusted list"), std::string::npos) << nt.error().message;
  auto unsigned_list = load_fixture("bad/tl-AA-unsigned.xml");
  ASSERT_TRUE(unsigned_list) << unsigned_list.error().message;
  EXPECT_FALSE(unsigned_list->has_signature);
  auto expired = load_fixture("bad/tl-AA-expired.xml");
  ASSERT_TRUE(expired) << expired.error().message;
  EXPECT_EQ(format_time(expired->scheme.next_update), "2024-01-01T00:00:00Z");
}

}  // namespace
}  // namespace eutl::tsl
