// SchemeInformation: required fields, closed lists, pointers.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/tsl/tsl_snippets.h"

namespace eutl::tsl {
namespace {

using snippets::make_tsl;
using snippets::parse_text;

using snippets::has_warning;

TEST(ReadScheme, MinimalListReads) {
  auto l = parse_text(make_tsl());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->scheme.version, 5);
  EXPECT_EQ(l->scheme.sequence_number, 7u);
  EXPECT_EQ(l->scheme.territory, "AA");
  EXPECT_EQ(l->tsl_tag, "http://uri.etsi.org/19612/TSLTag");
  EXPECT_EQ(l->id, "tsl-1");
  EXPECT_FALSE(l->has_signature);
  EXPECT_EQ(format_time(l->scheme.next_update), "2025-07-01T00:00:00Z");
  EXPECT_TRUE(l->warnings.empty()) << l->warnings[0].code;
}

TEST(ReadScheme, EmptyNextUpdateIsAClosedList) {
  auto l = parse_text(make_tsl({.next_update = "<NextUpdate/>"}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(l->scheme.next_update);
  EXPECT_FALSE(has_warning(*l, "next-update-missing"));
  auto spaced = parse_text(make_tsl({.next_update = "<NextUpdate>\n  </NextUpdate>"}));
  ASSERT_TRUE(spaced) << spaced.error().message;
  EXPECT_FALSE(spaced->scheme.next_update);
}

TEST(ReadScheme, AbsentNextUpdateIsClosedButReported) {
  auto l = parse_text(make_tsl({.next_update = ""}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(l->scheme.next_update);
  EXPECT_TRUE(has_warning(*l, "next-update-missing"));
}

TEST(ReadScheme, MissingIssueDateIsAnErrorWithALine) {
  auto l = parse_text(make_tsl({.issue = ""}));
  ASSERT_FALSE(l);
  EXPECT_EQ(l.error().code, Errc::kMalformed);
  EXPECT_EQ(l.error().message, "snippet.xml:6: ListIssueDateTime missing or invalid");
}

TEST(ReadScheme, MissingOrBadSequenceIsAnError) {
  std::string xml = make_tsl();
  std::string no_seq = xml;
  no_seq.erase(no_seq.find("<TSLSequenceNumber>"), std::string("<TSLSequenceNumber>7</TSLSequenceNumber>").size());
  auto a = parse_text(no_seq);
  ASSERT_FALSE(a);
  EXPECT_NE(a.error().message.find("TSLSequenceNumber"), std::string::npos);
  for (const char* bad : {"0", "-1", "7x", "", "99999999999999999999999"}) {
    std::string x = xml;
    x.replace(x.find(">7<") + 1, 1, bad);
    auto r = parse_text(x);
    EXPECT_FALSE(r) << bad;
  }
}

TEST(ReadScheme, VersionMissingIsAWarningButGarbageIsAnError) {
  auto missing = parse_text(make_tsl({.version = ""}));
  ASSERT_TRUE(missing) << missing.error().message;
  EXPECT_EQ(missing->scheme.version, 0);
  EXPECT_TRUE(has_warning(*missing, "version-missing"));
  auto garbage = parse_text(make_tsl({.version = "<TSLVersionIdentifier>five</TSLVersionIdentifier>"}));
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().message, "snippet.xml:7: TSLVersionIdentifier is not a number");
  auto v6 = parse_text(make_tsl({.version = "<TSLVersionIdentifier>6</TSLVersionIdentifier>"}));
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->scheme.version, 6);
}

TEST(ReadScheme, PointerWithSeveralIdentitiesAndNoCertificates) {
  auto l = parse_text(make_tsl({.scheme_extra = R"(<PointersToOtherTSL><OtherTSLPointer>
      <ServiceDigitalIdentities>
        <ServiceDigitalIdentity><DigitalId><X509SubjectName>CN=A</X509SubjectName></DigitalId></ServiceDigitalIdentity>
        <ServiceDigitalIdentity><DigitalId><X509SKI>AAEC</X509SKI></DigitalId></ServiceDigitalIdentity>
      </ServiceDigitalIdentities>
      <TSLLocation>https://example.test/tl.xml</TSLLocation>
      <AdditionalInformation>
        <OtherInformation><TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType></OtherInformation>
        <OtherInformation><SchemeTerritory>BB</SchemeTerritory></OtherInformation>
        <OtherInformation><tslx:MimeType>application/vnd.etsi.tsl+xml</tslx:MimeType></OtherInformation>
        <OtherInformation><SchemeOperatorName><Name xml:lang="en">BB Body</Name></SchemeOperatorName></OtherInformation>
      </AdditionalInformation></OtherTSLPointer></PointersToOtherTSL>)"}));
  ASSERT_TRUE(l) << l.error().message;
  ASSERT_EQ(l->scheme.pointers.size(), 1u);
  const auto& p = l->scheme.pointers[0];
  EXPECT_EQ(p.identities.size(), 2u);
  EXPECT_EQ(p.certificate_count(), 0u);
  EXPECT_EQ(p.identities[1].skis.at(0), (Bytes{0x00, 0x01, 0x02}));
  EXPECT_EQ(p.territory, "BB");
  EXPECT_EQ(p.tsl_type, TslType::kEuGeneric);
  EXPECT_EQ(p.mime_type, "application/vnd.etsi.tsl+xml");
  EXPECT_EQ(p.scheme_operator_name.preferred(), "BB Body");
  EXPECT_EQ(p.location, "https://example.test/tl.xml");
}

TEST(ReadScheme, NonEuTypeIsReadNotRefused) {
  std::string xml = make_tsl();
  xml.replace(xml.find("TSLType/EUgeneric"), 17, "TSLType/CClist");
  auto l = parse_text(xml);
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->scheme.tsl_type_uri, "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/CClist");
  EXPECT_FALSE(l->is_lotl());
}

}  // namespace
}  // namespace eutl::tsl
