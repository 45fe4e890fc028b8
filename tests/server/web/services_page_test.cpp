// GET /services: the filter form keeps the query, rows link to the API, pages link
// to each other, and hostile provider names are escaped.
#include "server/web/services_page.h"

#include <gtest/gtest.h>

#include "tests/server/web/web_test_context.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::contains;

class ServicesPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_lists = test::fixture_lists(); }
  static void TearDownTestSuite() { s_lists.reset(); }
  Response get(std::map<std::string, std::string> query, std::shared_ptr<const TrustedLists> lists = s_lists) {
    Request r;
    r.path = "/services";
    r.query = std::move(query);
    return services_page(r, m_parts.make(std::move(lists), test::at("2025-03-01T12:00:00Z")));
  }
  static std::shared_ptr<const TrustedLists> s_lists;
  test::ContextParts m_parts;
};
std::shared_ptr<const TrustedLists> ServicesPageTest::s_lists;

TEST_F(ServicesPageTest, ASearchAnsweredAsATable) {
  const Response r = get({{"name", "beta"}, {"territory", "BB"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<form id=\"service-search\" class=\"filters\" method=\"get\" action=\"/services\""));
  EXPECT_TRUE(contains(r.body, "<label for=\"name\">Name contains</label>"));
  EXPECT_TRUE(contains(r.body, "value=\"beta\""));
  EXPECT_TRUE(contains(r.body, "<option value=\"BB\" selected>BB</option>"));
  EXPECT_TRUE(contains(r.body, "<a href=\"/v1/services/BB/1/1\"><code>BB/1/1</code></a>"));
  EXPECT_TRUE(contains(r.body, "<td class=\"provider\">Beta Certification</td>"));
  EXPECT_TRUE(contains(r.body, "id=\"match-count\""));
  EXPECT_TRUE(contains(r.body, "aria-current=\"page\">Trust services</a>"));
}

TEST_F(ServicesPageTest, BadFiltersAre400WithTheValidValues) {
  const Response r = get({{"territory", "<ZZ>"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "role=\"alert\""));
  EXPECT_TRUE(contains(r.body, "&lt;ZZ&gt;"));
  EXPECT_FALSE(contains(r.body, "<ZZ>"));
}

TEST_F(ServicesPageTest, NoSnapshotIs503) {
  const Response r = get({}, nullptr);
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(contains(r.body, "id=\"no-lists\""));
}

TEST_F(ServicesPageTest, PageLinksKeepTheFilters) {
  ServiceQuery q;
  q.name = "a&b \"c\"";
  q.type = "CA/QC";
  q.page = 2;
  ServiceMatches m;
  m.total = 7;
  m.rows.resize(2);
  const std::string html = render_services(q, m, {"AA"}, 2);
  EXPECT_TRUE(contains(html, "showing 3–4."));
  EXPECT_TRUE(contains(html, "<a rel=\"prev\" href=\"/services?name=a%26b%20%22c%22&amp;territory=&amp;type=CA%2FQC"
                        "&amp;status=&amp;page=1\">"))
      << html;
  EXPECT_TRUE(contains(html, "page=3\">Next page</a>"));
  EXPECT_TRUE(contains(html, "value=\"a&amp;b &quot;c&quot;\""));
}

TEST_F(ServicesPageTest, HostileProviderNamesAreEscaped) {
  ServiceRow evil;
  evil.id = "AA/1/1\"><script>alert(1)</script>";
  evil.territory = "AA";
  evil.provider = "<img src=x onerror=alert(1)> Évil & Co";
  evil.service = "</td></tr></table><script>alert(2)</script>";
  evil.type = "CA/QC\"><x";
  evil.status = "granted";
  ServiceMatches m;
  m.total = 1;
  m.rows = {evil};
  const std::string html = render_services(ServiceQuery{}, m, {"AA"});
  EXPECT_FALSE(contains(html, "<script>"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "\"><x"));
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt; Évil &amp; Co"));
}

}  // namespace
}  // namespace eutl::server::web
