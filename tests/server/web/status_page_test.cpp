// GET /status over the fixture lists: one row per list with its sequence, dates,
// status and staleness at the request's instant; no lists loaded is said plainly.
#include "server/web/status_page.h"

#include <gtest/gtest.h>

#include "tests/server/web/web_test_context.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::contains;

class StatusPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_lists = test::fixture_lists(); }
  static void TearDownTestSuite() { s_lists.reset(); }
  static std::shared_ptr<const TrustedLists> s_lists;
  test::ContextParts m_parts;
};
std::shared_ptr<const TrustedLists> StatusPageTest::s_lists;

TEST_F(StatusPageTest, RowsForTheFixtureListsLotlFirst) {
  ASSERT_TRUE(s_lists);
  const auto rows = list_rows(*s_lists, test::at("2025-03-01T12:00:00Z"));
  ASSERT_EQ(rows.size(), 5u);  // lotl, pivot-101, AA, BB, CC
  EXPECT_EQ(rows[0].kind, "lotl");
  EXPECT_EQ(rows[0].territory, "EU");
  EXPECT_EQ(rows[0].sequence, "102");
  EXPECT_EQ(rows[1].kind, "pivot");
  EXPECT_EQ(rows[1].sequence, "101");
  EXPECT_EQ(rows[2].territory, "AA");
  EXPECT_EQ(rows[2].sequence, "7");
  EXPECT_EQ(rows[3].territory, "BB");
  EXPECT_EQ(rows[3].sequence, "3");
  EXPECT_EQ(rows[4].territory, "CC");
  for (const ListRow& r : rows) {
    EXPECT_EQ(r.status, "valid") << r.territory;
    EXPECT_FALSE(r.stale) << r.territory;
    EXPECT_EQ(r.next_update, r.kind == "pivot" ? "2024-07-01T00:00:00Z" : "2025-07-01T00:00:00Z") << r.territory;
    EXPECT_FALSE(r.issue_date.empty());
  }
}

TEST_F(StatusPageTest, ListsPastTheirNextUpdateAreFlaggedStale) {
  const Response r = status_page(Request{}, m_parts.make(s_lists, test::at("2025-08-01T00:00:00Z"), "lists are stale"));
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<h1>Trusted list status</h1>"));
  EXPECT_TRUE(contains(r.body, "5 lists, 5 valid when verified at 2025-03-01T00:00:00Z; 4 in use past their NextUpdate at "
                          "2025-08-01T00:00:00Z (ETSI TS 119 612 V2.4.1 §5.3.15)."))
      << r.body;
  EXPECT_TRUE(contains(r.body, "<tr class=\"flagged\" data-territory=\"BB\"><td>BB</td><td>tl</td><td>3</td>"));
  EXPECT_TRUE(contains(r.body, "<span class=\"flag\">stale</span>"));
  // A pivot's NextUpdate passed long ago by design: it only vouches for the anchors.
  EXPECT_TRUE(contains(r.body, "<td class=\"stale\">n/a (pivot)</td>"));
  EXPECT_TRUE(contains(r.body, "aria-current=\"page\">List status</a>"));
  EXPECT_TRUE(contains(r.body, "id=\"lists-problem\""));

  const Response fresh = status_page(Request{}, m_parts.make(s_lists, test::at("2025-03-02T00:00:00Z")));
  EXPECT_FALSE(contains(fresh.body, "class=\"flagged\""));
  EXPECT_TRUE(contains(fresh.body, "<td class=\"stale\">fresh</td>"));
}

TEST_F(StatusPageTest, NoSnapshotIs503WithTheReason) {
  const Response r = status_page(Request{}, m_parts.make(nullptr, test::at("2025-03-01"), "no snapshot: run fetch"));
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(contains(r.body, "id=\"no-lists\""));
  EXPECT_TRUE(contains(r.body, "no snapshot: run fetch"));
}

TEST_F(StatusPageTest, HostileListTextIsEscaped) {
  ListRow evil;
  evil.territory = "<script>x</script>";
  evil.kind = "tl";
  evil.reasons = "\"><img src=x onerror=alert(1)>";
  evil.status = "invalid\" onmouseover=\"x";
  const std::string html = render_status({evil}, s_lists.get(), test::at("2025-03-01"));
  EXPECT_FALSE(contains(html, "<script>"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "\" onmouseover"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;x&lt;/script&gt;"));
}

}  // namespace
}  // namespace eutl::server::web
