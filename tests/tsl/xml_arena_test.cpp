// Document arenas (tsl/detail/xml_arena.h, tsl::use_document_arenas): a parsed tree is
// cut from its arena; the arena's chunks go back to the pool with the document and
// serve the next one; blocks grow in place, large ones go to malloc, and freeing a
// block of an arena already released does nothing; a document reads the same with
// and without arenas; what a document gains after its parse (the Id table) is freed
// with it, as is a tree that did not fit its arena.
//
// Arenas are process-wide once enabled: each test here runs in a process of its own
// in the normal suite. Under AddressSanitizer, a use of a block after its arena is
// released, or past its end, is reported (the last tests).
#include <gtest/gtest.h>
#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/read_file.h"
#include "eutl/tsl/xml_document.h"
#include "tests/test_paths.h"
#include "tsl/detail/xml_arena.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl {
namespace {

using detail::in_arena;
using detail::XmlArena;
using detail::XmlArenaScope;

ByteView view(const std::string& s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// `lines` elements with an Id each, and one text of `text_bytes` bytes.
std::string document(std::size_t lines, std::size_t text_bytes = 0) {
  std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r xmlns=\"urn:example:arena\">\n";
  for (std::size_t i = 0; i < lines; ++i) {
    doc += "<e Id=\"e" + std::to_string(i) + "\" xml:lang=\"en\">caf\xC3\xA9 " + std::to_string(i) + "</e>\n";
  }
  doc += "<big>" + std::string(text_bytes, 'A') + "</big>\n";
  return doc + "</r>\n";
}

xmlNode* root_of(const XmlDocument& d) { return ::xmlDocGetRootElement(detail::native_document(d)); }

std::size_t heap_in_use() { return ::mallinfo2().uordblks; }

class XmlArenaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!use_document_arenas()) {
      GTEST_SKIP() << "the arenas' address range could not be reserved";
    }
  }
};

TEST_F(XmlArenaTest, TheTreeIsCutFromTheArena) {
  auto doc = XmlDocument::parse(view(document(10)), "small.xml");
  ASSERT_TRUE(doc) << doc.error().message;
  xmlNode* root = root_of(*doc);
  ASSERT_NE(root, nullptr);
  EXPECT_TRUE(in_arena(detail::native_document(*doc)));
  EXPECT_TRUE(in_arena(root));
  EXPECT_TRUE(in_arena(root->name));  // the names' dictionary too
  ASSERT_NE(root->children, nullptr);
  EXPECT_TRUE(in_arena(root->children->next));
  // Outside a parse, libxml2 allocates from malloc as before.
  void* outside = ::xmlMalloc(64);
  EXPECT_FALSE(in_arena(outside));
  ::xmlFree(outside);
}

TEST_F(XmlArenaTest, ChunksGoBackWithTheDocumentAndServeTheNextOne) {
  const std::string text = document(40000);  // about 2.4 MB of XML: several chunks
  std::size_t carved = 0;
  {
    auto first = XmlDocument::parse(view(text), "first.xml");
    ASSERT_TRUE(first) << first.error().message;
    carved = detail::arena_chunks_carved();
    EXPECT_GE(carved, 2u);
  }
  EXPECT_GE(detail::arena_chunks_idle(), carved - 1);
  for (int round = 0; round < 3; ++round) {
    auto again = XmlDocument::parse(view(text), "again.xml");
    ASSERT_TRUE(again) << again.error().message;
  }
  EXPECT_EQ(detail::arena_chunks_carved(), carved);  // no new memory for the same tree
}

TEST_F(XmlArenaTest, BlocksAreAlignedGrowInPlaceAndLargeOnesGoToMalloc) {
  XmlArena arena;
  {
    XmlArenaScope scope(arena);
    auto* p = static_cast<char*>(::xmlMalloc(24));
    ASSERT_TRUE(in_arena(p));
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 16, 0u);
    std::memcpy(p, "0123456789abcdefghijklm", 24);
    // The last block grows where it is.
    auto* grown = static_cast<char*>(::xmlRealloc(p, 4000));
    EXPECT_EQ(grown, p);
    EXPECT_STREQ(grown, "0123456789abcdefghijklm");
    // Another block after it: growing it again means a copy.
    void* other = ::xmlMalloc(8);
    auto* moved = static_cast<char*>(::xmlRealloc(grown, 8000));
    ASSERT_TRUE(in_arena(moved));
    EXPECT_NE(moved, grown);
    EXPECT_STREQ(moved, "0123456789abcdefghijklm");
    // A block freed is released with the arena, not before.
    void* tmp = ::xmlMalloc(100);
    ::xmlFree(tmp);
    EXPECT_NE(::xmlMalloc(100), tmp);
    char* copy = ::xmlMemStrdup("copied");
    EXPECT_TRUE(in_arena(copy));
    EXPECT_STREQ(copy, "copied");
    EXPECT_TRUE(arena.whole());
    // Beyond the largest block: from malloc, and the arena no longer holds everything.
    void* large = ::xmlMalloc(XmlArena::kLargest + 1);
    EXPECT_FALSE(in_arena(large));
    EXPECT_FALSE(arena.whole());
    ::xmlFree(large);
    ::xmlFree(other);
    ::xmlFree(moved);
  }
  EXPECT_EQ(arena.chunks(), 1u);
}

TEST_F(XmlArenaTest, FreeingABlockOfAReleasedArenaDoesNothing) {
  void* stale = nullptr;
  {
    XmlArena arena;
    XmlArenaScope scope(arena);
    stale = ::xmlMalloc(256);
    ASSERT_TRUE(in_arena(stale));
  }
  ::xmlFree(stale);  // not handed to free(): the chunk is back in the pool
  {
    XmlArena next;
    XmlArenaScope scope(next);
    void* p = ::xmlMalloc(256);
    EXPECT_TRUE(in_arena(p));
    ASSERT_EQ(p, stale);  // the same chunk, the same first block
    std::memset(p, 'x', 256);
    ::xmlFree(stale);  // nor does it disturb the arena now using that chunk
    auto* q = static_cast<char*>(::xmlMalloc(16));
    EXPECT_NE(q, p);
    EXPECT_EQ(static_cast<char*>(p)[255], 'x');
  }
}

// Not a fixture test: it reads the list before arenas are enabled, then after.
TEST(XmlArenaFirst, AListReadsTheSameWithAndWithoutArenas) {
  EUTL_REQUIRE_REALDATA();
  if (detail::document_arenas_enabled()) {
    GTEST_SKIP() << "arenas were enabled earlier in this process (run this test alone, as ctest does)";
  }
  auto bytes = read_file(test::realdata() / "tl/2023/IT-seq194.xml", FileKind::kList);
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto read = [&] {
    auto doc = XmlDocument::parse(*bytes, "IT-seq194.xml");
    EXPECT_TRUE(doc);
    auto list = read_trusted_list(*doc);
    EXPECT_TRUE(list);
    std::string out = std::to_string(list->scheme.sequence_number) + "\n";
    for (const auto& p : list->providers) {
      out += std::string(p.name.preferred()) + "\n";
      for (const auto& s : p.services) {
        out += std::string(s.current.name.preferred()) + " " + std::to_string(s.current.identity.certificates.size());
        for (const auto& c : s.current.identity.certificates) {
          out += " " + to_hex(c.blob.sha256()) + "@" + std::to_string(c.line);
        }
        out += "\n";
      }
    }
    return std::make_pair(out, in_arena(root_of(*doc)));
  };
  const auto without = read();
  EXPECT_FALSE(without.second);
  if (!use_document_arenas()) {
    GTEST_SKIP() << "the arenas' address range could not be reserved";
  }
  const auto with = read();
  EXPECT_TRUE(with.second);
  EXPECT_GT(without.first.size(), 50000u);
  EXPECT_EQ(with.first, without.first);
}

TEST_F(XmlArenaTest, WhatADocumentGainsAfterItsParseIsFreedWithIt) {
  const std::string text = document(200);
  auto round = [&](std::size_t big_text) {
    auto doc = XmlDocument::parse(view(big_text == 0 ? text : document(200, big_text)), "ids.xml");
    ASSERT_TRUE(doc) << doc.error().message;
    xmlDoc* d = detail::native_document(*doc);
    // As verify/signature_structure.cpp and xmlsec do: every Id registered.
    for (xmlNode* e = root_of(*doc)->children; e != nullptr; e = e->next) {
      if (e->type == XML_ELEMENT_NODE && e->properties != nullptr) {
        ASSERT_NE(::xmlAddID(nullptr, d, e->properties->children->content, e->properties), nullptr);
      }
    }
    ASSERT_NE(d->ids, nullptr);
  };
  // A tree in its arena (released whole) and one with a text too large for a chunk
  // (freed node by node): neither leaves heap blocks behind.
  for (std::size_t big : {std::size_t{0}, XmlArena::kLargest + 1}) {
    round(big);  // warm-up: libxml2's own lazily built tables
    const std::size_t before = heap_in_use();
    for (int i = 0; i < 20; ++i) {
      round(big);
    }
    EXPECT_LT(heap_in_use(), before + 4096) << "text of " << big << " bytes";
  }
}

#if defined(__SANITIZE_ADDRESS__)
#define EUTL_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EUTL_TEST_ASAN 1
#endif
#endif

#ifdef EUTL_TEST_ASAN
using XmlArenaDeathTest = XmlArenaTest;

TEST_F(XmlArenaDeathTest, AddressSanitizerReportsADocumentReadAfterItsRelease) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        const volatile char* node = nullptr;
        {
          auto doc = XmlDocument::parse(view(document(3)), "released.xml");
          xmlNode* e = doc ? root_of(*doc)->children->next : nullptr;  // an <e>, in the arena
          if (e == nullptr || !in_arena(e)) {
            std::abort();
          }
          node = reinterpret_cast<const volatile char*>(e);
        }
        std::printf("%d\n", static_cast<int>(node[0]));
      },
      "use-after-poison");
}

TEST_F(XmlArenaDeathTest, AddressSanitizerReportsAWritePastABlock) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        XmlArena arena;
        XmlArenaScope scope(arena);
        auto* p = static_cast<volatile char*>(::xmlMalloc(24));
        p[24] = 'x';
      },
      "use-after-poison");
}
#endif

}  // namespace
}  // namespace eutl::tsl
