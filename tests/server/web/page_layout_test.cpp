// The page frame: its own assets only, no inline script, a skip link and landmarks,
// the current page marked, and the lists' problem escaped.
#include "server/web/page_layout.h"

#include <gtest/gtest.h>

#include <regex>

#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::contains;

TEST(PageLayout, AFrameWithItsOwnAssetsAndLandmarks) {
  const std::string html = render_page({"A <title>", Section::kServices, ""}, "<h1>Body</h1>");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(contains(html, "<title>A &lt;title&gt; · eutl</title>"));
  EXPECT_TRUE(std::regex_search(html, std::regex(R"re(<link rel="stylesheet" href="/static/app.css\?v=[0-9a-f]{16}">)re")));
  EXPECT_TRUE(std::regex_search(html, std::regex(R"re(<script src="/static/app.js\?v=[0-9a-f]{16}" defer></script>)re")));
  EXPECT_TRUE(contains(html, "<a class=\"skip\" href=\"#main\">"));
  EXPECT_TRUE(contains(html, "<main id=\"main\">\n<h1>Body</h1>\n</main>"));
  EXPECT_TRUE(contains(html, "<nav aria-label=\"Pages\">"));
  EXPECT_TRUE(contains(html, "<a href=\"/services\" aria-current=\"page\">Trust services</a>"));
  EXPECT_TRUE(contains(html, "<a href=\"/status\">List status</a>"));
  EXPECT_FALSE(contains(html, "lists-problem"));
  // CSP allows no inline script: every <script> has a src.
  EXPECT_FALSE(std::regex_search(html, std::regex(R"re(<script(?![^>]*\ssrc=))re")));
  EXPECT_FALSE(contains(html, "style="));
}

TEST(PageLayout, TheListsProblemIsShownEscaped) {
  const std::string html = render_page({"t", Section::kCheck, "NextUpdate passed <script>x</script>"}, "");
  EXPECT_TRUE(contains(html, "<div class=\"note\" id=\"lists-problem\" role=\"status\">"));
  EXPECT_TRUE(contains(html, "NextUpdate passed &lt;script&gt;x&lt;/script&gt;"));
  EXPECT_FALSE(contains(html, "<script>x"));
}

}  // namespace
}  // namespace eutl::server::web
