// GET /static/{name}: the table's assets and nothing else, whatever the name holds.
#include "server/web/static_page.h"

#include <gtest/gtest.h>

#include "tests/server/web/web_test_context.h"

namespace eutl::server::web {
namespace {

Response get(const std::string& name, const std::string& version = {}) {
  test::ContextParts parts;
  Request request;
  request.path = "/static/" + name;
  request.path_params["name"] = name;
  if (!version.empty()) {
    request.query["v"] = version;
  }
  return static_asset(request, parts.make(nullptr, test::at("2025-03-01")));
}

TEST(StaticPage, ServesAnAssetWithItsType) {
  const Response r = get("app.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(r.body.find("DOMContentLoaded"), std::string::npos);
}

TEST(StaticPage, UnknownAndTraversalNamesAre404WithoutTouchingFiles) {
  for (const std::string& name : std::vector<std::string>{"nothing.js", "..", "../CMakeLists.txt", "..%2FCMakeLists.txt", "/etc/passwd",
                                 "%2e%2e%2fweb_routes.cpp", "assets/app.css", "app.css/..", "web_routes.cpp",
                                 std::string("app.css\0", 8), "APP.JS", ""}) {
    const Response r = get(name);
    EXPECT_EQ(r.status, 404) << name;
    EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos) << name;
    EXPECT_EQ(r.body.find("eutl_server"), std::string::npos) << name;
  }
}

TEST(StaticPage, TheIconAlsoAnswersAtFaviconIco) {
  test::ContextParts parts;
  const Response r = favicon(Request{}, parts.make(nullptr, test::at("2025-03-01")));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "image/svg+xml");
  EXPECT_TRUE(r.body.starts_with("<svg"));
}

TEST(StaticPage, NoNameParameterIs404) {
  test::ContextParts parts;
  Request request;
  request.path = "/static/";
  EXPECT_EQ(static_asset(request, parts.make(nullptr, test::at("2025-03-01"))).status, 404);
}

}  // namespace
}  // namespace eutl::server::web
