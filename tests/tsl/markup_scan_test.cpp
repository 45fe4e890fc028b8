// The markup pre-scan (tsl/detail/markup_scan.h) counts the same on a document's
// 8-bit bytes as on the same document in UTF-16: random start tags, quotes, '<' inside
// values, xmlns look-alikes and truncated documents give the same verdict and message
// either way.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "tsl/detail/markup_scan.h"

namespace eutl::tsl::detail {
namespace {

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

ByteView view(const std::string& s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

std::string verdict(const std::string& bytes, const ParseLimits& limits) {
  auto r = scan_markup(view(bytes), "doc.xml", limits);
  return r ? std::string("ok") : r.error().message;
}

// A start tag of random pieces: names, xmlns names, '=', quoted values (with '<',
// '>', '=' and the other quote inside), spaces and newlines.
std::string random_tag(std::mt19937& rng) {
  static const char* const kPieces[] = {
      " a",     " xmlns",   " xmlns:p", " xmlnsx", "xmlns",  "=",      "\"v\"",    "'w'",     "\"a>b\"",
      "'x=y'",  "\"q'q\"",  "'q\"q'",   "\"<\"",   "\n",     "\t",     " ",        "b",       "\"\"",
      ":xmlns", " xmlns =", "\r\nxmlns:q=", "é",   "\"",     "'",      ">",        "/",       "<",
  };
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(0, 12);
  std::string tag = "<e";
  for (int i = count(rng); i > 0; --i) {
    tag += kPieces[piece(rng)];
  }
  return tag;
}

TEST(MarkupScan, TheByteAndUtf16PathsCountAlike) {
  std::mt19937 rng(20261206);
  ParseLimits limits;
  limits.max_attributes_per_element = 2;
  limits.max_namespaces_per_element = 1;
  limits.max_namespaces = 4;
  int refused = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string doc = "<?xml version=\"1.0\"?>\n<r>";
    std::uniform_int_distribution<int> tags(1, 6);
    for (int t = tags(rng); t > 0; --t) {
      doc += random_tag(rng);
      doc += (rng() % 4 == 0) ? "" : ">text</e>\n";
    }
    std::string utf16 = utf16le(doc);
    // UTF-16 widens every byte, so a non-ASCII byte must be one unit above 0x7F too.
    const std::string eight = verdict(doc, limits);
    ASSERT_EQ(eight, verdict(utf16, limits)) << doc;
    refused += eight != "ok";
  }
  // Both outcomes were exercised.
  EXPECT_GT(refused, 400);
  EXPECT_LT(refused, 3600);
}

TEST(MarkupScan, QuotedValuesHideTheirMarkupFromTheCount) {
  ParseLimits limits;
  limits.max_attributes_per_element = 1;
  EXPECT_EQ(verdict("<r a=\"x=y b=z\"/>", limits), "ok");
  EXPECT_EQ(verdict("<r a='x\" b=\"z'/>", limits), "ok");
  EXPECT_NE(verdict("<r a=\"x\" b=\"z\"/>", limits), "ok");
  limits.max_namespaces_per_element = 1;
  EXPECT_EQ(verdict("<r xmlns:a=\"u\" v=\"xmlns:b=w\"/>", limits), "ok");
  EXPECT_NE(verdict("<r xmlns:a=\"u\" xmlns:b=\"w\"/>", limits), "ok");
  // A value left open runs to the end: nothing after it counts.
  EXPECT_EQ(verdict("<r a=\"open xmlns:b=w xmlns:c=v", limits), "ok");
}

}  // namespace
}  // namespace eutl::tsl::detail
