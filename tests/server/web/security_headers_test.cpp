// The headers of every page: a CSP with no inline script or style and no other origin.
#include "server/web/security_headers.h"

#include <gtest/gtest.h>

namespace eutl::server::web {
namespace {

TEST(SecurityHeaders, PagesCarryTheCspAndAreNotCached) {
  const Response r = html_page("<p>x</p>", 404);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  std::map<std::string, std::string> h(r.headers.begin(), r.headers.end());
  EXPECT_EQ(h["Content-Security-Policy"], kContentSecurityPolicy);
  EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(h["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(h["Cache-Control"], "no-store");
}

TEST(SecurityHeaders, ThePolicyAllowsNothingInlineOrForeign) {
  const std::string csp(kContentSecurityPolicy);
  EXPECT_TRUE(csp.starts_with("default-src 'none';"));
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(csp.find("http"), std::string::npos);
  EXPECT_EQ(csp.find('*'), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace eutl::server::web
