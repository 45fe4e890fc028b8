#include "server/response_headers.h"

#include <gtest/gtest.h>

namespace eutl::server {
namespace {

TEST(ResponseHeaders, JsonAnswersAreNotSniffedNorCached) {
  Response r = json_response("{}");
  add_security_headers(r);
  ASSERT_NE(find_header(r, "x-content-type-options"), nullptr);
  EXPECT_EQ(*find_header(r, "X-Content-Type-Options"), "nosniff");
  ASSERT_NE(find_header(r, "Cache-Control"), nullptr);
  EXPECT_EQ(*find_header(r, "Cache-Control"), "no-store");
  EXPECT_EQ(find_header(r, "Content-Security-Policy"), nullptr);
}

TEST(ResponseHeaders, HtmlGetsAContentSecurityPolicyUnlessTheRouteSetOne) {
  Response page;
  page.content_type = "text/html; charset=utf-8";
  add_security_headers(page);
  ASSERT_NE(find_header(page, "Content-Security-Policy"), nullptr);
  EXPECT_NE(find_header(page, "Content-Security-Policy")->find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(*find_header(page, "X-Frame-Options"), "DENY");

  Response own;
  own.content_type = "text/html";
  own.headers = {{"Content-Security-Policy", "default-src 'none'"}, {"Cache-Control", "max-age=3600"}};
  add_security_headers(own);
  EXPECT_EQ(*find_header(own, "content-security-policy"), "default-src 'none'");
  EXPECT_EQ(*find_header(own, "cache-control"), "max-age=3600");
  EXPECT_EQ(std::count_if(own.headers.begin(), own.headers.end(),
                          [](const auto& h) { return h.first == "Content-Security-Policy"; }),
            1);
}

}  // namespace
}  // namespace eutl::server
