#include "server/request_target.h"

#include <gtest/gtest.h>

namespace eutl::server {
namespace {

TEST(RequestTarget, DecodesPathAndQuery) {
  auto t = parse_request_target("/v1/services?name=Caf%C3%A9+Bank&territory=AA&territory=BB&flag");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->path, "/v1/services");
  EXPECT_EQ(t->query.at("name"), "Caf\xC3\xA9 Bank");
  EXPECT_EQ(t->query.at("territory"), "BB");  // the last of a repeated key
  EXPECT_EQ(t->query.at("flag"), "");
  auto p = parse_request_target("/a%20b/c+d");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "/a b/c+d");  // '+' is a space only in a query
}

TEST(RequestTarget, RefusesWhatCouldLeaveTheRoutes) {
  const char* const refused[] = {
      "/../etc/passwd",         "/v1/evidence/..",         "/v1/evidence/%2e%2e/x", "/%2E%2E/%2e%2e/etc/passwd",
      "/v1/evidence/a%2Fb",     "/v1/evidence/a%2fb",      "/a%00b",               "/a\\b",
      "/a%5Cb",                 "http://example.com/",     "*",                    "",
      "/a%zz",                  "/a%4",                    "relative/path",
  };
  for (const char* target : refused) {
    auto t = parse_request_target(target);
    EXPECT_FALSE(t) << target;
    if (!t) {
      EXPECT_EQ(t.error().code, Errc::kMalformed) << target;
      EXPECT_FALSE(t.error().message.empty());
    }
  }
}

TEST(RequestTarget, AMalformedQueryEscapeIsRefused) {
  auto t = parse_request_target("/v1/services?name=%G1");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("query"), std::string::npos) << t.error().message;
}

TEST(RequestTarget, PercentDecode) {
  EXPECT_EQ(*percent_decode("a%41%6a+", false), "aAj+");
  EXPECT_EQ(*percent_decode("a+b", true), "a b");
  EXPECT_FALSE(percent_decode("%", false));
  EXPECT_FALSE(percent_decode("%1", false));
}

}  // namespace
}  // namespace eutl::server
