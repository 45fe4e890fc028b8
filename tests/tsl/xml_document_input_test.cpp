// How XmlDocument::parse hands the bytes to libxml2 (tsl/xml_document.cpp): a chunk
// at a time, as xmllint reads a file, never as a whole-document copy of its own; and
// a document read that way is the same document, line numbers included.
#include <gtest/gtest.h>
#include <libxml/globals.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "eutl/tsl/xml_document.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl {
namespace {

// The largest single request libxml2 made through its allocator while installed.
std::size_t g_largest = 0;

void* count_malloc(std::size_t n) {
  g_largest = std::max(g_largest, n);
  return std::malloc(n);
}
void* count_realloc(void* p, std::size_t n) {
  g_largest = std::max(g_largest, n);
  return std::realloc(p, n);
}
void plain_free(void* p) { std::free(p); }
char* plain_strdup(const char* s) { return ::strdup(s); }

// Installs the counting allocator for one scope (libxml2's allocator is process-wide;
// the tests of one binary run one at a time).
class CountingAllocator final {
 public:
  CountingAllocator() {
    ::xmlMemGet(&m_free, &m_malloc, &m_realloc, &m_strdup);
    g_largest = 0;
    ::xmlMemSetup(plain_free, count_malloc, count_realloc, plain_strdup);
  }
  ~CountingAllocator() { ::xmlMemSetup(m_free, m_malloc, m_realloc, m_strdup); }

 private:
  xmlFreeFunc m_free = nullptr;
  xmlMallocFunc m_malloc = nullptr;
  xmlReallocFunc m_realloc = nullptr;
  xmlStrdupFunc m_strdup = nullptr;
};

// About 1 MB of elements, one per line, with a two-byte UTF-8 character in each.
std::string big_document(std::size_t lines) {
  std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n";
  for (std::size_t i = 0; i < lines; ++i) {
    doc += "<e n=\"" + std::to_string(i) + "\">caf\xC3\xA9 " + std::to_string(i) + "</e>\n";
  }
  return doc + "</r>\n";
}

TEST(XmlDocumentInput, LibxmlNeverHoldsACopyOfTheWholeDocument) {
  const std::string doc = big_document(40000);
  ASSERT_GT(doc.size(), 1000000u);
  std::size_t largest = 0;
  {
    CountingAllocator counting;
    auto parsed = XmlDocument::parse(as_bytes(doc), "big.xml");
    ASSERT_TRUE(parsed) << parsed.error().message;
    largest = g_largest;
  }
  // xmlCtxtReadMemory would allocate a buffer of at least the document's size.
  EXPECT_LT(largest, doc.size() / 4) << "libxml2 allocated " << largest << " bytes at once";
}

TEST(XmlDocumentInput, ReadInChunksTheDocumentIsTheSame) {
  const std::string doc = big_document(40000);
  auto parsed = XmlDocument::parse(as_bytes(doc), "big.xml");
  ASSERT_TRUE(parsed) << parsed.error().message;
  detail::XmlNode root(::xmlDocGetRootElement(detail::native_document(*parsed)));
  std::size_t n = 0;
  std::string last;
  for (detail::XmlNode e = root.first_element(); e; e = e.next_element()) {
    ++n;
    last = e.text();
  }
  EXPECT_EQ(n, 40000u);
  EXPECT_EQ(last, "caf\xC3\xA9 39999");
}

TEST(XmlDocumentInput, AnErrorFarIntoTheDocumentNamesItsLine) {
  std::string doc = big_document(40000);
  doc.insert(doc.size() - std::string("</r>\n").size(), "<broken>\n");  // line 40003
  auto parsed = XmlDocument::parse(as_bytes(doc), "big.xml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, Errc::kMalformed);
  EXPECT_EQ(parsed.error().message.rfind("big.xml:40004:", 0), 0u) << parsed.error().message;
}

}  // namespace
}  // namespace eutl::tsl
