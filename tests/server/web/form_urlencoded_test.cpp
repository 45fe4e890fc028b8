// application/x-www-form-urlencoded: decoding, limits and malformed escapes.
#include <gtest/gtest.h>

#include "server/web/form_data.h"

namespace eutl::server::web {
namespace {

TEST(FormUrlencoded, DecodesPlusAndPercentEscapes) {
  auto f = parse_urlencoded("certificate=-----BEGIN+CERTIFICATE-----%0D%0AMIIB%2B%2F%3D&claim=qwac&empty=&flag");
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->size(), 4u);
  EXPECT_EQ((*f)[0].name, "certificate");
  EXPECT_EQ((*f)[0].value, "-----BEGIN CERTIFICATE-----\r\nMIIB+/=");
  EXPECT_EQ(find_field(*f, "claim")->value, "qwac");
  EXPECT_EQ(find_field(*f, "empty")->value, "");
  EXPECT_EQ(find_field(*f, "flag")->value, "");
  EXPECT_EQ(find_field(*f, "missing"), nullptr);
}

TEST(FormUrlencoded, EmptyBodyAndStrayAmpersandsGiveNoFields) {
  auto f = parse_urlencoded("&&");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->empty());
  EXPECT_TRUE(parse_urlencoded("")->empty());
}

TEST(FormUrlencoded, BadEscapesAreMalformed) {
  for (const char* body : {"a=%", "a=%4", "a=%zz", "%g0=1", "a=100%"}) {
    auto f = parse_urlencoded(body);
    ASSERT_FALSE(f) << body;
    EXPECT_EQ(f.error().code, Errc::kMalformed) << body;
    EXPECT_NE(f.error().message.find("hex digits"), std::string::npos);
  }
}

TEST(FormUrlencoded, LimitsOnFieldsNamesAndValues) {
  FormLimits limits;
  limits.max_fields = 2;
  limits.max_name_bytes = 4;
  limits.max_value_bytes = 5;
  EXPECT_EQ(parse_urlencoded("a=1&b=2&c=3", limits).error().code, Errc::kLimit);
  EXPECT_EQ(parse_urlencoded("abcde=1", limits).error().code, Errc::kLimit);
  auto long_value = parse_urlencoded("a=123456", limits);
  ASSERT_FALSE(long_value);
  EXPECT_EQ(long_value.error().code, Errc::kLimit);
  EXPECT_NE(long_value.error().message.find("'a'"), std::string::npos);
  EXPECT_TRUE(parse_urlencoded("a=12345&b=1", limits));
  // The limit is on the decoded value: %41 is one byte.
  EXPECT_TRUE(parse_urlencoded("a=%41%41%41%41%41", limits));
}

TEST(FormUrlencoded, EncodeKeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(form_encode("CA/QC a&b=c~_.-"), "CA%2FQC%20a%26b%3Dc~_.-");
  EXPECT_EQ(form_decode(form_encode("Société <x>")).value(), "Société <x>");
}

}  // namespace
}  // namespace eutl::server::web
