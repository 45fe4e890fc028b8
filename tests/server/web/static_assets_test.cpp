// The compiled-in asset table: every file of server/web/assets/ is in it, byte for
// byte, with its content type and SHA-256; nothing in it loads anything from elsewhere.
#include "server/web/static_assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "eutl/tsl/bytes.h"
#include "tests/test_paths.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::read_text;

std::string header(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

TEST(StaticAssets, EveryFileOfTheAssetsFolderIsCompiledInUnchanged) {
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(eutl::test::source_dir() / "server/web/assets")) {
    ++files;
    const std::string name = e.path().filename().string();
    const WebAsset* asset = find_web_asset(name);
    ASSERT_NE(asset, nullptr) << name;
    const std::string text = read_text(e.path());
    EXPECT_EQ(asset->body, text) << name << ": rebuild to pick up the change";
    EXPECT_EQ(asset->sha256, tsl::to_hex(tsl::sha256(tsl::as_bytes(text)))) << name;
  }
  EXPECT_EQ(web_assets().size(), files);
  EXPECT_GE(files, 4u);
}

TEST(StaticAssets, ContentTypesFollowTheExtension) {
  EXPECT_EQ(find_web_asset("app.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(find_web_asset("app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(find_web_asset("check-form.html")->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(find_web_asset("favicon.svg")->content_type, "image/svg+xml");
}

TEST(StaticAssets, OnlyExactNamesAreFound) {
  using namespace std::string_view_literals;
  for (std::string_view name : {""sv, "APP.CSS"sv, "app.css/"sv, "/app.css"sv, "../app.css"sv, "app"sv,
                                "assets/app.css"sv, "../../CMakeLists.txt"sv, "app.css%00"sv, "app.css\0"sv}) {
    EXPECT_EQ(find_web_asset(name), nullptr) << name;
  }
  EXPECT_NE(find_web_asset("app.css"), nullptr);
}

TEST(StaticAssets, NoAssetLoadsAnythingFromAnotherOrigin) {
  for (const WebAsset& a : web_assets()) {
    const std::string body(a.body);
    for (const char* external : {"src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "url(//",
                                 "@import", "fetch(\"http", "cdn"}) {
      EXPECT_EQ(body.find(external), std::string::npos) << a.name << " holds " << external;
    }
    // CSP: no inline script or style attribute to allow.
    EXPECT_EQ(body.find(" style=\""), std::string::npos) << a.name;
    EXPECT_EQ(body.find(" onclick="), std::string::npos) << a.name;
  }
}

TEST(StaticAssets, VersionedUrlsAreCachedForGoodAndOthersRevalidated) {
  const WebAsset& css = *find_web_asset("app.css");
  const std::string url = asset_url("app.css");
  ASSERT_TRUE(url.starts_with("/static/app.css?v=")) << url;
  const std::string version = url.substr(url.find("?v=") + 3);
  EXPECT_EQ(version, css.sha256.substr(0, 16));

  const Response cached = asset_response(css, version);
  EXPECT_EQ(cached.status, 200);
  EXPECT_EQ(cached.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(cached.body, css.body);
  EXPECT_EQ(header(cached, "ETag"), "\"" + std::string(css.sha256) + "\"");
  EXPECT_EQ(header(cached, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(cached, "X-Content-Type-Options"), "nosniff");
  EXPECT_NE(header(cached, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);

  EXPECT_EQ(header(asset_response(css, ""), "Cache-Control"), "no-cache");
  EXPECT_EQ(header(asset_response(css, "0000000000000000"), "Cache-Control"), "no-cache");
  EXPECT_EQ(asset_url("nothing.css"), "/static/nothing.css");
}

TEST(StaticAssets, AMatchingIfNoneMatchAnswersNotModifiedWithTheSameHeaders) {
  const WebAsset& css = *find_web_asset("app.css");
  const std::string etag = "\"" + std::string(css.sha256) + "\"";
  const std::string version(css.sha256.substr(0, 16));
  const Response full = asset_response(css, version);
  for (const std::string& field : std::vector<std::string>{etag, "W/" + etag, "*", "\"other\", " + etag, " \"x\" ,W/" + etag + " "}) {
    const Response r = asset_response(css, version, field);
    EXPECT_EQ(r.status, 304) << field;
    EXPECT_EQ(r.body, "") << field;
    EXPECT_EQ(r.content_type, "") << field;
    EXPECT_EQ(r.headers, full.headers) << field;  // ETag, Cache-Control and the page headers
  }
  for (const std::string& field : {std::string(), std::string("\"other\""), std::string(css.sha256),
                                   "\"" + version + "\""}) {
    const Response r = asset_response(css, version, field);
    EXPECT_EQ(r.status, 200) << field;
    EXPECT_EQ(r.body, css.body) << field;
  }
}

}  // namespace
}  // namespace eutl::server::web
