// Hostile and odd XML, generated at run time. Each input must end in one clear error
// ("SOURCE:LINE: what") or in the correct reading, never in a crash, a hang, a network
// access, a file read or unbounded memory. No timers here: the inputs are sized so
// that a regression (entity expansion, external loading, deep recursion) would blow
// the ctest timeout or the memory, visibly.
#include <gtest/gtest.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "eutl/tsl/parser.h"
#include "tests/tsl/tsl_snippets.h"
#include "tsl/detail/xml_node.h"
#include "tests/support/text_file.h"

namespace eutl::tsl {
namespace {

using snippets::make_tsl;
using snippets::parse_text;

class TempDir final {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "eutl-hostile-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    auto p = m_path / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

 private:
  std::filesystem::path m_path;
};

using ::eutl::test::contains;

// An error names the source, then a line, then says what is wrong, on one line.
void expect_clear_error(const Result<TrustedList>& r, Errc code, std::string_view what,
                        std::string_view source = "snippet.xml") {
  ASSERT_FALSE(r) << "accepted hostile input";
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(std::string(source) + ":", 0), 0u) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, what)) << r.error().message;
  EXPECT_FALSE(contains(r.error().message, "\n")) << r.error().message;
}

constexpr std::string_view kDtdRefused = "DOCTYPE/DTD is not allowed";

TEST(HostileXml, BillionLaughsIsRefusedAtTheDoctype) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  xml += "<!ENTITY lol0 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "&lol" + std::to_string(i - 1) + ";";
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += prev;
    xml += "\">\n";
  }
  xml += "]>\n<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\">&lol9;</TrustServiceStatusList>\n";
  auto r = parse_text(xml);
  expect_clear_error(r, Errc::kMalformed, kDtdRefused);
  EXPECT_TRUE(contains(r.error().message, "snippet.xml:2:")) << r.error().message;
}

TEST(HostileXml, QuadraticBlowupIsRefused) {
  // One 64 KiB entity referenced 64 Ki times: 4 GiB if expanded.
  std::string xml = "<!DOCTYPE r [<!ENTITY a \"" + std::string(64 * 1024, 'a') + "\">]>\n<r>";
  for (int i = 0; i < 64 * 1024; ++i) xml += "&a;";
  xml += "</r>";
  expect_clear_error(parse_text(xml), Errc::kMalformed, kDtdRefused);
}

TEST(HostileXml, ExternalEntityToALocalFileIsNotRead) {
  TempDir dir;
  auto secret = dir.write("secret.txt", "TOP-SECRET-CONTENT");
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://" + secret.string() +
                    "\">]>\n" + make_tsl().substr(make_tsl().find("<TrustServiceStatusList"));
  // Put the reference where a value would be read.
  xml.replace(xml.find("Operator</Name>"), 8, "&x;");
  auto r = parse_text(xml);
  expect_clear_error(r, Errc::kMalformed, kDtdRefused);
  EXPECT_FALSE(contains(r.error().message, "TOP-SECRET"));
}

TEST(HostileXml, ExternalEntityToAUrlIsRefused) {
  // Port 1 on loopback: nothing listens, so even a leak would fail fast, not hang.
  std::string xml =
      "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:1/evil\">]>\n<r>&x;</r>";
  expect_clear_error(parse_text(xml), Errc::kMalformed, kDtdRefused);
}

TEST(HostileXml, ExternalDtdIsRefused) {
  expect_clear_error(parse_text("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">\n<r/>"),
                     Errc::kMalformed, kDtdRefused);
  TempDir dir;
  auto dtd = dir.write("evil.dtd", "<!ENTITY x \"INJECTED\">");
  expect_clear_error(parse_text("<!DOCTYPE r SYSTEM \"" + dtd.string() + "\">\n<r>&x;</r>"), Errc::kMalformed,
                     kDtdRefused);
}

TEST(HostileXml, ParameterEntitiesAreRefused) {
  std::string xml =
      "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p.dtd\"> %p; <!ENTITY % q \"<!ENTITY x 'y'>\"> %q;]>\n"
      "<r>&x;</r>";
  expect_clear_error(parse_text(xml), Errc::kMalformed, kDtdRefused);
}

TEST(HostileXml, UndeclaredEntityReferenceIsAnError) {
  std::string xml = make_tsl();
  xml.replace(xml.find("Operator</Name>"), 8, "&x;");
  expect_clear_error(parse_text(xml), Errc::kMalformed, "Entity 'x' not defined");
}

TEST(HostileXml, XIncludeIsNotProcessed) {
  TempDir dir;
  auto injected = dir.write("inject.xml", "<Name xmlns=\"http://uri.etsi.org/02231/v2#\" xml:lang=\"en\">INJECTED</Name>");
  auto text = dir.write("secret.txt", "TOP-SECRET-CONTENT");
  std::string xml = make_tsl({.scheme_extra = "<SchemeName xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                                              "<Name xml:lang=\"en\">Scheme</Name>"
                                              "<xi:include href=\"" + injected.string() + "\"/></SchemeName>"
                                              "<SchemeInformationURI xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                                              "<URI xml:lang=\"en\"><xi:include parse=\"text\" href=\"" +
                                              text.string() + "\"/></URI></SchemeInformationURI>"});
  auto doc = XmlDocument::parse(as_bytes(xml), "snippet.xml");
  ASSERT_TRUE(doc) << doc.error().message;
  // The xi:include elements are still in the tree: nothing was substituted.
  int includes = 0;
  std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && n->ns && detail::sv(n->ns->href) == "http://www.w3.org/2001/XInclude") {
        ++includes;
      }
      walk(n->children);
    }
  };
  walk(::xmlDocGetRootElement(tsl::detail::native_document(*doc)));
  EXPECT_EQ(includes, 2);
  auto list = read_trusted_list(*doc);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->scheme.scheme_name.values.size(), 1u);
  EXPECT_EQ(list->scheme.scheme_name.preferred(), "Scheme");
  ASSERT_EQ(list->scheme.information_uris.values.size(), 1u);
  EXPECT_EQ(list->scheme.information_uris.values[0].value, "");
}

TEST(HostileXml, TenThousandDeepNestingIsRefused) {
  std::string xml;
  for (int i = 0; i < 10000; ++i) xml += "<a>\n";
  for (int i = 0; i < 10000; ++i) xml += "</a>";
  auto r = parse_text(xml);
  expect_clear_error(r, Errc::kLimit, "nested deeper than 256 levels");
  EXPECT_TRUE(contains(r.error().message, "snippet.xml:257:")) << r.error().message;
}

TEST(HostileXml, DepthLimitIsConfigurable) {
  auto nest = [](int depth) {
    std::string xml;
    for (int i = 0; i < depth; ++i) xml += "<a>";
    for (int i = 0; i < depth; ++i) xml += "</a>";
    return xml;
  };
  ParseLimits limits;
  limits.max_depth = 20;
  EXPECT_TRUE(XmlDocument::parse(as_bytes(nest(20)), "n", limits));
  auto deep = XmlDocument::parse(as_bytes(nest(21)), "n", limits);
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().code, Errc::kLimit);
  // A real list nests about 15 deep: the default limit leaves it alone.
  EXPECT_TRUE(XmlDocument::parse(as_bytes(nest(200)), "n"));
}

TEST(HostileXml, TwoHundredMegabyteFileIsRefusedBeforeReading) {
  TempDir dir;
  auto big = dir.path() / "big.xml";
  { std::ofstream(big, std::ios::binary) << "<TrustServiceStatusList>"; }
  std::filesystem::resize_file(big, 200u << 20);  // sparse: no 200 MB written or read
  auto bytes = read_file(big);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, Errc::kLimit);
  EXPECT_TRUE(contains(bytes.error().message, big.string() + ": file of 209715200 bytes exceeds the limit"))
      << bytes.error().message;
}

TEST(HostileXml, DocumentOverTheByteLimitIsRefusedBeforeParsing) {
  std::string xml = make_tsl();
  ParseLimits limits;
  limits.max_bytes = xml.size() - 1;
  auto r = parse_trusted_list(as_bytes(xml), "snippet.xml", limits);
  expect_clear_error(r, Errc::kLimit, "exceeds the limit");
  limits.max_bytes = xml.size();
  EXPECT_TRUE(parse_trusted_list(as_bytes(xml), "snippet.xml", limits));
}

std::string to_utf16le_text(const std::string& ascii) {
  std::string out("\xFF\xFE", 2);
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

// `count` extra namespace declarations on the root element of make_tsl().
std::string with_declarations(std::size_t count, const std::string& between = " ") {
  std::string decls;
  for (std::size_t i = 0; i < count; ++i) {
    decls += between + "xmlns:p" + std::to_string(i) + "=\"urn:x:" + std::to_string(i) + "\"";
  }
  std::string xml = make_tsl();
  const std::string root = "<TrustServiceStatusList";
  xml.insert(xml.find(root) + root.size(), decls);
  return xml;
}

TEST(HostileXml, HundredThousandNamespaceDeclarationsAreRefusedBeforeParsing) {
  // libxml2 2.9 checks each declaration against the earlier ones of the tag: parsed,
  // this costs seconds; counted first, it is refused in one linear pass.
  auto r = parse_text(with_declarations(100'000));
  expect_clear_error(r, Errc::kLimit, "namespace declarations on one element exceed the limit of 64");
  EXPECT_TRUE(contains(r.error().message, "snippet.xml:2:")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "100005 namespace declarations")) << r.error().message;
}

TEST(HostileXml, NamespaceLimitsAreExactAndConfigurable) {
  ParseLimits limits;
  // make_tsl() declares 5 on the root: 59 more make 64, one more is refused.
  EXPECT_TRUE(parse_trusted_list(as_bytes(with_declarations(59)), "snippet.xml", limits));
  expect_clear_error(parse_trusted_list(as_bytes(with_declarations(60)), "snippet.xml", limits), Errc::kLimit,
                     "65 namespace declarations on one element exceed the limit of 64");
  limits.max_namespaces_per_element = 1000;
  limits.max_namespaces = 100;
  expect_clear_error(parse_trusted_list(as_bytes(with_declarations(96)), "snippet.xml", limits), Errc::kLimit,
                     "more than 100 namespace declarations in the document");
}

TEST(HostileXml, NamespaceDeclarationsAreCountedOverTheWholeDocument) {
  // 40 elements with 60 declarations each: none over the per-element limit, 2,400 in
  // all; then 80 of them (4,800) pass the per-document limit of 4,096.
  auto doc = [](int elements) {
    std::string xml = "<r>";
    for (int e = 0; e < elements; ++e) {
      xml += "<e";
      for (int i = 0; i < 60; ++i) xml += " xmlns:p" + std::to_string(i) + "=\"urn:" + std::to_string(e) + "\"";
      xml += "/>\n";
    }
    return xml + "</r>";
  };
  EXPECT_TRUE(XmlDocument::parse(as_bytes(doc(40)), "n"));
  auto r = XmlDocument::parse(as_bytes(doc(80)), "n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kLimit);
  EXPECT_TRUE(contains(r.error().message, "n:69: more than 4096 namespace declarations in the document"))
      << r.error().message;
}

TEST(HostileXml, TenThousandAttributesOnOneElementAreRefused) {
  std::string xml = "<r";
  for (int i = 0; i < 10'000; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  auto r = XmlDocument::parse(as_bytes(xml), "n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kLimit);
  EXPECT_TRUE(contains(r.error().message, "n:1: 10000 attributes on one element exceed the limit of 256"))
      << r.error().message;
}

TEST(HostileXml, DeclarationsHiddenBehindAQuotedBracketAreStillCounted) {
  // '>' inside an attribute value does not end the tag for the count.
  std::string decls;
  for (int i = 0; i < 100; ++i) decls += " xmlns:p" + std::to_string(i) + "='u" + std::to_string(i) + "'";
  auto r = XmlDocument::parse(as_bytes("<r a='>\"'" + decls + "/>"), "n");
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message, "100 namespace declarations on one element")) << r.error().message;
}

TEST(HostileXml, DeclarationLookalikesInTextCommentsAndValuesAreNotCounted) {
  std::string lookalikes;
  for (int i = 0; i < 5000; ++i) lookalikes += " xmlns:p" + std::to_string(i) + "=\"u\"";
  const std::string xml = "<r a=\"" + std::string(300, '=') + "\"><!--" + lookalikes + "--><![CDATA[<x" + lookalikes +
                          "]]>" + lookalikes + "<?pi " + lookalikes + "?></r>";
  auto r = XmlDocument::parse(as_bytes(xml), "n");
  EXPECT_TRUE(r) << r.error().message;
}

TEST(HostileXml, Utf16NamespaceFloodIsRefusedToo) {
  std::string xml = with_declarations(1000);
  xml.replace(xml.find("encoding=\"UTF-8\""), 16, "encoding=\"UTF-16\"");
  expect_clear_error(parse_text(to_utf16le_text(xml)), Errc::kLimit, "namespace declarations on one element");
}

TEST(HostileXml, EncodingsTheCountCannotReadAreRefused) {
  std::string xml = make_tsl();
  xml.replace(xml.find("encoding=\"UTF-8\""), 16, "encoding=\"IBM037\"");
  expect_clear_error(parse_text(xml), Errc::kUnsupported, "encoding \"IBM037\" is not read");
  const std::string ebcdic = "\x4C\x6F\xA7\x94";  // "<?xm" in EBCDIC
  expect_clear_error(parse_text(ebcdic + "rest"), Errc::kUnsupported, "EBCDIC");
  std::string latin = make_tsl();
  latin.replace(latin.find("encoding=\"UTF-8\""), 16, "encoding=\"ISO-8859-1\"");
  EXPECT_TRUE(parse_text(latin));
}

TEST(HostileXml, InvalidUtf8IsRefusedWithItsLine) {
  std::string xml = make_tsl();
  xml.replace(xml.find("Operator</Name>"), 8, "Op\xC3\x28rator");
  auto r = parse_text(xml);
  expect_clear_error(r, Errc::kMalformed, "UTF-8");
  // Line 10 of make_tsl() holds SchemeOperatorName; xmllint names the same line.
  EXPECT_TRUE(contains(r.error().message, "snippet.xml:10:")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "Bytes: 0xC3 0x28")) << r.error().message;
}

std::string to_utf16le(const std::string& ascii, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

TEST(HostileXml, Utf16WithBomIsReadCorrectly) {
  std::string xml = make_tsl();
  xml.replace(xml.find("encoding=\"UTF-8\""), 16, "encoding=\"UTF-16\"");
  auto r = parse_text(to_utf16le(xml, true));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->scheme.sequence_number, 7u);
  EXPECT_EQ(r->scheme.operator_name.preferred(), "Operator");
}

TEST(HostileXml, Utf16WithoutBomIsDetectedFromTheDeclaration) {
  std::string xml = make_tsl();
  xml.replace(xml.find("encoding=\"UTF-8\""), 16, "encoding=\"UTF-16\"");
  auto r = parse_text(to_utf16le(xml, false));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->scheme.territory, "AA");
}

TEST(HostileXml, Utf16WithoutBomOrDeclarationIsAClearError) {
  std::string xml = make_tsl();
  xml.erase(0, xml.find("<TrustServiceStatusList"));
  auto r = parse_text(to_utf16le(xml, false));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kMalformed);
  EXPECT_EQ(r.error().message.rfind("snippet.xml:", 0), 0u) << r.error().message;
}

TEST(HostileXml, TwoRootElementsAreRefused) {
  std::string xml = make_tsl() + "<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\"/>\n";
  expect_clear_error(parse_text(xml), Errc::kMalformed, "Extra content at the end of the document");
}

TEST(HostileXml, TslPrefixBoundToAnotherNamespaceIsNotATrustedList) {
  std::string xml = make_tsl();
  // Same element names, same "tsl" habit, wrong namespace.
  xml.replace(xml.find("xmlns=\"http://uri.etsi.org/02231/v2#\""), 37, "xmlns=\"http://uri.etsi.org/02231/v2#evil\"");
  expect_clear_error(parse_text(xml), Errc::kMalformed, "not a trusted list (root element is "
                                                        "{http://uri.etsi.org/02231/v2#evil}TrustServiceStatusList)");
  std::string prefixed =
      "<tsl:TrustServiceStatusList xmlns:tsl=\"urn:example:not-etsi\" xmlns=\"http://uri.etsi.org/02231/v2#\">"
      "<SchemeInformation/></tsl:TrustServiceStatusList>";
  expect_clear_error(parse_text(prefixed), Errc::kMalformed, "not a trusted list");
}

TEST(HostileXml, ChildrenInAnotherNamespaceAreNotRead) {
  // The root is right but SchemeInformation is rebound: it must not be taken for ours.
  std::string xml = make_tsl();
  xml.replace(xml.find("<SchemeInformation>"), 19, "<SchemeInformation xmlns=\"urn:example:other\">");
  expect_clear_error(parse_text(xml), Errc::kMalformed, "SchemeInformation missing");
}

TEST(HostileXml, UndeclaredPrefixIsRefused) {
  std::string xml = make_tsl();
  xml.replace(xml.find("<SchemeTerritory>AA</SchemeTerritory>"), 37,
              "<SchemeTerritory>AA</SchemeTerritory><zz:Evil/>");
  expect_clear_error(parse_text(xml), Errc::kMalformed, "Namespace prefix zz");
}

TEST(HostileXml, NonTslRootIsNotATrustedList) {
  expect_clear_error(parse_text("<html><body>hello</body></html>"), Errc::kMalformed,
                     "not a trusted list (root element is {}html)");
}

TEST(HostileXml, EmptyAndBinaryInputAreClearErrors) {
  expect_clear_error(parse_text(""), Errc::kMalformed, "");
  expect_clear_error(parse_text("   \n  "), Errc::kMalformed, "");
  expect_clear_error(parse_text(std::string("\x00\x01\x02\xff\xfe", 5)), Errc::kMalformed, "");
  std::string nul = make_tsl();
  nul[nul.find("Operator")] = '\0';
  expect_clear_error(parse_text(nul), Errc::kMalformed, "");
}

TEST(HostileXml, TruncatedDocumentIsRefused) {
  std::string xml = make_tsl();
  xml.resize(xml.size() / 2);
  expect_clear_error(parse_text(xml), Errc::kMalformed, "");
}

}  // namespace
}  // namespace eutl::tsl
