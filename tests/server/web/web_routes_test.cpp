// The web page's route table: the pages, the form post and the static assets.
#include "server/web/web_routes.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eutl::server {
namespace {

TEST(WebRoutes, ThePagesTheFormAndTheAssets) {
  const auto routes = web_routes();
  const std::pair<Method, std::string> want[] = {{Method::kGet, "/"},
                                                 {Method::kPost, "/check"},
                                                 {Method::kGet, "/status"},
                                                 {Method::kGet, "/services"},
                                                 {Method::kGet, "/static/{name}"},
                                                 {Method::kGet, "/favicon.ico"}};
  EXPECT_EQ(routes.size(), std::size(want));
  for (const auto& w : want) {
    const auto it = std::find_if(routes.begin(), routes.end(),
                                 [&](const Route& r) { return r.method == w.first && r.pattern == w.second; });
    ASSERT_NE(it, routes.end()) << w.second;
    EXPECT_TRUE(static_cast<bool>(it->handler)) << w.second;
  }
}

TEST(WebRoutes, NoneUnderTheApiOrOperationsPaths) {
  for (const Route& r : web_routes()) {
    EXPECT_FALSE(r.pattern.starts_with("/v1/")) << r.pattern;
    EXPECT_NE(r.pattern, "/healthz");
    EXPECT_NE(r.pattern, "/readyz");
    EXPECT_NE(r.pattern, "/metrics");
  }
}

}  // namespace
}  // namespace eutl::server
