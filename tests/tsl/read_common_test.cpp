// Shared value readers: multilingual strings, digital identities, times.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_paths.h"
#include "tests/tsl/tsl_snippets.h"

namespace eutl::tsl {
namespace {

using snippets::make_provider;
using snippets::make_tsl;
using snippets::parse_text;

const Diagnostic* find_warning(const TrustedList& l, std::string_view code) {
  auto it = std::find_if(l.warnings.begin(), l.warnings.end(), [&](const Diagnostic& d) { return d.code == code; });
  return it == l.warnings.end() ? nullptr : &*it;
}

MultiLangString ml(std::initializer_list<std::pair<const char*, const char*>> values) {
  MultiLangString m;
  for (auto [lang, value] : values) m.values.push_back({lang, value});
  return m;
}

TEST(MultiLangString, PreferredIsEnglishThenEnglishVariantThenFirst) {
  EXPECT_EQ(ml({{"fr", "Bonjour"}, {"en", "Hello"}, {"en-GB", "Hullo"}}).preferred(), "Hello");
  EXPECT_EQ(ml({{"fr", "Bonjour"}, {"en-GB", "Hullo"}}).preferred(), "Hullo");
  EXPECT_EQ(ml({{"fr", "Bonjour"}, {"EN", "Hello"}}).preferred(), "Hello");
  EXPECT_EQ(ml({{"de", "Hallo"}, {"fr", "Bonjour"}}).preferred(), "Hallo");
  EXPECT_EQ(ml({{"eng", "Not English by tag"}, {"de", "Hallo"}}).preferred(), "Not English by tag");
  EXPECT_EQ(MultiLangString{}.preferred(), "");
}

TEST(ReadCommon, MultiLangKeepsEveryLanguageAndWarnsWithoutLang) {
  auto l = parse_text(make_tsl({.scheme_extra = "<SchemeName><Name xml:lang=\"de\">Liste</Name>"
                                                "<Name xml:lang=\"en\"> List </Name><Name>NoLang</Name></SchemeName>"}));
  ASSERT_TRUE(l) << l.error().message;
  const auto& n = l->scheme.scheme_name;
  ASSERT_EQ(n.values.size(), 3u);
  EXPECT_EQ(n.values[0].lang, "de");
  EXPECT_EQ(n.preferred(), "List");
  EXPECT_EQ(n.values[2].lang, "");
  EXPECT_TRUE(find_warning(*l, "lang-missing"));
}

std::string pem_body(const std::string& rel) {
  std::ifstream in(eutl::test::fixtures() / rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string identity(std::string_view digital_ids) {
  return "<ServiceDigitalIdentity>" + std::string(digital_ids) + "</ServiceDigitalIdentity>";
}

TEST(ReadCommon, PemArmourInX509CertificateIsAcceptedWithAWarning) {
  std::string pem = pem_body("pki/ca-qc-AA.pem");
  ASSERT_NE(pem.find("-----BEGIN CERTIFICATE-----"), std::string::npos) << "fixtures missing";
  std::string provider = make_provider(identity("<DigitalId><X509Certificate>" + pem + "</X509Certificate></DigitalId>"));
  auto l = parse_text(make_tsl({.providers = provider}));
  ASSERT_TRUE(l) << l.error().message;
  const auto& certs = l->providers.at(0).services.at(0).current.identity.certificates;
  ASSERT_EQ(certs.size(), 1u);
  auto openssl = eutl::test::run_command("openssl x509 -in '" + (eutl::test::fixtures() / "pki/ca-qc-AA.pem").string() +
                                         "' -outform DER | sha256sum");
  EXPECT_EQ(to_hex(certs[0].blob.sha256()), openssl.out.substr(0, 64));
  EXPECT_TRUE(find_warning(*l, "cert-pem-armour"));
}

TEST(ReadCommon, WrappedBase64WithCrlfIsAccepted) {
  std::string pem = pem_body("pki/ca-qc-AA.pem");
  auto b = pem.find('\n') + 1;
  auto e = pem.find("-----END");
  std::string body = pem.substr(b, e - b);
  std::string crlf;
  for (char c : body) crlf += (c == '\n') ? std::string("\r\n  ") : std::string(1, c);
  std::string provider = make_provider(identity("<DigitalId><X509Certificate>\r\n  " + crlf +
                                                "</X509Certificate></DigitalId>"));
  auto l = parse_text(make_tsl({.providers = provider}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->certificate_count(), 1u);
  EXPECT_FALSE(find_warning(*l, "cert-pem-armour"));
}

TEST(ReadCommon, UnparsableCertificateIsReportedWithItsLine) {
  // Line numbers: make_tsl puts the provider list after line 13; the bad certificates
  // are on their own lines below it.
  std::string provider = make_provider(identity(
      "\n<DigitalId><X509Certificate>AAAA</X509Certificate></DigitalId>"
      "\n<DigitalId><X509Certificate>not*base64</X509Certificate></DigitalId>"
      "\n<DigitalId><X509SKI>@@</X509SKI></DigitalId>"));
  std::string xml = make_tsl({.providers = provider});
  auto l = parse_text(xml);
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->certificate_count(), 0u);
  auto line_of = [&](std::string_view needle) {
    return static_cast<long>(std::count(xml.begin(), xml.begin() + static_cast<long>(xml.find(needle)), '\n') + 1);
  };
  const Diagnostic* der = find_warning(*l, "cert-unparsable");
  ASSERT_TRUE(der);
  EXPECT_EQ(der->line, line_of("AAAA"));
  EXPECT_NE(der->message.find("DER"), std::string::npos) << der->message;
  const Diagnostic* b64 = find_warning(*l, "cert-base64");
  ASSERT_TRUE(b64);
  EXPECT_EQ(b64->line, line_of("not*base64"));
  const Diagnostic* ski = find_warning(*l, "ski-base64");
  ASSERT_TRUE(ski);
  EXPECT_EQ(ski->line, line_of("@@"));
}

TEST(ReadCommon, SkiOnlyAndSubjectNameOnlyIdentities) {
  std::string provider = make_provider(identity(
      "<DigitalId><X509SKI>d03HtmFT+h05sTukGhz6jpcneE8=</X509SKI></DigitalId>"
      "<DigitalId><X509SubjectName> CN=Test CA,C=AA </X509SubjectName></DigitalId>"
      "<DigitalId><ds:KeyValue><ds:RSAKeyValue><ds:Modulus>AQAB</ds:Modulus><ds:Exponent>AQAB</ds:Exponent>"
      "</ds:RSAKeyValue></ds:KeyValue></DigitalId>"));
  auto l = parse_text(make_tsl({.providers = provider}));
  ASSERT_TRUE(l) << l.error().message;
  const auto& id = l->providers.at(0).services.at(0).current.identity;
  EXPECT_TRUE(id.certificates.empty());
  ASSERT_EQ(id.skis.size(), 1u);
  EXPECT_EQ(to_hex(id.skis[0]), "774dc7b66153fa1d39b13ba41a1cfa8e9727784f");
  EXPECT_EQ(id.subject_names, std::vector<std::string>{"CN=Test CA,C=AA"});
  EXPECT_EQ(id.key_values, std::vector<std::string>{"RSAKeyValue"});
  EXPECT_FALSE(id.empty());
}

TEST(ReadCommon, TimesWithZonesAreUtcInstants) {
  std::string provider = make_provider("", R"(<ServiceHistoryInstance>
      <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
      <ServiceName><Name xml:lang="en">CA</Name></ServiceName>
      <ServiceDigitalIdentity/>
      <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited</ServiceStatus>
      <StatusStartingTime>2016-07-01T01:30:00.250+02:00</StatusStartingTime></ServiceHistoryInstance>
      <ServiceHistoryInstance>
      <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
      <ServiceName><Name xml:lang="en">CA</Name></ServiceName>
      <ServiceDigitalIdentity/>
      <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision</ServiceStatus>
      <StatusStartingTime>2010-01-01T00:00:00</StatusStartingTime></ServiceHistoryInstance>)");
  auto l = parse_text(make_tsl({.providers = provider,
                                .issue = "<ListIssueDateTime>2025-01-01T02:00:00+02:00</ListIssueDateTime>"}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(format_time(l->scheme.issue_date), "2025-01-01T00:00:00Z");
  const auto& svc = l->providers.at(0).services.at(0);
  ASSERT_EQ(svc.history.size(), 2u);
  EXPECT_EQ(format_time(svc.history[0].status_start), "2016-06-30T23:30:00Z");
  EXPECT_EQ(svc.history[0].status, ServiceStatus::kAccredited);
  EXPECT_EQ(svc.history[1].status, ServiceStatus::kUnderSupervision);
  EXPECT_EQ(format_time(svc.history[1].status_start), "2010-01-01T00:00:00Z");
  EXPECT_TRUE(find_warning(*l, "time-no-zone"));
  EXPECT_FALSE(find_warning(*l, "history-order"));
}

TEST(ReadCommon, HistoryOutOfOrderIsReported) {
  std::string provider = make_provider("", R"(<ServiceHistoryInstance>
      <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
      <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn</ServiceStatus>
      <StatusStartingTime>2021-01-01T00:00:00Z</StatusStartingTime></ServiceHistoryInstance>)");
  auto l = parse_text(make_tsl({.providers = provider}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_TRUE(find_warning(*l, "history-order"));
}

TEST(ReadCommon, InvalidTimeIsAWarningNotASilentValue) {
  std::string provider = make_provider("");
  size_t at = provider.find("2020-01-01T00:00:00Z");
  provider.replace(at, 20, "2020-02-30T00:00:00Z");
  auto l = parse_text(make_tsl({.providers = provider}));
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(l->providers.at(0).services.at(0).current.status_start);
  EXPECT_TRUE(find_warning(*l, "time-invalid"));
}

TEST(ReadCommon, MalformedUrisAreReported) {
  auto l = parse_text(make_tsl({.scheme_extra = "<SchemeInformationURI><URI xml:lang=\"en\">https://https://x.test/"
                                                "</URI></SchemeInformationURI>"}));
  ASSERT_TRUE(l) << l.error().message;
  const Diagnostic* w = find_warning(*l, "uri-malformed");
  ASSERT_TRUE(w);
  EXPECT_NE(w->message.find("empty port"), std::string::npos) << w->message;
}

}  // namespace
}  // namespace eutl::tsl
