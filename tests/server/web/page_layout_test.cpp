// The page frame: its own assets only, no inline script, a skip link and landmarks,
// the current page marked, and the lists' problem escaped.
#include "server/web/page_layout.h"

#include <gtest/gtest.h>

#include <regex>

namespace eutl::server::web {
namespace {

bool has(const std::string& html, const std::string& what) { return html.find(what) != std::string::npos; }

TEST(PageLayout, AFrameWithItsOwnAssetsAndLandmarks) {
  const std::string html = render_page({"A <title>", Section::kServices, ""}, "<h1>Body</h1>");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(has(html, "<title>A &lt;title&gt; · eutl</title>"));
  EXPECT_TRUE(std::regex_search(html, std::regex(R"re(<link rel="stylesheet" href="/static/app.css\?v=[0-9a-f]{16}">)re")));
  EXPECT_TRUE(std::regex_search(html, std::regex(R"re(<script src="/static/app.js\?v=[0-9a-f]{16}" defer></script>)re")));
  EXPECT_TRUE(has(html, "<a class=\"skip\" href=\"#main\">"));
  EXPECT_TRUE(has(html, "<main id=\"main\">\n<h1>Body</h1>\n</main>"));
  EXPECT_TRUE(has(html, "<nav aria-label=\"Pages\">"));
  EXPECT_TRUE(has(html, "<a href=\"/services\" aria-current=\"page\">Trust services</a>"));
  EXPECT_TRUE(has(html, "<a href=\"/status\">List status</a>"));
  EXPECT_FALSE(has(html, "lists-problem"));
  // CSP allows no inline script: every <script> has a src.
  EXPECT_FALSE(std::regex_search(html, std::regex(R"re(<script(?![^>]*\ssrc=))re")));
  EXPECT_FALSE(has(html, "style="));
}

TEST(PageLayout, TheListsProblemIsShownEscaped) {
  const std::string html = render_page({"t", Section::kCheck, "NextUpdate passed <script>x</script>"}, "");
  EXPECT_TRUE(has(html, "<div class=\"note\" id=\"lists-problem\" role=\"status\">"));
  EXPECT_TRUE(has(html, "NextUpdate passed &lt;script&gt;x&lt;/script&gt;"));
  EXPECT_FALSE(has(html, "<script>x"));
}

}  // namespace
}  // namespace eutl::server::web
