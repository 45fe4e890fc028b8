// Service information extensions (TS 119 612 V2.4.1 §5.5.9), from small inline lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/tsl/tsl_snippets.h"

namespace eutl::tsl {
namespace {

using snippets::make_provider;
using snippets::make_tsl;
using snippets::parse_text;

using snippets::has_warning;

Result<TrustedList> with_extensions(std::string_view extensions) {
  std::string body = "<ServiceInformationExtensions>" + std::string(extensions) + "</ServiceInformationExtensions>";
  std::string provider = make_provider(body);
  return parse_text(make_tsl({.providers = provider}));
}

const ServiceExtensions& ext_of(const TrustedList& l) { return l.providers.at(0).services.at(0).current.extensions; }

std::string qualification(std::string_view criteria, std::string_view qualifier = "QCWithQSCD") {
  return R"(<Extension Critical="true"><ecc:Qualifications><ecc:QualificationElement><ecc:Qualifiers>
    <ecc:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/)" +
         std::string(qualifier) + R"("/></ecc:Qualifiers>)" + std::string(criteria) +
         "</ecc:QualificationElement></ecc:Qualifications></Extension>";
}

TEST(ReadExtensions, CriteriaListWithoutAssertIsAllWithAWarning) {
  auto l = with_extensions(qualification(
      "<ecc:CriteriaList><ecc:KeyUsage><ecc:KeyUsageBit name=\"nonRepudiation\">true</ecc:KeyUsageBit>"
      "<ecc:KeyUsageBit name=\"digitalSignature\">false</ecc:KeyUsageBit></ecc:KeyUsage></ecc:CriteriaList>"));
  ASSERT_TRUE(l) << l.error().message;
  const auto& c = ext_of(*l).qualifications.at(0).criteria;
  EXPECT_FALSE(c.assert_present);
  EXPECT_EQ(c.assert_kind, CriteriaAssert::kAll);
  ASSERT_EQ(c.key_usages.size(), 1u);
  ASSERT_EQ(c.key_usages[0].size(), 2u);
  EXPECT_TRUE(c.key_usages[0][0].value);
  EXPECT_EQ(c.key_usages[0][1].name, "digitalSignature");
  EXPECT_FALSE(c.key_usages[0][1].value);
  EXPECT_TRUE(has_warning(*l, "criteria-assert-missing"));
}

TEST(ReadExtensions, AssertKinds) {
  for (auto [text, kind] : {std::pair{"all", CriteriaAssert::kAll}, std::pair{"atLeastOne", CriteriaAssert::kAtLeastOne},
                            std::pair{"none", CriteriaAssert::kNone}}) {
    auto l = with_extensions(qualification("<ecc:CriteriaList assert=\"" + std::string(text) + "\"/>"));
    ASSERT_TRUE(l) << l.error().message;
    const auto& c = ext_of(*l).qualifications.at(0).criteria;
    EXPECT_EQ(c.assert_kind, kind) << text;
    EXPECT_TRUE(c.assert_present);
    EXPECT_TRUE(c.unknown_criteria.empty());
  }
}

TEST(ReadExtensions, UnknownAssertNeverMatches) {
  auto l = with_extensions(qualification("<ecc:CriteriaList assert=\"maybe\"/>"));
  ASSERT_TRUE(l) << l.error().message;
  const auto& c = ext_of(*l).qualifications.at(0).criteria;
  ASSERT_EQ(c.unknown_criteria.size(), 1u);
  EXPECT_EQ(c.unknown_criteria[0], "assert=maybe");
  EXPECT_TRUE(has_warning(*l, "criteria-assert"));
}

TEST(ReadExtensions, UrnOidPolicyIdentifiersAreStripped) {
  auto l = with_extensions(qualification(R"(<ecc:CriteriaList assert="atLeastOne"><ecc:PolicySet>
      <ecc:PolicyIdentifier><xades:Identifier Qualifier="OIDAsURN">urn:oid:0.4.0.194112.1.2</xades:Identifier></ecc:PolicyIdentifier>
      <ecc:PolicyIdentifier><xades:Identifier> 1.3.6.1.4.1.99.1 </xades:Identifier></ecc:PolicyIdentifier>
    </ecc:PolicySet><ecc:PolicySet><ecc:PolicyIdentifier><xades:Identifier>0.4.0.194112.1.0</xades:Identifier>
    </ecc:PolicyIdentifier></ecc:PolicySet></ecc:CriteriaList>)"));
  ASSERT_TRUE(l) << l.error().message;
  const auto& c = ext_of(*l).qualifications.at(0).criteria;
  ASSERT_EQ(c.policy_sets.size(), 2u);
  EXPECT_EQ(c.policy_sets[0], (std::vector<std::string>{"0.4.0.194112.1.2", "1.3.6.1.4.1.99.1"}));
  EXPECT_EQ(c.policy_sets[1], std::vector<std::string>{"0.4.0.194112.1.0"});
}

TEST(ReadExtensions, NestedAndOtherCriteria) {
  auto l = with_extensions(qualification(R"(<ecc:CriteriaList assert="all">
      <ecc:CriteriaList assert="none"><ecc:PolicySet><ecc:PolicyIdentifier><xades:Identifier>1.2.3</xades:Identifier>
      </ecc:PolicyIdentifier></ecc:PolicySet></ecc:CriteriaList>
      <ecc:Description>test</ecc:Description>
      <ecc:otherCriteriaList>
        <tslx:ExtendedKeyUsage><tslx:KeyPurposeId><xades:Identifier>1.3.6.1.5.5.7.3.1</xades:Identifier></tslx:KeyPurposeId></tslx:ExtendedKeyUsage>
        <tslx:CertSubjectDNAttribute><tslx:AttributeOID><xades:Identifier>2.5.4.97</xades:Identifier></tslx:AttributeOID></tslx:CertSubjectDNAttribute>
        <mra:QcStatementSet xmlns:mra="http://ec.europa.eu/tools/lotl/mra/schema/v2#"><mra:QcStatement>
          <mra:QcStatementId><xades:Identifier>0.4.0.1862.1.1</xades:Identifier></mra:QcStatementId></mra:QcStatement></mra:QcStatementSet>
        <x:Strange xmlns:x="urn:x"/>
      </ecc:otherCriteriaList></ecc:CriteriaList>)"));
  ASSERT_TRUE(l) << l.error().message;
  const auto& c = ext_of(*l).qualifications.at(0).criteria;
  ASSERT_EQ(c.nested.size(), 1u);
  EXPECT_EQ(c.nested[0].assert_kind, CriteriaAssert::kNone);
  EXPECT_EQ(c.nested[0].policy_sets.at(0), std::vector<std::string>{"1.2.3"});
  EXPECT_EQ(c.description, "test");
  EXPECT_EQ(c.extended_key_usages, std::vector<std::vector<std::string>>{{"1.3.6.1.5.5.7.3.1"}});
  EXPECT_EQ(c.subject_dn_attributes, std::vector<std::vector<std::string>>{{"2.5.4.97"}});
  EXPECT_EQ(c.qc_statement_sets, std::vector<std::vector<std::string>>{{"0.4.0.1862.1.1"}});
  EXPECT_EQ(c.unknown_criteria, std::vector<std::string>{"{urn:x}Strange"});
  EXPECT_TRUE(has_warning(*l, "criteria-unknown"));
}

TEST(ReadExtensions, DeeplyNestedCriteriaStopWithoutRecursingForever) {
  std::string open, close;
  for (int i = 0; i < 40; ++i) {
    open += "<ecc:CriteriaList assert=\"all\">";
    close += "</ecc:CriteriaList>";
  }
  auto l = with_extensions(qualification(open + close));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_TRUE(has_warning(*l, "criteria-depth"));
}

TEST(ReadExtensions, QualificationWithoutCriteriaNeverMatches) {
  auto l = with_extensions(qualification(""));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(ext_of(*l).qualifications.at(0).criteria.unknown_criteria.empty());
  EXPECT_TRUE(has_warning(*l, "criteria-missing"));
}

TEST(ReadExtensions, UnknownQualifierKeepsItsUri) {
  auto l = with_extensions(qualification("<ecc:CriteriaList assert=\"all\"/>", "QCFutureThing"));
  ASSERT_TRUE(l) << l.error().message;
  const auto& q = ext_of(*l).qualifications.at(0);
  EXPECT_EQ(q.qualifiers, std::vector<Qualifier>{Qualifier::kUnknown});
  EXPECT_EQ(q.qualifier_uris[0], "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCFutureThing");
  EXPECT_TRUE(has_warning(*l, "qualifier-unknown"));
}

TEST(ReadExtensions, TakenOverByExpiredCertsAndAsi) {
  auto l = with_extensions(R"(
    <Extension Critical="false"><tslx:TakenOverBy>
      <tslx:URI xml:lang="en">https://new.example.test/</tslx:URI>
      <tslx:TSPName><Name xml:lang="fr">Nouveau</Name><Name xml:lang="en">New TSP</Name></tslx:TSPName>
      <SchemeOperatorName><Name xml:lang="en">BB Body</Name></SchemeOperatorName>
      <SchemeTerritory>BB</SchemeTerritory></tslx:TakenOverBy></Extension>
    <Extension Critical="false"><ExpiredCertsRevocationInfo>2019-05-01T00:00:00+02:00</ExpiredCertsRevocationInfo></Extension>
    <Extension Critical="true"><AdditionalServiceInformation>
      <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/RootCA-QC</URI>
      <InformationValue xml:lang="en">root</InformationValue></AdditionalServiceInformation></Extension>
    <Extension Critical="false"><x:Thing xmlns:x="urn:x"/></Extension>)");
  ASSERT_TRUE(l) << l.error().message;
  const auto& e = ext_of(*l);
  ASSERT_TRUE(e.taken_over_by);
  EXPECT_EQ(e.taken_over_by->uri, "https://new.example.test/");
  EXPECT_EQ(e.taken_over_by->tsp_name.preferred(), "New TSP");
  EXPECT_EQ(e.taken_over_by->scheme_operator_name.preferred(), "BB Body");
  EXPECT_EQ(e.taken_over_by->scheme_territory, "BB");
  EXPECT_FALSE(e.taken_over_by->critical);
  ASSERT_TRUE(e.expired_certs_revocation_info);
  EXPECT_EQ(format_time(*e.expired_certs_revocation_info), "2019-04-30T22:00:00Z");
  ASSERT_EQ(e.additional_information.size(), 1u);
  EXPECT_EQ(e.additional_information[0].kind, AdditionalInfo::kRootCaQc);
  EXPECT_EQ(e.additional_information[0].information_value, "root");
  EXPECT_TRUE(e.additional_information[0].critical);
  // A non-critical unknown extension is kept but does not make the entry unusable.
  ASSERT_EQ(e.unknown.size(), 1u);
  EXPECT_FALSE(e.unknown[0].critical);
  EXPECT_FALSE(e.has_unknown_critical());
}

TEST(ReadExtensions, UnknownCriticalExtensionIsRecordedWithItsLine) {
  auto l = with_extensions("\n<Extension Critical=\"true\"><x:Thing xmlns:x=\"urn:x\"/></Extension>");
  ASSERT_TRUE(l) << l.error().message;
  const auto& e = ext_of(*l);
  ASSERT_EQ(e.unknown.size(), 1u);
  EXPECT_EQ(e.unknown[0].element, "{urn:x}Thing");
  EXPECT_TRUE(e.unknown[0].critical);
  EXPECT_GT(e.unknown[0].line, 10);
  EXPECT_TRUE(e.has_unknown_critical());
  EXPECT_TRUE(has_warning(*l, "extension-unknown-critical"));
}

TEST(ReadExtensions, MissingCriticalAttributeIsReported) {
  auto l = with_extensions("<Extension><x:Thing xmlns:x=\"urn:x\"/></Extension>");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_TRUE(has_warning(*l, "extension-critical-missing"));
}

}  // namespace
}  // namespace eutl::tsl
