// What XmlDocument::parse records as it builds each element (tsl/detail/parse_facts.h)
// is what a walk over the finished tree finds: the Id attributes and ds:Signature
// elements in document order, and whether the markup is plain, on every real list
// and on hand-written documents that are not plain in each of the ways there are.
#include "tsl/detail/parse_facts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "eutl/tsl/read_file.h"
#include "eutl/tsl/uris.h"
#include "eutl/tsl/xml_document.h"
#include "tests/test_paths.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl::detail {
namespace {

struct Walked final {
  std::vector<xmlAttr*> ids;
  std::vector<xmlNode*> signatures;
  bool plain = true;
};

void walk(xmlNode* n, Walked& out) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_ENTITY_REF_NODE) {
      out.plain = false;
    }
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    out.plain = out.plain && plain_element_markup(n);
    for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      std::string_view name = sv(a->name);
      if (a->ns == nullptr && (name == "Id" || name == "ID" || name == "id")) {
        out.ids.push_back(a);
      }
    }
    if (XmlNode(n).is(ns::kDs, "Signature")) {
      out.signatures.push_back(n);
    }
    walk(n->children, out);
  }
}

void expect_facts_match_the_tree(const XmlDocument& doc, const std::string& what) {
  xmlDoc* d = native_document(doc);
  const ParseFacts* facts = parse_facts(d);
  ASSERT_NE(facts, nullptr) << what;
  Walked walked;
  walk(d->children, walked);
  EXPECT_EQ(facts->id_attributes, walked.ids) << what;
  EXPECT_EQ(facts->signatures, walked.signatures) << what;
  EXPECT_EQ(facts->plain_markup, walked.plain) << what;
}

Result<XmlDocument> parse(const std::string& text) { return XmlDocument::parse(as_bytes(text), "facts.xml"); }

TEST(ParseFacts, EveryRealListRecordsWhatItsTreeHolds) {
  EUTL_REQUIRE_REALDATA();
  int lists = 0;
  int signed_lists = 0;
  for (const char* dir : {"lotl", "lotl/pivots", "tl/2019", "tl/2023", "tl/2026", "tl/2026-v5"}) {
    if (!std::filesystem::exists(test::realdata() / dir)) {
      continue;
    }
    for (const auto& e : std::filesystem::directory_iterator(test::realdata() / dir)) {
      if (e.path().extension() != ".xml") {
        continue;
      }
      auto bytes = read_file(e.path(), FileKind::kList);
      ASSERT_TRUE(bytes) << bytes.error().message;
      auto doc = XmlDocument::parse(*bytes, e.path().string());
      if (!doc) {
        continue;  // the broken ones are other tests' subject
      }
      expect_facts_match_the_tree(*doc, e.path().string());
      ++lists;
      signed_lists += !parse_facts(native_document(*doc))->signatures.empty();
    }
  }
  EXPECT_GT(lists, 60);
  EXPECT_GT(signed_lists, 60);
}

TEST(ParseFacts, IdsAndSignaturesInDocumentOrderWhereverTheyAre) {
  const std::string ds(ns::kDs);
  auto doc = parse("<r Id=\"a\" xmlns:ds=\"" + ds + "\" xmlns:x=\"urn:x\"><e ID=\"b\" x:Id=\"not\"/>"
                   "<ds:Signature id=\"c\"><ds:Signature Id=\"a\"/></ds:Signature>"
                   "<Signature/><x:Signature/><e Idx=\"no\" id=\"d\"/></r>");
  ASSERT_TRUE(doc) << doc.error().message;
  expect_facts_match_the_tree(*doc, "ids");
  const ParseFacts* facts = parse_facts(native_document(*doc));
  EXPECT_EQ(facts->id_attributes.size(), 5u);  // a, b, c, a, d: duplicates kept
  EXPECT_EQ(facts->signatures.size(), 2u);
  EXPECT_TRUE(facts->plain_markup);
}

TEST(ParseFacts, MarkupThatIsNotPlainIsRecordedSo) {
  struct Case final {
    std::string text;
    bool plain;
  };
  const Case cases[] = {
      {"<r xmlns:a=\"relative/uri\"/>", false},
      {"<r><e xmlns:p=\"urn:\"/></r>", false},
      {"<r><e xmlns:p=\"http://exa%20mple.org/\"/></r>", false},
      {"<r xmlns=\"\" a=\"x &amp; &#60; y\"><e xmlns:p=\"urn:x:y\">t &amp; u</e><!-- c --><?pi x?></r>", true},
      {"<r xmlns=\"http://uri.etsi.org/02231/v2#\"><![CDATA[<x>]]></r>", true},
  };
  for (const Case& c : cases) {
    auto doc = parse(c.text);
    ASSERT_TRUE(doc) << c.text << ": " << doc.error().message;
    expect_facts_match_the_tree(*doc, c.text);
    EXPECT_EQ(parse_facts(native_document(*doc))->plain_markup, c.plain) << c.text;
  }
}

TEST(ParseFacts, PlainAbsoluteUris) {
  EXPECT_TRUE(plain_absolute_uri("http://uri.etsi.org/02231/v2#"));
  EXPECT_TRUE(plain_absolute_uri("urn:oid:1.2.3"));
  EXPECT_FALSE(plain_absolute_uri("urn:"));
  EXPECT_FALSE(plain_absolute_uri("relative/path"));
  EXPECT_FALSE(plain_absolute_uri("http:relative"));
  EXPECT_FALSE(plain_absolute_uri("http://a/b#c#d"));
  EXPECT_FALSE(plain_absolute_uri("1http://a/"));
}

}  // namespace
}  // namespace eutl::tsl::detail
