#include "eutl/tsl/bytes.h"

#include <gtest/gtest.h>

namespace eutl::tsl {
namespace {

std::string decode_str(std::string_view s) {
  auto r = base64_decode(s);
  if (!r) return "ERR";
  return std::string(r->begin(), r->end());
}

TEST(Base64, DecodesAllPaddingForms) {
  EXPECT_EQ(decode_str("TWFu"), "Man");
  EXPECT_EQ(decode_str("TWE="), "Ma");
  EXPECT_EQ(decode_str("TQ=="), "M");
  EXPECT_EQ(decode_str(""), "");
}

TEST(Base64, SkipsXmlWhitespaceAnywhere) { EXPECT_EQ(decode_str(" TW\r\nFu\tTW\nE=\n"), "ManMa"); }

TEST(Base64, RejectsInvalidInput) {
  for (const char* bad : {"TWF", "TW=u", "TQ===", "T===", "TQ=", "TWE=TWFu", "TW!u", "TWF\x01", "TR=="}) {
    EXPECT_FALSE(base64_decode(bad)) << bad;
  }
}

TEST(Base64, RoundTrips) {
  Bytes data;
  for (int i = 0; i < 300; ++i) data.push_back(static_cast<std::uint8_t>(i * 7));
  for (std::size_t n = 0; n < 10; ++n) {
    Bytes part(data.begin(), data.begin() + static_cast<long>(n * 31));
    auto back = base64_decode(base64_encode(part));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, part);
  }
}

TEST(Sha256, MatchesKnownVector) {
  EXPECT_EQ(to_hex(sha256(as_bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// from_hex and sha256_from_hex read exactly what to_hex writes.
TEST(Hex, ReadsBackWhatToHexWritesAndNothingElse) {
  const Bytes all = [] {
    Bytes b(256);
    for (int i = 0; i < 256; ++i) {
      b[i] = static_cast<std::uint8_t>(i);
    }
    return b;
  }();
  EXPECT_EQ(from_hex(to_hex(all)), all);
  EXPECT_EQ(from_hex(""), Bytes{});
  for (const char* bad : {"0", "0A", "0g", "0 ", "-1", "\xc3\xa9"}) {
    EXPECT_FALSE(from_hex(bad)) << bad;
  }
  const Sha256 d = sha256(as_bytes("abc"));
  EXPECT_EQ(sha256_from_hex(to_hex(d)), d);
  EXPECT_FALSE(sha256_from_hex(to_hex(d).substr(2)));
  std::string upper = to_hex(d);
  upper[0] = 'B';
  EXPECT_FALSE(sha256_from_hex(upper));
}

}  // namespace
}  // namespace eutl::tsl
